// Real journeys from the rule book's scenarios (section L), walked as a person would: by the
// visible labels, from the start page to the result page, with the device clock set to the
// scenario's day. axe runs on every page each journey passes through. One journey is keyboard
// only; one switches language half-way and keeps every answer.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';
import { Journey, openOn, words } from './lib/journey.mjs';

const app = serveApp();
const en = words('en');
const nb = words('nb');

/** A non-EU/EEA national with a temporary permit, answers shared by several journeys. */
const OTHER = {
  citizenship: 'other',
  eu_family_member: false,
  brexit_role: 'not_concerned',
  letter_says_meet_police: 'unsure',
  channel: 'online',
  date_of_birth: '1990-05-05',
  appointment_date: 'skip',
  card_lost_in_mail: false,
  planned_departure: 'skip',
  location_now: 'norway',
  permit_start: 'skip',
  permit_end: 'skip',
  stays_abroad: [],
  renewal_digital: false,
  renewal_submitted: 'skip',
};

const JOURNEYS = [
  {
    name: 'L1: work permit applied in person with biometrics gets the card by post',
    today: '2022-05-01',
    answers: {
      ...OTHER,
      status: 'temporary',
      applied_for: 'first_permit',
      basis: 'work',
      application_date: '2022-03-10',
      applied_from: 'norway',
      submitted_by: 'myself',
      biometrics_taken: true,
      travel_document: 'none',
      permit_expiry: '2023-03-01',
    },
    expect: ['finding.appointment.no.title', 'finding.card_arrival.yes.title'],
  },
  {
    name: 'L3: family immigration applied from abroad must book an appointment',
    today: '2023-09-01',
    answers: {
      ...OTHER,
      status: 'temporary',
      applied_for: 'first_permit',
      basis: 'family',
      application_date: '2023-02-01',
      applied_from: 'abroad',
      permit_expiry: '2024-09-01',
    },
    expect: ['finding.appointment.yes.title', 'finding.how_to_book.yes.title'],
  },
  {
    name: 'L11: a German citizen needs no card and is never asked about the police',
    today: '2026-11-22',
    answers: { citizenship: 'eu_eea', status: 'none_yet', eu_stay_over_three_months: true, eu_registered: false },
    expect: ['finding.card_needed.no.title', 'finding.eu_registration.yes.title'],
    keyboard: true,
  },
  {
    name: 'L15: appointment on 14 April 2025, card expected by 16 May 2025',
    today: '2025-04-01',
    answers: {
      ...OTHER,
      status: 'temporary',
      applied_for: 'first_permit',
      basis: 'family',
      application_date: '2024-12-01',
      applied_from: 'abroad',
      appointment_date: '2025-04-14',
      permit_expiry: '2026-04-01',
    },
    expect: ['finding.card_arrival.yes.title'],
    text: ['16 May 2025'],
  },
  {
    name: 'L21: permanent permit, card expiring, old card handed in: no fee, order by 30 June 2026',
    today: '2026-06-15',
    answers: {
      ...OTHER,
      status: 'permanent_permit',
      applied_for: 'new_card_only',
      basis: 'work',
      card_situation: ['expiring_soon'],
      card_expiry: '2026-09-30',
      hand_in_old_card: true,
      duf_number: '2012 586975 61',
      new_passport_recently: false,
      plan_abroad_over_two_years: false,
    },
    expect: ['finding.fee.no.title', 'finding.order_by.yes.title'],
    text: ['30 June 2026'],
  },
  {
    name: 'L24: temporary work permit, card stolen: order a new card, NOK 300',
    today: '2026-11-22',
    answers: {
      ...OTHER,
      status: 'temporary',
      applied_for: 'new_card_only',
      basis: 'work',
      card_situation: ['stolen'],
      permit_expiry: '2027-01-31',
      duf_number: '2019 123456 78',
      new_passport_recently: true,
    },
    expect: ['finding.new_card.yes.title', 'finding.fee.yes.title'],
    text: ['NOK 300'],
  },
  {
    name: 'L25: temporary permit expiring, wants a new card: renew instead',
    today: '2026-11-22',
    answers: {
      ...OTHER,
      status: 'temporary',
      applied_for: 'new_card_only',
      basis: 'work',
      card_situation: ['expiring_soon'],
      permit_expiry: '2027-01-22',
    },
    expect: ['finding.new_card.no.title', 'finding.renewal_deadline.yes.title'],
  },
  {
    name: 'L39: three-year permit, 203 days abroad in one year: the permit is at risk',
    today: '2026-01-15',
    answers: {
      ...OTHER,
      status: 'temporary',
      applied_for: 'renewal',
      basis: 'work',
      application_date: '2025-12-01',
      applied_from: 'norway',
      travel_document: 'none',
      permit_expiry: '2027-05-31',
      permit_start: '2024-06-01',
      permit_end: '2027-05-31',
      stays_abroad: [
        { from: '2025-01-10', to: '2025-05-31', reason: 'other' },
        { from: '2025-10-01', to: '2025-11-30', reason: 'other' },
      ],
    },
    expect: ['finding.absence_temporary_permit.yes.title'],
  },
  {
    name: 'L49: UK national resident since 2020 who never applied is late',
    today: '2023-05-01',
    answers: {
      citizenship: 'uk',
      brexit_role: 'uk_national',
      uk_registered_as_eu_family: false,
      old_permit_indicators: [],
      uk_residence_start: '2020-06-01',
      uk_basis_history: [{ from: '2020-06-01', to: '2023-05-01', basis: 'employee' }],
      brexit_applied_by_deadline: false,
      brexit_special_reasons: true,
      status: 'none_yet',
      applied_for: 'brexit_permit',
      basis: 'brexit',
      application_date: 'skip',
      date_of_birth: '1980-01-01',
    },
    expect: ['finding.brexit_late.yes.title'],
  },
  {
    name: "L54: a UK student's dependent mother is not eligible",
    today: '2026-11-22',
    answers: {
      ...OTHER,
      brexit_role: 'family_member',
      'uk_family.relationship': 'ascendant',
      'uk_family.uk_national_basis': 'student',
      applied_from: 'norway',
      'uk_family.relationship_before_2021': true,
      'uk_family.supported': true,
      brexit_applied_by_deadline: true,
      status: 'none_yet',
      applied_for: 'brexit_permit',
      basis: 'brexit',
      application_date: '2021-06-01',
    },
    expect: ['finding.brexit_family.no.title'],
  },
  {
    name: 'L9: first-time asylum lodged with the police: the police call you in',
    today: '2024-05-01',
    answers: {
      ...OTHER,
      status: 'temporary',
      applied_for: 'first_asylum_with_police',
      basis: 'protection',
      application_date: '2023-06-01',
      permit_expiry: '2027-06-01',
    },
    expect: ['finding.appointment.no.title'],
  },
];

