// The pre-rendered start page (issue 23): the built index.html shows the start page before the
// WebAssembly arrives (src/bin/prerender.rs writes it from the app's own components;
// assets/boot.js keeps it usable), and the app takes it over without a visible change.
//
// - The markup on screen before the takeover is the app's own render, in every language and for
//   every kind of visit (nothing kept, answers kept on this device, a kiosk), and the takeover
//   changes neither the document's language, direction nor title.
// - A press on Start, or on "Continue from a saved summary", before the app runs is kept and
//   replayed once it runs; the language switch works before the app runs, and the app starts in
//   the language chosen.
// - A browser that prefers bokmål, Ukrainian or Arabic never has English painted first.
// - Without JavaScript only the <noscript> message shows.
//
// The app is held back by holding its WebAssembly (and the report worker's) until the test
// lets it go.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';
import { words } from './lib/journey.mjs';

const app = serveApp();
const LOCALES = { en: 'en-US', nb: 'nb-NO', nn: 'nn-NO', uk: 'uk-UA', ar: 'ar-EG' };
const WORDS = Object.fromEntries(Object.keys(LOCALES).map((code) => [code, words(code)]));

/** Records, in the page, what the boot script swaps at the takeover (before any replayed press). */
const RECORD_TAKEOVER = () => {
  const markup = (body) =>
    [...body.children]
      .filter((e) => !/^(TEMPLATE|NOSCRIPT|SCRIPT)$/.test(e.tagName))
      .map((e) => e.outerHTML)
      .join('\n');
  document.addEventListener('residence-checker:takeover', (event) => {
    const html = document.documentElement;
    window.__takeover = {
      before: markup(event.detail.previous),
      after: markup(document.body),
      document: { lang: html.lang, dir: html.dir, title: document.title },
    };
  });
};

/** Holds every WebAssembly request of `page` until the returned function is called. */
async function holdApp(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The first difference between two markups, with some context, for a failure message. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}:\n  pre-rendered: …${a.slice(Math.max(0, i - 120), i + 160)}…\n  app:          …${b.slice(Math.max(0, i - 120), i + 160)}…`;
}

/** Opens the app at `url` and returns what the takeover swapped, once the app has settled. */
async function takeover(context, url) {
  const page = await context.newPage();
  await page.addInitScript(RECORD_TAKEOVER);
  await page.goto(url);
  await page.waitForFunction(() => window.__takeover, undefined, { timeout: 30_000 });
  // The app's own effects run after the takeover: they must not change the document either.
  await page.waitForTimeout(300);
  const result = await page.evaluate(() => ({
    ...window.__takeover,
    now: { lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title },
  }));
  return { page, ...result };
}

/** Leaves answers on this device: Start, answer the first question, back to the start page. */
async function keepAnswers(context) {
  const page = await context.newPage();
  await page.goto(`${app.url}?lang=en`);
  await page.waitForFunction(() => !document.body.hasAttribute('data-prerendered'));
  await page.locator('main button.button--primary').click();
  await page.locator('main fieldset input[type="radio"]').first().check();
  await page.getByRole('button', { name: WORDS.en.get('ui.continue'), exact: true }).click();
  await page.waitForFunction(() => localStorage.getItem('residence-checker.answers') !== null);
  await page.close();
}

describe('the app takes over the pre-rendered start page without a difference', () => {
  for (const [code, locale] of Object.entries(LOCALES)) {
    test(`${code}: nothing kept, a kiosk, answers kept on this device`, async () => {
      const context = await launch({ locale, serviceWorkers: 'block' });
      try {
        for (const [visit, query, prepare] of [
          ['nothing kept', '', null],
          ['a kiosk', '?kiosk', null],
          ['answers kept', '', keepAnswers],
        ]) {
          if (prepare) await prepare(context);
          const { page, before, after, document: atTakeover, now } = await takeover(context, app.url + query);
          assert.ok(before.includes('<main'), `${visit}: no pre-rendered page was on screen`);
          assert.equal(atTakeover.lang, code, `${visit}: the page's language`);
          assert.ok(before === after, `${code}, ${visit}: the app's first render differs from the pre-rendered page ${firstDifference(before, after)}`);
          assert.deepEqual(now, atTakeover, `${visit}: the app changed the document after taking over`);
          if (visit === 'answers kept') assert.match(before, new RegExp(WORDS[code].get('forget.button')));
          if (visit === 'a kiosk') assert.match(before, new RegExp(WORDS[code].get('kiosk.start_over')));
          await page.close();
        }
      } finally {
        await context.close();
      }
    });
  }
});

