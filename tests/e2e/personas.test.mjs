// The twelve people of the project's persona list (issue 22), walked in the built app as they
// would: their screen size, their language, the day they come, answering from their own story.
// What stays stable is checked: the plan's first steps, in order, by their words in the
// person's language; a screenshot of each result goes to target/e2e/personas/ to read as that
// person. (The walks that found the defects, and what was done, are in the issue's note.)
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';
import { Journey, openOn, words } from './lib/journey.mjs';

const app = serveApp();
const OUT = path.resolve('target/e2e/personas');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const LOCALE = { en: 'en-GB', nb: 'nb-NO', uk: 'uk-UA', ar: 'ar-SY' };

/**
 * Each person: the day, screen, language, the address (kiosk, embedded), the answers they
 * give, and the plan's first steps as catalogue keys (a step's words start with that entry's
 * words up to its first placeholder).
 */
const PEOPLE = [
  {
    name: '1 Maria, nurse from the Philippines: Christmas in Manila while her renewal is pending',
    today: '2026-12-05', viewport: PHONE, lang: 'en',
    answers: {
      citizenship: 'other', topic: 'expiring', status: 'temporary', basis: 'work',
      permit_expiry: '2027-01-20', renewal_digital: false, application_date: '2026-12-03',
      planned_departure: '2026-12-19',
    },
    plan: ['plan.event.trip.valid_card', 'plan.event.permit_expiry.rights_kept'],
  },
  {
    name: '2 Yusuf, bus driver from Eritrea: when can he apply for permanent residence',
    today: '2026-12-05', viewport: PHONE, lang: 'en',
    answers: {
      citizenship: 'other', topic: 'permanent', status: 'temporary', basis: 'protection',
      first_qualifying_permit_date: '2020-09-14', date_of_birth: '1997-03-02',
      stays_abroad: [
        { from: '2023-07-01', to: '2023-08-15', reason: 'other' },
        { from: '2025-06-10', to: '2025-07-20', reason: 'other' },
      ],
      permit_gap: 'none',
    },
    plan: ['item.apply_permanent'],
  },
  {
    name: '3 Daria from Ukraine: collective protection since April 2022',
    today: '2026-12-05', viewport: PHONE, lang: 'uk',
    answers: {
      citizenship: 'other', topic: 'collective_protection', status: 'temporary',
      permit_expiry: '2027-04-05', first_collective_permit: '2022-04-05', permit_start: '2026-04-05',
      date_of_birth: '1990-03-01',
      stays_abroad: [{ from: '2026-07-05', to: '2026-07-19', reason: 'other' }],
      other_citizenship: false, planned_departure: 'skip',
    },
    plan: ['item.check_udi_five_years', 'plan.event.collective_five_years.permit_ends'],
  },
  {
    name: '3b Maksym, Daria\'s son, born 2019: same protection',
    today: '2026-12-05', viewport: PHONE, lang: 'uk',
    answers: {
      citizenship: 'other', topic: 'collective_protection', status: 'temporary',
      permit_expiry: '2027-04-05', first_collective_permit: '2022-04-05', permit_start: '2026-04-05',
      date_of_birth: '2019-02-11', stays_abroad: [{ from: '2026-07-05', to: '2026-07-19', reason: 'other' }],
      other_citizenship: false, planned_departure: 'skip',
    },
    plan: ['item.check_udi_five_years', 'plan.event.collective_five_years.permit_ends'],
  },
  {
    name: '4 Tom, British: a cracked card and a flight to London on 15 January',
    today: '2026-12-05', viewport: DESKTOP, lang: 'en',
    answers: {
      citizenship: 'uk', topic: 'card_problem', status: 'brexit_temporary', card_situation: ['damaged'],
      permit_expiry: '2031-09-30', location_now: 'norway', hand_in_old_card: true, duf_number: 'skip',
      new_passport_recently: false, date_of_birth: '1974-06-20', appointment_date: 'skip',
      planned_departure: '2027-01-15',
    },
    plan: ['item.find_duf_number', 'item.order_new_card', 'item.pay_fee', 'item.book_appointment', 'plan.event.appointment'],
  },
  {
    name: '5 Li, student from China: the card, and Stockholm on 2 January',
    today: '2026-12-05', viewport: PHONE, lang: 'en',
    answers: {
      citizenship: 'other', topic: 'get_card', applied_for: 'first_permit', basis: 'study',
      application_date: '2026-09-15', applied_from: 'abroad', letter_says_meet_police: 'yes',
      date_of_birth: '2005-04-04', appointment_date: 'skip', planned_departure: '2027-01-02',
    },
    plan: ['item.book_appointment', 'item.move_trip'],
  },
  {
    name: '6 Samir from Syria: permanent permit, card expired in October, Istanbul on 10 January',
    today: '2026-12-05', viewport: DESKTOP, lang: 'ar',
    answers: {
      citizenship: 'other', topic: 'card_problem', status: 'permanent_permit', card_situation: ['expired'],
      card_expiry: '2026-10-01', location_now: 'norway', hand_in_old_card: true, duf_number: 'skip',
      new_passport_recently: false, date_of_birth: '1979-08-08', appointment_date: 'skip',
      planned_departure: '2027-01-10',
    },
    plan: ['item.find_duf_number', 'item.order_new_card', 'item.pay_fee', 'item.book_appointment', 'plan.event.appointment'],
  },
  {
    name: '7 Anna, Polish, in Bergen since September: does she need a card',
    today: '2026-12-05', viewport: PHONE, lang: 'en',
    answers: { citizenship: 'eu_eea', status: 'none_yet', eu_stay_over_three_months: true, eu_registered: false },
    plan: ['item.register_eu'],
  },
  {
    name: '8 Carla, Brazilian, married to a German working in Norway: does she need a card',
    today: '2026-12-05', viewport: PHONE, lang: 'en',
    answers: {
      citizenship: 'other', topic: 'get_card', applied_for: 'first_permit', basis: 'eu_family',
      application_date: '2026-10-10', applied_from: 'norway', biometrics_taken: true,
      letter_says_meet_police: 'unsure', travel_document: 'none', submitted_by: 'myself', date_of_birth: '1992-06-01',
      planned_departure: 'skip',
    },
    plan: ['item.check_decision_letter', 'item.names_on_letterbox'],
  },
  {
    name: '9 Amina, 17, from Somalia: a card lost on the bus',
    today: '2026-12-05', viewport: PHONE, lang: 'ar',
    answers: {
      citizenship: 'other', topic: 'card_problem', status: 'temporary', basis: 'family', card_situation: ['lost'],
      permit_expiry: '2028-06-30', location_now: 'norway', duf_number: 'skip', new_passport_recently: false,
      date_of_birth: '2009-05-01', appointment_date: 'skip', planned_departure: 'skip',
    },
    plan: ['item.police_report', 'item.find_duf_number', 'item.order_new_card', 'item.pay_fee', 'item.book_appointment', 'plan.event.appointment'],
    bring: ['item.bring_guardian'],
  },
  {
    name: '10 Elena from Russia: appointment on 19 October, no card yet',
    today: '2026-12-05', viewport: DESKTOP, lang: 'en',
    answers: {
      citizenship: 'other', topic: 'get_card', applied_for: 'first_permit', basis: 'family',
      application_date: '2026-06-01', applied_from: 'norway', submitted_by: 'myself', biometrics_taken: false,
      travel_document: 'none', letter_says_meet_police: 'yes', date_of_birth: '1982-01-01',
      appointment_date: '2026-10-19', planned_departure: 'skip', card_lost_in_mail: false,
    },
    plan: ['plan.event.card_expected_by.past'],
  },
  {
    name: '11 Oksana at a service-office kiosk: a stolen card',
    today: '2026-12-05', viewport: { width: 1080, height: 1920 }, lang: 'nb', query: '?kiosk',
    answers: {
      citizenship: 'other', topic: 'card_problem', status: 'temporary', basis: 'work', card_situation: ['stolen'],
      permit_expiry: '2027-08-31', location_now: 'norway', duf_number: 'skip', new_passport_recently: false,
      date_of_birth: '1988-09-09', appointment_date: 'skip', planned_departure: 'skip',
    },
    plan: ['item.police_report', 'item.find_duf_number', 'item.order_new_card', 'item.pay_fee', 'item.book_appointment', 'plan.event.appointment'],
  },
  {
    name: '12 a refugee on a municipality page (embedded, lost-card topic): appointment on 15 December',
    today: '2026-12-05', viewport: { width: 360, height: 740 }, lang: 'nb', query: '?embed&topic=card_problem&lang=nb',
    answers: {
      citizenship: 'other', status: 'temporary', basis: 'protection', card_situation: ['damaged'],
      permit_expiry: '2027-09-01', location_now: 'norway', hand_in_old_card: true, duf_number: 'skip',
      new_passport_recently: false, date_of_birth: '1991-01-01', appointment_date: '2026-12-15',
      planned_departure: 'skip',
    },
    plan: ['plan.event.appointment', 'plan.event.card_expected_by'],
  },
];

