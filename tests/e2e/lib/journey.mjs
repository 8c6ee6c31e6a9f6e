// Walking the questionnaire as a person would: read the heading, recognise the question, answer
// it by its visible labels, press Continue. The words come from the catalogue files, so a
// journey is written as "question → answer" and reads like a rule-book scenario.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ready, heading } from './browser.mjs';
import { axeViolations, formatViolations } from './axe.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The rules version the app shows (`engine::RULES_VERSION`), read from the source. */
export const RULES_VERSION = fs
  .readFileSync(path.join(ROOT, 'crates/core/src/engine/mod.rs'), 'utf8')
  .match(/pub const RULES_VERSION: &str = "([^"]+)";/)[1];

/** The words of a language: both catalogue files, `key = value` lines. */
export function words(lang) {
  const map = new Map();
  for (const file of [`${lang}.txt`, `${lang}.result.txt`]) {
    const text = fs.readFileSync(path.join(ROOT, 'crates/core/src/text', file), 'utf8');
    for (const line of text.split('\n')) {
      if (!line.trim() || line.trimStart().startsWith('#')) continue;
      const eq = line.indexOf('=');
      if (eq < 0) continue;
      map.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim().replace(/\{\{/g, '{').replace(/\}\}/g, '}'));
    }
  }
  return map;
}

/**
 * Opens the app with the device clock fixed on `today` (YYYY-MM-DD), on a device that remembers
 * nothing: the app keeps answers in local storage, and journeys share a browser profile, so the
 * first load of each page starts from empty storage (reloads of that page keep it).
 * `{ clock: 'running' }` installs a clock that tests move on with `page.clock.runFor`.
 */
export async function openOn(context, url, today, { clock = 'fixed' } = {}) {
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('e2e-fresh')) {
      sessionStorage.setItem('e2e-fresh', '1');
      localStorage.clear();
    }
  });
  if (clock === 'fixed') await page.clock.setFixedTime(new Date(`${today}T12:00:00`));
  else await page.clock.install({ time: new Date(`${today}T12:00:00`) });
  await page.goto(url, { waitUntil: 'load' });
  await ready(page);
  return { page, requests };
}

export class Journey {
  /**
   * @param page a Playwright page on the start page
   * @param lang 'en' or 'nb'
   * @param answers { question_name: answer } where an answer is an option key, true/false,
   *   'YYYY-MM-DD', a string (DUF), an array of option keys, an array of stays
   *   { from, to, reason }, or 'skip'
   */
  constructor(page, lang, answers, { axe = true, keyboard = false } = {}) {
    this.page = page;
    this.lang = lang;
    this.t = words(lang);
    // A journey that names no topic takes the full check (as the rule-book scenarios were
    // written before topic first); EU/EEA citizens are not asked one.
    this.answers = answers.citizenship === 'eu_eea' || 'topic' in answers ? answers : { ...answers, topic: 'everything' };
    this.axe = axe;
    this.keyboard = keyboard;
    this.pages = [];
    this.violations = [];
    this.asked = [];
    // Heading → question name.
    this.byTitle = new Map();
    for (const [key, value] of this.t) {
      const m = key.match(/^q\.(.+)\.title$/);
      if (m) this.byTitle.set(value, m[1]);
    }
  }

  word(key) {
    const w = this.t.get(key);
    if (w === undefined) throw new Error(`no words for ${key}`);
    return w;
  }

  async audit() {
    const h = await heading(this.page);
    this.pages.push(h);
    if (!this.axe) return;
    const v = await axeViolations(this.page);
    if (v.length) this.violations.push(`${h}:\n${formatViolations(v)}`);
  }

  async waitForHeadingChange(before) {
    await this.page.waitForFunction(
      (b) => {
        const h = document.querySelector('main h1');
        return h && h.textContent.trim() !== b;
      },
      before,
      { timeout: 15_000 },
    );
  }

  async press(button) {
    if (!this.keyboard) return button.click();
    await button.focus();
    await this.page.keyboard.press('Enter');
  }

  /** From the start page to the check-your-answers page. */
  async toCheckPage() {
    const start = this.page.locator('main button.button--primary');
    await this.audit();
    const before = await heading(this.page);
    await this.press(start);
    await this.waitForHeadingChange(before);
    for (let step = 0; step < 60; step++) {
      const h = await heading(this.page);
      if (h === this.word('ui.check.title')) return;
      const q = this.byTitle.get(h);
      if (!q) throw new Error(`unexpected page "${h}" after ${this.asked.join(' → ')}`);
      if (!(q in this.answers)) throw new Error(`the journey has no answer for "${q}" (${h})`);
      this.asked.push(q);
      await this.audit();
      await this.answer(q, this.answers[q]);
    }
    throw new Error(`no check page after ${this.asked.join(' → ')}`);
  }

  /** Answers the question on screen and continues. */
  async answer(q, value) {
    const page = this.page;
    const before = await heading(page);
    if (value === 'skip') {
      // A question may word its skip button itself ("I have no trip planned").
      const skip = this.t.get(`q.${q}.skip`) ?? this.word('ui.skip');
      await this.press(page.getByRole('button', { name: skip, exact: true }));
      await this.waitForHeadingChange(before);
      return;
    }
    if (typeof value === 'boolean' || (typeof value === 'string' && this.t.has(`q.${q}.opt.${value}`))) {
      const option = typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
      const label = this.word(`q.${q}.opt.${option}`);
      const radio = page.getByLabel(label, { exact: true });
      if (this.keyboard) {
        await radio.focus();
        await page.keyboard.press('Space');
      } else {
        await radio.check();
      }
    } else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const [y, m, d] = value.split('-');
      await page.getByLabel(this.word('ui.date.day'), { exact: true }).fill(String(Number(d)));
      await page.getByLabel(this.word('ui.date.month'), { exact: true }).fill(String(Number(m)));
      await page.getByLabel(this.word('ui.date.year'), { exact: true }).fill(y);
    } else if (typeof value === 'string') {
      await page.locator('main input[type="text"]').fill(value);
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      for (const option of value) {
        await page.getByLabel(this.word(`q.${q}.opt.${option}`), { exact: true }).check();
      }
    } else if (Array.isArray(value)) {
      for (const [i, stay] of value.entries()) {
        await page.getByRole('button', { name: this.word(q === 'stays_abroad' ? 'ui.stays.add' : 'ui.periods.add') }).click();
        await page.getByLabel(this.word('ui.stays.from'), { exact: true }).nth(i).fill(stay.from);
        await page.getByLabel(this.word('ui.stays.to'), { exact: true }).nth(i).fill(stay.to);
        const kind = stay.reason ?? stay.basis;
        if (kind) await page.locator('main select').nth(i).selectOption(kind);
      }
    } else {
      throw new Error(`cannot answer ${q} with ${JSON.stringify(value)}`);
    }
    await this.press(page.getByRole('button', { name: this.word('ui.continue'), exact: true }));
    await this.waitForHeadingChange(before);
  }

  /** From the check page to the result page; returns the result page's text. */
  async toResult() {
    await this.audit();
    const before = await heading(this.page);
    await this.press(this.page.getByRole('button', { name: this.word('ui.see_result'), exact: true }));
    await this.waitForHeadingChange(before);
    if ((await heading(this.page)) !== this.word('ui.result.title')) {
      throw new Error(`not the result page: ${await heading(this.page)}`);
    }
    // The result's words come from the report worker: wait until they are there.
    await this.page.locator('main .rules-version, main [role="alert"]').first().waitFor({ timeout: 30_000 });
    await this.audit();
    return this.page.locator('main').innerText();
  }
}