describe('journeys from the rule book', () => {
  let context;
  before(async () => {
    context = await launch();
  });
  after(async () => context?.close());

  for (const j of JOURNEYS) {
    test(j.name + (j.keyboard ? ' (keyboard only)' : ''), async () => {
      const { page, requests } = await openOn(context, app.url, j.today);
      const journey = new Journey(page, 'en', j.answers, { keyboard: !!j.keyboard });
      await journey.toCheckPage();
      const result = await journey.toResult();
      for (const key of j.expect) {
        assert.ok(result.includes(en.get(key)), `result page lacks "${en.get(key)}" (${key}):\n${result}`);
      }
      for (const text of j.text ?? []) {
        assert.ok(result.includes(text), `result page lacks "${text}":\n${result}`);
      }
      assert.ok(result.includes(en.get('ui.not_advice')), 'the not-legal-advice line is missing');
      assert.match(result, /2026\.11\.1/, 'the rules version is not shown');
      assert.deepEqual(journey.violations, [], journey.violations.join('\n'));
      const foreign = requests.filter((u) => !u.startsWith(app.origin));
      assert.deepEqual(foreign, [], 'requests to other origins');
      console.log(`  ${j.name}: ${journey.pages.length} pages, axe clean`);
      await page.close();
    });
  }

  test('switching to bokmål half-way keeps every answer and gives the result in bokmål', async () => {
    const j = JOURNEYS[0];
    const { page } = await openOn(context, app.url, j.today);
    // Answer the first three questions in English…
    const first = new Journey(page, 'en', j.answers);
    const start = page.locator('main button.button--primary');
    await start.click();
    await first.waitForHeadingChange(en.get('start.title'));
    for (const q of ['citizenship', 'eu_family_member', 'brexit_role']) await first.answer(q, j.answers[q]);
    // …switch language, go back twice: the answers are still selected.
    await page.locator('button[lang="nb"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'nb');
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, nb.get('q.status.title'));
    await page.getByRole('button', { name: nb.get('ui.back'), exact: true }).click();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, nb.get('q.brexit_role.title'));
    assert.ok(await page.getByLabel(nb.get('q.brexit_role.opt.not_concerned'), { exact: true }).isChecked());
    // …and finish in bokmål.
    const rest = new Journey(page, 'nb', j.answers);
    for (let step = 0; step < 40; step++) {
      const h = (await page.locator('main h1').innerText()).trim();
      if (h === nb.get('ui.check.title')) break;
      const q = rest.byTitle.get(h);
      assert.ok(q, `unexpected page ${h}`);
      await rest.answer(q, j.answers[q]);
    }
    const result = await rest.toResult();
    assert.ok(result.includes(nb.get('finding.appointment.no.title')), result);
    assert.deepEqual(rest.violations, [], rest.violations.join('\n'));
    await page.close();
  });

  test('an impossible date gets an error summary that takes focus and links to the field; nothing is lost', async () => {
    const { page } = await openOn(context, app.url, '2026-11-22');
    const j = new Journey(page, 'en', { ...OTHER, status: 'temporary', applied_for: 'first_permit', basis: 'work' });
    await page.locator('main button.button--primary').click();
    await j.waitForHeadingChange(en.get('start.title'));
    for (const q of ['citizenship', 'eu_family_member', 'brexit_role', 'status', 'applied_for', 'basis']) await j.answer(q, j.answers[q]);
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
    const { violations } = { violations: [] };
    await j.audit();
    assert.deepEqual(j.violations, violations, j.violations.join('\n'));
    await page.close();
  });
});
