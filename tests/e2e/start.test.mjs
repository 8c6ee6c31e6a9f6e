// The start page: renders in English, switches to bokmål and back, and Start leads on.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, heading, documentLang, switchLanguage, VIEWPORTS } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';

const app = serveApp();

describe('start page', () => {
  let context;
  before(async () => {
    context = await launch();
  });
  after(async () => context?.close());

  test('renders in English for an English-speaking browser', async () => {
    const { page } = await open(context, app.url);
    assert.equal(await heading(page), 'Check what applies to your residence card');
    assert.equal(await documentLang(page), 'en');
    assert.match(await page.title(), /Residence card checker/);
    assert.match(await page.locator('main').innerText(), /not legal advice/);
    assert.match(await page.locator('main').innerText(), /Nothing you enter is sent anywhere/);
    assert.equal(await page.locator('button[lang="en"]').getAttribute('aria-pressed'), 'true');
    await page.close();
  });

  test('switching to bokmål changes the words and <html lang>, and back again', async () => {
    const { page } = await open(context, app.url);
    await switchLanguage(page, 'nb');
    assert.equal(await heading(page), 'Finn ut hva som gjelder for oppholdskortet ditt');
    assert.equal(await documentLang(page), 'nb');
    assert.match(await page.title(), /Oppholdskortsjekken/);
    assert.equal(await page.locator('button[lang="nb"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('button[lang="en"]').getAttribute('aria-pressed'), 'false');
    await switchLanguage(page, 'en');
    assert.equal(await heading(page), 'Check what applies to your residence card');
    await page.close();
  });

  test('Start, by keyboard, leads to the first question, focus on its heading, and Back returns', async () => {
    const { page } = await open(context, app.url);
    // Keyboard only: Tab until the Start button has focus, check the focus is visible, press Enter.
    let onStart = false;
    for (let i = 0; i < 10 && !onStart; i++) {
      await page.keyboard.press('Tab');
      onStart = await page.evaluate(() => document.activeElement?.classList.contains('button--primary'));
    }
    assert.ok(onStart, 'the Start button cannot be reached with Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused Start button has no visible focus outline');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.includes('citizenship'));
    assert.equal(await heading(page), 'What is your citizenship?');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    await page.locator('main .back button').click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.includes('Check what'));
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    await page.close();
  });

  test('fits a 320 px wide screen without sideways scrolling, with 44 px touch targets', async () => {
    const narrow = await launch({ viewport: VIEWPORTS.narrow });
    try {
      const { page } = await open(narrow, app.url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the 320px screen`);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('button, a[href]')]
          .map((e) => ({ text: e.textContent.trim(), r: e.getBoundingClientRect() }))
          .filter(({ r }) => r.width < 44 || r.height < 44)
          .map(({ text, r }) => `${text}: ${r.width}x${r.height}`),
      );
      assert.deepEqual(small, [], 'touch targets smaller than 44x44 CSS px');
    } finally {
      await narrow.close();
    }
  });

  test('a browser that prefers Norwegian gets bokmål first', async () => {
    const norwegian = await launch({ locale: 'nb-NO' });
    try {
      const { page } = await open(norwegian, app.url);
      assert.equal(await documentLang(page), 'nb');
      assert.equal(await heading(page), 'Finn ut hva som gjelder for oppholdskortet ditt');
    } finally {
      await norwegian.close();
    }
  });
});
