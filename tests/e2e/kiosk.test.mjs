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
import { launch, heading } from './lib/browser.mjs';
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

  test('every kiosk word in every language: the language switched on the start page, then idle', async () => {
    const j = JOURNEYS[0];
    // A first visit (no service worker to serve the words from its cache).
    const fresh = await launch({ viewport: { width: 1080, height: 1920 }, serviceWorkers: 'block' });
    for (const lang of ['en', 'nb', 'nn', 'uk', 'ar']) {
      const t = words(lang);
      const { page } = await openOn(fresh, `${app.url}?kiosk&idle=5`, j.today, { clock: 'running' });
      // The questions' words are slow to come (a kiosk on a poor network): the warning must not
      // wait for them.
      await page.route('**/*.result.txt', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 30_000));
        await route.continue().catch(() => {});
      });
      if (lang !== 'en') {
        await page.locator(`.lang-switch button[lang="${lang}"]`).click();
        await page.waitForFunction((c) => document.documentElement.lang === c && document.querySelector('main button.button--primary'), lang);
      }
      // Straight to the warning: the words must not wait for anything fetched later.
      await page.clock.runFor(6_000);
      const warning = page.getByRole('alertdialog');
      await warning.waitFor();
      const text = await warning.innerText();
      assert.ok(!/\bkiosk\.[a-z_.]+|plural\./.test(text), `${lang}: a raw key in the idle warning: ${text}`);
      assert.ok(text.includes(t.get('kiosk.idle.title')), `${lang}: ${text}`);
      assert.ok(text.includes(t.get('kiosk.idle.stay')), `${lang}: ${text}`);
      const header = await page.locator('.site-header').innerText();
      assert.ok(header.includes(t.get('kiosk.start_over')), `${lang}: ${header}`);
      await page.close();
    }
    await fresh.close();
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

  test('the result at 1080×1920: print and "continue on your phone" at the top, the sources one short list, large headings, 64 px targets, in Norway assumed, no file picker', async (tc) => {
    const j = JOURNEYS.find((x) => x.name.startsWith('L24'));
    const { page } = await openOn(context, `${app.url}?kiosk`, j.today);
    const journey = new Journey(page, 'en', j.answers);
    const dir = path.join(OUT, 'kiosk');
    fs.mkdirSync(dir, { recursive: true });
    const shot = async (name) => {
      const file = path.join(dir, `${name}.png`);
      await page.screenshot({ path: file });
      tc.diagnostic(`kiosk ${name}: ${file}`);
    };
    // Every visible target on the page: its height, and the smallest text and heading sizes.
    const measure = () =>
      page.evaluate(() => {
        const shown = (e) => {
          const r = e.getBoundingClientRect();
          return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== 'hidden';
        };
        const px = (e) => parseFloat(getComputedStyle(e).fontSize);
        const targets = [...document.querySelectorAll('button, a[href], summary, input, select, textarea')]
          .filter(shown)
          // A radio or checkbox is part of its tile (the row is the target).
          .map((e) => (e.matches('.choice input') ? e.closest('.choice') : e))
          .map((e) => ({ what: `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}"`, height: e.getBoundingClientRect().height }));
        const body = px(document.body);
        const headings = [...document.querySelectorAll('main h1, main h2, main h3, .idle-warning h2')].filter(shown).map((h) => ({ text: h.textContent.trim().slice(0, 30), size: px(h) }));
        const progress = document.querySelector('main .progress');
        // The smallest text in main (elements with text of their own, on screen).
        const texts = [...document.querySelectorAll('main *')]
          .filter((e) => shown(e) && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
          .map((e) => ({ text: e.textContent.trim().slice(0, 30), size: px(e) }));
        const smallest = texts.reduce((a, b) => (b.size < a.size ? b : a), { size: Infinity });
        return { targets, body, headings, progress: progress ? px(progress) : null, smallest };
      });
    const check = async (where) => {
      const m = await measure();
      for (const t of m.targets) assert.ok(t.height >= 64 - 0.5, `${where}: ${t.what} is ${t.height} px tall`);
      for (const h of m.headings) assert.ok(h.size > m.body, `${where}: heading "${h.text}" is ${h.size} px, body ${m.body} px`);
      if (m.progress !== null) assert.ok(m.progress >= 20, `${where}: the progress line is ${m.progress} px`);
      assert.ok(m.smallest.size >= 20, `${where}: "${m.smallest.text}" is ${m.smallest.size} px`);
      return m;
    };

    // The start page: no file picker; Start the largest target.
    assert.equal(await page.getByRole('button', { name: en.get('load.start') }).count(), 0, 'the kiosk offers the file picker');
    const start = await check('start page');
    const startButton = await page.locator('main button.button--primary').boundingBox();
    for (const t of start.targets) assert.ok(t.height <= startButton.height, `${t.what} (${t.height} px) is taller than Start (${startButton.height} px)`);
    tc.diagnostic(`start page: Start ${startButton.height} px tall; other targets ${[...new Set(start.targets.map((t) => Math.round(t.height)))].join(', ')} px; body ${start.body} px; headings ${[...new Set(start.headings.map((h) => h.size))].join(', ')} px`);
    await shot('start');

    // The questions: "Where are you now?" is never asked.
    const sizes = new Set();
    const toCheck = journey.toCheckPage.bind(journey);
    journey.audit = (async (audit) => {
      const m = await check(await page.locator('main h1').innerText());
      m.targets.forEach((t) => sizes.add(Math.round(t.height)));
      if (!sizes.has('date') && (await page.locator('main input.input').count())) {
        sizes.add('date');
        await shot('date-question');
      }
      return audit();
    }).bind(null, journey.audit.bind(journey));
    await toCheck();
    assert.ok(!journey.asked.includes('location_now'), `the kiosk asked where the reader is: ${journey.asked.join(' → ')}`);
    sizes.delete('date');
    tc.diagnostic(`question pages: targets ${[...sizes].sort((a, b) => a - b).join(', ')} px tall`);

    // The check page says so, and it can be changed.
    const assumed = page.locator('main .assumed');
    assert.equal((await assumed.innerText()).trim(), en.get('ui.check.assumed_norway').replace('{question}', en.get('q.location_now.summary')));
    const row = page.locator('main .summary-list__row', { hasText: en.get('q.location_now.summary') });
    assert.ok((await row.innerText()).includes(en.get('q.location_now.opt.norway')));
    await check('check page');
    await shot('check');
    await row.getByRole('button').click();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('q.location_now.title'));
    // Whatever the change asks next, answered as the journey does, back to the check page.
    const backToCheck = async () => {
      for (let h = await heading(page); h !== en.get('ui.check.title'); h = await heading(page)) {
        const q = journey.byTitle.get(h);
        assert.ok(q && q in journey.answers, `unexpected page "${h}"`);
        await journey.answer(q, journey.answers[q]);
      }
    };
    await journey.answer('location_now', 'abroad');
    await backToCheck();
    assert.equal(await assumed.count(), 0, 'the check page still says "in Norway" after a change');
    await page.locator('main .summary-list__row', { hasText: en.get('q.location_now.summary') }).getByRole('button').click();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('q.location_now.title'));
    await journey.answer('location_now', 'norway');
    await backToCheck();

    await journey.toResult();
    const main = page.locator('main');
    const buttons = await main.locator('button').allInnerTexts();
    const print = buttons.findIndex((b) => b.trim() === en.get('ui.print'));
    assert.ok(print >= 0 && print <= 2, `print is not prominent: ${buttons.join(' | ')}`);
    assert.equal(await main.locator('a[href^="http"]').count(), 0, 'a link leads away from the kiosk');
    assert.equal(await main.getByRole('button', { name: en.get('ui.save.summary') }).count(), 0);
    // "Continue on your phone" near the top: its QR code on the first screen, before the plan.
    const handoff = main.locator('.handoff svg.qr');
    await handoff.locator('path').waitFor();
    const qrBox = await handoff.boundingBox();
    const planBox = await main.locator('.plan').boundingBox();
    assert.ok(qrBox.y + qrBox.height <= 1920 && qrBox.y < planBox.y, `the hand-off QR code is at ${qrBox.y} px (the plan at ${planBox.y} px)`);
    // The sources: one list of addresses, at most one QR code for them; no more than two on the page.
    const addresses = await main.locator('.sources .address').count();
    assert.ok(addresses > 0, 'the sources are not shown as addresses');
    assert.ok((await main.locator('.sources svg.qr').count()) <= 1, 'more than one QR code for the sources');
    const codes = await main.locator('svg.qr').count();
    assert.ok(codes <= 2, `${codes} QR codes on the result page`);
    const result = await check('result page');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    tc.diagnostic(`result page: ${height} px tall, ${codes} QR code(s), ${addresses} sources; body ${result.body} px; headings ${[...new Set(result.headings.map((h) => h.size))].join(', ')} px; targets ${[...new Set(result.targets.map((t) => Math.round(t.height)))].join(', ')} px`);
    await shot('result');
    await page.screenshot({ path: path.join(dir, 'result-full.png'), fullPage: true });
    assert.ok(await storageIsEmpty(page), 'kiosk mode wrote to storage');
    assert.deepEqual(journey.violations, [], journey.violations.join('\n'));
    await page.close();
  });
});
