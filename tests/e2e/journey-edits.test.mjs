// Editing a journey: switching language half-way keeps every answer; an impossible date gets an
// error summary that takes focus and links to the field, and nothing typed is lost.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';
import { Journey, openOn, words } from './lib/journey.mjs';
import { JOURNEYS, OTHER } from './lib/scenarios.mjs';

const app = serveApp();
const en = words('en');
const nb = words('nb');

describe('changing answers and language mid-journey', () => {
  let context;
  before(async () => {
    context = await launch();
  });
  after(async () => context?.close());

  test('switching to bokmål half-way keeps every answer and gives the result in bokmål', async () => {
    const j = JOURNEYS[0];
    const { page } = await openOn(context, app.url, j.today);
    // Answer the first three questions in English…
    // The full check: these steps name its questions.
    const first = new Journey(page, 'en', { ...j.answers, topic: 'everything' });
    const start = page.locator('main button.button--primary');
    await start.click();
    await first.waitForHeadingChange(en.get('start.title'));
    for (const q of ['citizenship', 'topic', 'eu_family_member', 'brexit_role']) await first.answer(q, first.answers[q]);
    // …switch language, go back twice: the answers are still selected.
    await page.locator('button[lang="nb"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'nb');
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, nb.get('q.status.title'));
    await page.locator('main .back button').click();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, nb.get('q.brexit_role.title'));
    assert.ok(await page.getByLabel(nb.get('q.brexit_role.opt.not_concerned'), { exact: true }).isChecked());
    // …and finish in bokmål.
    const rest = new Journey(page, 'nb', { ...j.answers, topic: 'everything' });
    for (let step = 0; step < 40; step++) {
      const h = (await page.locator('main h1').innerText()).trim();
      if (h === nb.get('ui.check.title')) break;
      const q = rest.byTitle.get(h);
      assert.ok(q, `unexpected page ${h}`);
      await rest.answer(q, rest.answers[q]);
    }
    const result = await rest.toResult();
    assert.ok(result.includes(nb.get('finding.appointment.no.title')), result);
    assert.deepEqual(rest.violations, [], rest.violations.join('\n'));
    await page.close();
  });

  test('"Other things that may concern you" opens another topic with the answers kept', async () => {
    const j = JOURNEYS.find((x) => x.answers.topic === 'card_problem');
    const { page } = await openOn(context, app.url, j.today);
    const journey = new Journey(page, 'en', j.answers, { axe: false });
    await journey.toCheckPage();
    await journey.toResult();
    const other = page.locator('main .other-topics');
    await other.waitFor();
    assert.equal((await other.locator('h2').innerText()).trim(), en.get('ui.other_topics.title'));
    const travel = other.locator('button[data-topic="travel"]');
    assert.ok(await travel.isVisible(), await other.innerText());
    await travel.click();
    // Citizenship and status are kept: the first new question of the travel topic is next.
    await journey.waitForHeadingChange(en.get('ui.result.title'));
    assert.equal((await page.locator('main h1').innerText()).trim(), en.get('q.basis.title'));
    await page.locator('main .back button').click();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('q.status.title'));
    assert.ok(await page.getByLabel(en.get('q.status.opt.temporary'), { exact: true }).isChecked());
    await page.close();
  });

  test('an impossible date gets an error summary that takes focus and links to the field; nothing is lost', async () => {
    const { page } = await openOn(context, app.url, '2026-11-22');
    const j = new Journey(page, 'en', { ...OTHER, status: 'temporary', applied_for: 'first_permit', basis: 'work' });
    await page.locator('main button.button--primary').click();
    await j.waitForHeadingChange(en.get('start.title'));
    for (const q of ['citizenship', 'topic', 'eu_family_member', 'brexit_role', 'status', 'applied_for', 'basis']) await j.answer(q, j.answers[q]);
    assert.equal((await page.locator('main h1').innerText()).trim(), en.get('q.application_date.title'));
    await page.getByLabel(en.get('ui.date.day'), { exact: true }).fill('31');
    await page.getByLabel(en.get('ui.date.month'), { exact: true }).fill('2');
    await page.getByLabel(en.get('ui.date.year'), { exact: true }).fill('2025');
    await page.getByRole('button', { name: en.get('ui.continue'), exact: true }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
    assert.ok((await summary.innerText()).includes(en.get('ui.error.date.invalid')));
    // The typed values are kept; the link moves focus to the field.
    assert.equal(await page.getByLabel(en.get('ui.date.day'), { exact: true }).inputValue(), '31');
    await summary.locator('a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-application-date-day');
    await j.audit();
    assert.deepEqual(j.violations, [], j.violations.join('\n'));
    await page.close();
  });
  test("the browser's Back and Forward buttons move between questions and keep every answer", async () => {
    const { page } = await openOn(context, app.url, '2026-11-22');
    const j = new Journey(page, 'en', { citizenship: 'eu_eea', status: 'none_yet' });
    await page.locator('main button.button--primary').click();
    await j.waitForHeadingChange(en.get('start.title'));
    await j.answer('citizenship', 'eu_eea');
    await j.answer('status', 'none_yet');
    const h1 = () => page.locator('main h1').innerText().then((t) => t.trim());
    assert.equal(await h1(), en.get('q.eu_stay_over_three_months.title'));
    await page.goBack();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('q.status.title'));
    assert.ok(await page.getByLabel(en.get('q.status.opt.none_yet'), { exact: true }).isChecked());
    await page.goBack();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('q.citizenship.title'));
    assert.ok(await page.getByLabel(en.get('q.citizenship.opt.eu_eea'), { exact: true }).isChecked());
    await page.goForward();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('q.status.title'));
    // A tampered address that skips ahead lands on the first open question, not a broken page.
    await page.evaluate(() => { window.location.hash = '#result'; });
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, en.get('q.eu_stay_over_three_months.title'));
    await page.close();
  });
});