describe('before the app runs', () => {
  test('a press on Start is kept and replayed when the app runs', async () => {
    const context = await launch({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const release = await holdApp(page);
      await page.goto(app.url);
      const start = page.locator('main button.button--primary');
      await start.click();
      await page.waitForTimeout(300);
      assert.ok(await page.evaluate(() => document.body.hasAttribute('data-prerendered')), 'the app ran early');
      assert.equal((await page.locator('main h1').innerText()).trim(), WORDS.en.get('start.title'));
      assert.ok(await page.evaluate(() => document.documentElement.classList.contains('waiting')), 'no sign of waiting');
      release();
      await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, WORDS.en.get('q.citizenship.title'), {
        timeout: 30_000,
      });
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
      assert.ok(!(await page.evaluate(() => document.documentElement.classList.contains('waiting'))));
    } finally {
      await context.close();
    }
  });

  test('a press on "Continue from a saved summary" is kept and replayed', async () => {
    const context = await launch({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const release = await holdApp(page);
      await page.goto(app.url);
      await page.getByRole('button', { name: WORDS.en.get('load.start'), exact: true }).click();
      release();
      await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, WORDS.en.get('load.title'), {
        timeout: 30_000,
      });
    } finally {
      await context.close();
    }
  });

  test('the language switch works, and the app starts in the language chosen', async () => {
    const context = await launch({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.addInitScript(RECORD_TAKEOVER);
      const release = await holdApp(page);
      await page.goto(app.url);
      await page.locator('.lang-switch button[lang="nb"]').click();
      await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, WORDS.nb.get('start.title'));
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'nb');
      assert.equal(await page.locator('.lang-switch button[lang="nb"]').getAttribute('aria-pressed'), 'true');
      assert.match(await page.title(), /Oppholdskortsjekken/);
      // On to Arabic, right to left, back to English and to bokmål again.
      await page.locator('.lang-switch button[lang="ar"]').click();
      await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, WORDS.ar.get('start.title'));
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      await page.locator('.lang-switch button[lang="en"]').click();
      await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, WORDS.en.get('start.title'));
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
      await page.locator('.lang-switch button[lang="nb"]').click();
      await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, WORDS.nb.get('start.title'));
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'nb');
      assert.ok(await page.evaluate(() => document.body.hasAttribute('data-prerendered')), 'the app ran early');
      await page.locator('main button.button--primary').click();
      release();
      await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, WORDS.nb.get('q.citizenship.title'), {
        timeout: 30_000,
      });
      const { before, after } = await page.evaluate(() => window.__takeover);
      assert.ok(before === after, `the app's first render differs from the bokmål page ${firstDifference(before, after)}`);
    } finally {
      await context.close();
    }
  });
});

describe('a browser that prefers another language', () => {
  for (const code of ['nb', 'nn', 'uk', 'ar']) {
    test(`${code}: never has English painted, before or after the app runs`, async () => {
      const context = await launch({ locale: LOCALES[code], serviceWorkers: 'block' });
      try {
        const page = await context.newPage();
        // Every frame: the main heading, if it is visible once the styles are in.
        await page.addInitScript(() => {
          window.__painted = [];
          const frame = () => {
            const styled = [...document.styleSheets].some((s) => s.href?.includes('/main-'));
            const h1 = document.querySelector('main h1');
            if (styled && h1?.checkVisibility({ visibilityProperty: true })) {
              const seen = `${document.documentElement.lang}: ${h1.textContent}`;
              if (window.__painted.at(-1) !== seen) window.__painted.push(seen);
            }
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        });
        const release = await holdApp(page);
        // The language's start page arrives late, so an English frame would show.
        await page.route(`**/start/${code}.html`, async (route) => {
          await new Promise((r) => setTimeout(r, 500));
          await route.continue();
        });
        await page.goto(app.url);
        const title = WORDS[code].get('start.title');
        await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, title);
        assert.ok(await page.evaluate(() => document.body.hasAttribute('data-prerendered')), 'the app ran early');
        release();
        await page.waitForFunction(() => !document.body.hasAttribute('data-prerendered'), undefined, { timeout: 30_000 });
        await page.waitForTimeout(300);
        const painted = await page.evaluate(() => window.__painted);
        assert.deepEqual(painted, [`${code}: ${title}`], 'the headings painted, in order');
      } finally {
        await context.close();
      }
    });
  }
});

test('without JavaScript only the <noscript> message shows', async () => {
  const context = await launch({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(app.url);
    assert.ok(await page.locator('main.noscript').isVisible(), 'the <noscript> message is hidden');
    assert.match(await page.locator('main.noscript').innerText(), /needs JavaScript/);
    assert.equal(await page.locator('main button.button--primary').count(), 1, 'no pre-rendered page at all');
    assert.ok(!(await page.locator('main button.button--primary').isVisible()), 'the pre-rendered Start button shows');
    assert.ok(!(await page.locator('header.site-header').isVisible()), 'the pre-rendered header shows');
  } finally {
    await context.close();
  }
});
