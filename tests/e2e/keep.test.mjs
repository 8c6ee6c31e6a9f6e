// Remembering answers on the device (issue 6): a reload mid-journey finds every answer, a
// corrupted stored state still gives a working app (and is set aside with a message), "Forget
// my answers" clears everything, and a panic shows a recovery page that keeps the answers.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ready, heading } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';
import { Journey, openOn, words } from './lib/journey.mjs';
import { OTHER } from './lib/scenarios.mjs';

const app = serveApp();
const en = words('en');
const KEY = 'residence-checker.answers';

async function answerSome(page) {
  const j = new Journey(page, 'en', { ...OTHER, status: 'temporary', applied_for: 'first_permit', basis: 'work' }, { axe: false });
  await page.locator('main button.button--primary').click();
  await j.waitForHeadingChange(en.get('start.title'));
  for (const q of ['citizenship', 'topic', 'eu_family_member', 'brexit_role', 'status']) await j.answer(q, j.answers[q]);
  return j;
}

describe('answers kept on this device', () => {
  let context;
  before(async () => {
    context = await launch();
  });
  after(async () => context?.close());

  test('a reload mid-journey comes back to the same question with every answer', async () => {
    const { page } = await openOn(context, app.url, '2026-11-22');
    await answerSome(page);
    const here = await heading(page);
    assert.equal(here, en.get('q.applied_for.title'));
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
    assert.equal(stored.format, 'residence-checker-answers');
    assert.equal(stored.format_version, 2);
    assert.equal(stored.answers.status, 'temporary');
    await page.reload();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, here);
    await page.locator('main .back button').click();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('q.status.title'));
    assert.ok(await page.getByLabel(en.get('q.status.opt.temporary'), { exact: true }).isChecked());
    await page.close();
  });

  for (const [name, bad] of [
    ['not JSON at all', '{"format": "residence-che'],
    ['an unknown answer', '{"format":"residence-checker-answers","format_version":1,"answers":{"citizenship":"mars"}}'],
    ['a future format version', '{"format":"residence-checker-answers","format_version":9,"answers":{}}'],
  ]) {
    test(`a corrupted stored state (${name}) still gives a working app and is set aside`, async () => {
      const { page } = await openOn(context, app.url, '2026-11-22');
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, bad]);
      await page.reload();
      await ready(page);
      assert.ok((await page.locator('main').innerText()).includes(en.get('start.set_aside')));
      assert.equal(await page.evaluate(() => localStorage.getItem('residence-checker.answers.set-aside')), bad);
      // The app works: Start asks the first question.
      await page.locator('main button.button--primary').click();
      await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('q.citizenship.title'));
      await page.close();
    });
  }

  test('"Forget my answers" removes everything from the device', async () => {
    const { page } = await openOn(context, app.url, '2026-11-22');
    await answerSome(page);
    assert.notEqual(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
    await page.getByRole('button', { name: en.get('forget.button'), exact: true }).click();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('start.title'));
    assert.ok((await page.locator('main').innerText()).includes(en.get('start.forgotten')));
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await page.close();
  });

  test('a panic shows a recovery page instead of a blank one, and the answers survive it', async () => {
    const { page } = await openOn(context, app.url, '2026-11-22');
    await answerSome(page);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${app.url}?selftest=panic`);
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('panic.title'));
    assert.ok((await page.locator('main').innerText()).includes(en.get('panic.body')));
    assert.ok(errors.length > 0, 'the panic did not happen');
    await page.getByRole('link', { name: en.get('panic.button'), exact: true }).click();
    await ready(page);
    assert.ok((await page.locator('main').innerText()).includes(en.get('start.saved')));
    await page.locator('main button.button--primary').click();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('q.applied_for.title'));
    await page.close();
  });
});
