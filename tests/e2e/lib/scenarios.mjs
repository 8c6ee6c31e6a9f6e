// The rule-book scenarios (section L) as journeys: "question → answer" lists, the day, and
// what the result page must say (catalogue keys, or literal text such as a date).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { Journey, openOn, words, RULES_VERSION } from './journey.mjs';

const en = words('en');
/** A non-EU/EEA national with a temporary permit, answers shared by several journeys. */
export const OTHER = {
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
  stays_abroad: [],
  renewal_digital: false,
};

export const JOURNEYS = [
  {
    name: 'L1: work permit applied in person with biometrics gets the card by post',
    today: '2022-05-01',
    answers: {
      topic: 'get_card',
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
      topic: 'get_card',
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
      topic: 'get_card',
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
      topic: 'expiring',
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
      topic: 'card_problem',
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
      topic: 'card_problem',
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
      topic: 'travel',
      ...OTHER,
      status: 'temporary',
      applied_for: 'renewal',
      basis: 'work',
      application_date: '2025-12-01',
      applied_from: 'norway',
      travel_document: 'none',
      permit_expiry: '2027-05-31',
      permit_start: '2024-06-01',
      card_situation: [],
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
      topic: 'brexit',
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
      application_date: '2023-04-20',
      date_of_birth: '1980-01-01',
    },
    expect: ['finding.brexit_late.yes.title'],
  },
  {
    name: "L54: a UK student's dependent mother is not eligible",
    today: '2026-11-22',
    answers: {
      topic: 'brexit',
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
      topic: 'get_card',
      ...OTHER,
      status: 'temporary',
      applied_for: 'first_asylum_with_police',
      basis: 'protection',
      application_date: '2023-06-01',
      permit_expiry: '2027-06-01',
    },
    expect: ['finding.appointment.no.title'],
  },
  {
    name: 'L69: collective protection is extended automatically, the new card comes by post',
    today: '2027-01-15',
    answers: {
      topic: 'collective_protection',
      ...OTHER,
      status: 'temporary',
      applied_for: 'renewal',
      basis: 'collective_protection',
      permit_expiry: '2027-03-15',
      first_collective_permit: '2023-03-15',
      permit_start: '2026-03-15',
      date_of_birth: '1985-05-05',
      other_citizenship: false,
    },
    expect: ['finding.collective_extension.yes.title', 'finding.collective_card_by_post.yes.title'],
    text: ['15 March 2028'],
  },
  {
    name: "permanent permit, family of a refugee: five years (met 15 January 2028), over three months without a permit",
    today: '2026-12-01',
    answers: {
      topic: 'permanent',
      ...OTHER,
      status: 'temporary',
      applied_for: 'permanent_permit',
      basis: 'family',
      family_five_year_group: true,
      application_date: '2026-11-20',
      applied_from: 'norway',
      submitted_by: 'myself',
      biometrics_taken: true,
      travel_document: 'none',
      permit_expiry: '2027-06-01',
      residence_requirement_date: 'skip',
      first_qualifying_permit_date: '2023-01-15',
      permit_gap: 'over_three_months',
    },
    expect: ['finding.permanent_requirements.yes.title', 'finding.permanent_permit_gap.yes.title'],
    text: ['15 January 2028'],
  },
];

/**
 * Registers one test per journey: walk it from the start page to the result page, check the
 * result names what the scenario expects, axe on every page, no request to another origin.
 */
export function runJourneys(title, journeys, app) {
  describe(title, () => {
    let context;
    before(async () => {
      context = await launch();
    });
    after(async () => context?.close());

    for (const j of journeys) {
      test(j.name + (j.keyboard ? ' (keyboard only)' : ''), async () => {
        const { page, requests } = await openOn(context, app.url, j.today);
        const journey = new Journey(page, 'en', j.answers, { keyboard: !!j.keyboard });
        await journey.toCheckPage();
        const result = await journey.toResult();
        // Topic first: a rule-book journey asks at most 12 questions (issue 12).
        assert.ok(journey.asked.length <= 12, `${journey.asked.length} questions: ${journey.asked.join(' → ')}`);
        for (const key of j.expect) {
          assert.ok(result.includes(en.get(key)), `result page lacks "${en.get(key)}" (${key}):\n${result}`);
        }
        for (const text of j.text ?? []) {
          assert.ok(result.includes(text), `result page lacks "${text}":\n${result}`);
        }
        assert.ok(result.includes(en.get('ui.not_advice')), 'the not-legal-advice line is missing');
        assert.ok(result.includes(RULES_VERSION), 'the rules version is not shown');
        assert.deepEqual(journey.violations, [], journey.violations.join('\n'));
        const foreign = requests.filter((u) => !u.startsWith(app.origin));
        assert.deepEqual(foreign, [], 'requests to other origins');
        console.log(`  ${j.name}: ${journey.pages.length} pages, axe clean`);
        await page.close();
      });
    }
  });
}
