// Kiosk mode (issue 6): nothing is written to any storage; Start over is always there; after the
// idle time a warning gives at least 20 seconds and one tap extends; then every answer is wiped
// and the start page returns, with nothing left in storage, on the page or in the history.
// On the result page printing comes first and outside pages are addresses, not links.
// On a 1080 × 1920 screen the start page offers the languages, the text is at least 22 px and
// every option row is a touch tile (screenshots of both pages go to target/e2e/).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';
import { Journey, openOn, words } from './lib/journey.mjs';
import { JOURNEYS } from './lib/scenarios.mjs';

const app = serveApp();
const en = words('en');
const OUT = path.resolve('target/e2e');

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
    const journey = new Journey(page, 'en', { ...j.answers, topic: 'everything' });
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

  test('touch tiles: the languages on the start page, 22 px text, 64 px option rows with a border; a tap anywhere on a row chooses', async (tc) => {
    const j = JOURNEYS[0];
    const { page } = await openOn(context, `${app.url}?kiosk`, j.today);
    const journey = new Journey(page, 'en', j.answers);
    fs.mkdirSync(OUT, { recursive: true });
    // The first screen offers every language, on screen without scrolling.
    for (const code of ['en', 'nb']) {
      const button = page.locator(`.lang-switch button[lang="${code}"]`);
      assert.ok(await button.isVisible(), `no ${code} language button on the start page`);
      const box = await button.boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= 1920, `the ${code} button is off screen`);
    }
    await journey.audit();
    const startShot = path.join(OUT, 'kiosk-start.png');
    await page.screenshot({ path: startShot });
    tc.diagnostic(`kiosk start page: ${startShot}`);

    // Only the first question is answered (the order after it is not this test's business).
    await page.locator('main button.button--primary').click();
    await journey.waitForHeadingChange(en.get('start.title'));
    assert.equal((await page.locator('main h1').innerText()).trim(), en.get('q.citizenship.title'));
    await journey.audit();
    const measure = () =>
      page.evaluate(() => {
        const px = (v) => parseFloat(v) || 0;
        const transparent = (c) => c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);
        return {
          body: px(getComputedStyle(document.body).fontSize),
          rows: [...document.querySelectorAll('main .choice')].map((row) => {
            const s = getComputedStyle(row);
            const label = row.querySelector('label');
            const sides = ['Top', 'Right', 'Bottom', 'Left'];
            return {
              height: row.getBoundingClientRect().height,
              labelWidth: label.getBoundingClientRect().width / row.getBoundingClientRect().width,
              labelFont: px(getComputedStyle(label).fontSize),
              border: Math.min(...sides.map((side) => px(s[`border${side}Width`]))),
              borderShown: sides.every((side) => !transparent(s[`border${side}Color`]) && s[`border${side}Style`] !== 'none'),
              look: `${s.borderTopColor} / ${s.backgroundColor} / ${getComputedStyle(label, '::before').boxShadow}`,
              checked: row.querySelector('input').checked,
              outline: s.outlineStyle === 'none' ? 0 : px(s.outlineWidth),
            };
          }),
        };
      });
    const before = await measure();
    assert.ok(before.body >= 22, `body text is ${before.body} px`);
    assert.ok(before.rows.length >= 2, 'the first question shows no option rows');
    for (const [i, row] of before.rows.entries()) {
      assert.ok(row.height >= 64, `row ${i} is ${row.height} px high`);
      assert.ok(row.border >= 1 && row.borderShown, `row ${i} has no visible border: ${JSON.stringify(row)}`);
      assert.ok(row.labelFont >= 22, `row ${i} text is ${row.labelFont} px`);
      assert.ok(row.labelWidth >= 0.75, `row ${i}'s label fills ${Math.round(row.labelWidth * 100)} % of the row`);
      assert.ok(!row.checked);
    }
    tc.diagnostic(`body ${before.body} px; option rows ${before.rows.map((r) => r.height).join(', ')} px high`);

    // A tap on the right part of the second row, far from its radio, chooses it.
    const row = page.locator('main .choice').nth(1);
    const box = await row.boundingBox();
    await row.click({ position: { x: box.width - 24, y: box.height / 2 } });
    const after = await measure();
    assert.deepEqual(after.rows.map((r) => r.checked), after.rows.map((_, i) => i === 1), 'the tap did not choose the row');
    assert.notEqual(after.rows[1].look, after.rows[0].look, 'the chosen row looks like the others');
    assert.equal(after.rows[0].look, before.rows[0].look);
    // Keyboard focus on the chosen radio (Tab away and back) rings its tile.
    await row.locator('input').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    assert.ok(await page.evaluate(() => document.activeElement?.matches('main .choice:nth-child(2) input:focus-visible')));
    const focused = await measure();
    assert.ok(focused.rows[1].outline >= 2, 'keyboard focus is not shown on the tile');
    const questionShot = path.join(OUT, 'kiosk-question.png');
    await page.screenshot({ path: questionShot });
    tc.diagnostic(`kiosk first question: ${questionShot}`);
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
