// Kiosk mode (issue 6): nothing is written to any storage; Start over is always there; after the
// idle time a warning gives at least 20 seconds and one tap extends; then every answer is wiped
// and the start page returns, with nothing left in storage, on the page or in the history.
// On the result page printing comes first and outside pages are addresses, not links.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';
import { Journey, openOn, words } from './lib/journey.mjs';
import { JOURNEYS } from './lib/scenarios.mjs';

const app = serveApp();
const en = words('en');

async function storageIsEmpty(page) {
  return page.evaluate(async () => {
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    return localStorage.length === 0 && Object.keys(sessionStorage).filter((k) => k !== 'e2e-fresh').length === 0 && dbs.length === 0 && document.cookie === '';
  });
}

describe('kiosk mode', () => {
  let context;
  before(async () => {
    context = await launch({ viewport: { width: 1080, height: 1920 } });
  });
  after(async () => context?.close());

  test('idle: a warning with a countdown, one tap extends, then a full wipe back to the start page', async () => {
    const j = JOURNEYS[0];
    const { page } = await openOn(context, `${app.url}?kiosk&idle=30`, j.today, { clock: 'running' });
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('kiosk')));
    const journey = new Journey(page, 'en', j.answers);
    await page.locator('main button.button--primary').click();
    await journey.waitForHeadingChange(en.get('start.title'));
    for (const q of ['citizenship', 'topic', 'eu_family_member', 'brexit_role', 'status', 'applied_for', 'basis']) {
      await journey.answer(q, journey.answers[q]);
    }
    // A date typed but not yet sent must go too.
    await page.getByLabel(en.get('ui.date.day'), { exact: true }).fill('10');
    assert.ok(await storageIsEmpty(page), 'kiosk mode wrote to storage');
    // "Start over" is always visible.
    assert.ok(await page.getByRole('button', { name: en.get('kiosk.start_over'), exact: true }).isVisible());

    // Idle for the idle time: the warning, with 20 seconds, and focus on its button.
    await page.clock.runFor(31_000);
    const warning = page.getByRole('alertdialog');
    await warning.waitFor();
    assert.match(await warning.innerText(), /\b(20|19)\b/);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), en.get('kiosk.idle.stay'));
    await journey.audit();
    // One tap extends.
    await page.getByRole('button', { name: en.get('kiosk.idle.stay'), exact: true }).click();
    await warning.waitFor({ state: 'detached' });
    assert.equal((await page.locator('main h1').innerText()).trim(), en.get('q.application_date.title'));
    assert.equal(await page.getByLabel(en.get('ui.date.day'), { exact: true }).inputValue(), '10');

    // The next person should not inherit the language either.
    await page.locator('.lang-switch button[lang="nb"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'nb');
    // Idle again, through the warning: wiped, back at the start, in the kiosk's language.
    await page.clock.runFor(31_000);
    await warning.waitFor();
    await page.clock.runFor(21_000);
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('start.title'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    // Once more from a question, to check what is left behind.
    await page.locator('main button.button--primary').click();
    await journey.waitForHeadingChange(en.get('start.title'));
    await journey.answer('citizenship', j.answers.citizenship);
    await page.clock.runFor(31_000);
    await warning.waitFor();
    await page.clock.runFor(21_000);
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('start.title'));
    assert.equal(await page.evaluate(() => location.hash), '#start');
    assert.ok(await storageIsEmpty(page));
    // Nothing of the answers is on the page or in the addresses of the history.
    const body = await page.locator('body').innerText();
    assert.ok(!body.includes(en.get('q.status.opt.temporary')), body);
    // The history's pages hold no answers: going back shows the first question, unanswered.
    await page.goBack();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('q.citizenship.title'));
    assert.equal(await page.locator('main input:checked').count(), 0);
    assert.deepEqual(journey.violations, [], journey.violations.join('\n'));
    await page.close();
  });

  test('the result: print first, outside pages as addresses (no links away), no downloads', async () => {
    const j = JOURNEYS[1];
    const { page } = await openOn(context, `${app.url}?kiosk`, j.today);
    const journey = new Journey(page, 'en', j.answers);
    await journey.toCheckPage();
    await journey.toResult();
    const main = page.locator('main');
    const buttons = await main.locator('button').allInnerTexts();
    const print = buttons.findIndex((b) => b.trim() === en.get('ui.print'));
    assert.ok(print >= 0 && print <= 2, `print is not prominent: ${buttons.join(' | ')}`);
    assert.equal(await main.locator('a[href^="http"]').count(), 0, 'a link leads away from the kiosk');
    const addresses = await main.locator('.sources .address').count();
    assert.ok(addresses > 0, 'the sources are not shown as addresses');
    // …each with a QR code to open it on a phone.
    await page.waitForFunction((n) => document.querySelectorAll('main .sources svg.qr path').length === n, addresses);
    assert.equal(await main.getByRole('button', { name: en.get('ui.save.summary') }).count(), 0);
    await main.locator('.handoff svg path').waitFor();
    assert.ok(await storageIsEmpty(page), 'kiosk mode wrote to storage');
    assert.deepEqual(journey.violations, [], journey.violations.join('\n'));
    await page.close();
  });
});