/** A catalogue entry's words up to its first placeholder: how a step's words begin. */
function opening(t, key) {
  const w = t.get(key);
  if (w === undefined) throw new Error(`no words for ${key}`);
  return w.split('{')[0].trim();
}

describe('the people of the persona list, walked in the built app', () => {
  for (const p of PEOPLE) {
    test(p.name, async (tc) => {
      const context = await launch({ viewport: p.viewport, locale: LOCALE[p.lang] });
      try {
        const t = words(p.lang);
        const { page } = await openOn(context, `${app.url}${p.query ?? ''}`, p.today);
        const journey = new Journey(page, p.lang, p.answers, { axe: false });
        await journey.toCheckPage();
        await journey.toResult();
        const steps = await page.locator('main .plan .step__text').allTextContents();
        const bare = (s) => s.replace(/\s+/g, ' ').trim();
        p.plan.forEach((key, i) => {
          assert.ok(
            bare(steps[i] ?? '').startsWith(opening(t, key)),
            `step ${i + 1} should be ${key} ("${opening(t, key)}"), the plan is:\n${steps.map((s, n) => `${n + 1}. ${s}`).join('\n')}`,
          );
        });
        for (const key of p.bring ?? []) {
          const bring = await page.locator('main .plan .checklist__item').allTextContents();
          assert.ok(bring.some((b) => bare(b).startsWith(opening(t, key))), `nothing to bring says ${key}: ${bring.join(' | ')}`);
        }
        // Nothing on the page writes a placeholder or a key.
        const text = await page.locator('main').innerText();
        assert.ok(!/\{[a-z_]+\}/.test(text), 'an unfilled placeholder');
        fs.mkdirSync(OUT, { recursive: true });
        const shot = path.join(OUT, `${p.name.split(' ')[0]}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        tc.diagnostic(`${journey.asked.length} questions; screenshot ${shot}`);
        await page.close();
      } finally {
        await context.close();
      }
    });
  }
});
