// The printable checklist (issues 5 and 11): printed to PDF on A4 by headless Chromium, page 1
// holds the next step and the checklist with tick boxes; the result has
// its title, the date, the situation line, the steps with tick boxes, deadlines and costs, the
// sources as printed addresses, the rules version and the not-legal-advice line; no buttons or
// form controls; no more pages than needed. A screenshot of the print rendering is saved and
// its path reported in the test output.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';
import { Journey, openOn, words, RULES_VERSION } from './lib/journey.mjs';
import { JOURNEYS } from './lib/scenarios.mjs';
import { pdfText } from './lib/deps.mjs';

const app = serveApp();
const OUT = path.resolve('target/e2e');

for (const lang of ['en', 'nb']) {
  const t = words(lang);
  describe(`printing the checklist (${lang})`, () => {
    let context;
    before(async () => {
      context = await launch({ locale: lang === 'nb' ? 'nb-NO' : 'en-US' });
    });
    after(async () => context?.close());

    test('prints on A4 with everything a paper checklist needs and nothing interactive', async (tc) => {
      // The full check (the situation line names the status it asks).
      const j = { ...JOURNEYS[0], answers: { ...JOURNEYS[0].answers, topic: 'everything' } };
      const { page } = await openOn(context, app.url, j.today);
      const journey = new Journey(page, lang, j.answers, { axe: false });
      await journey.toCheckPage();
      await journey.toResult();
      await page.locator('main .handoff svg path').waitFor();
      await page.emulateMedia({ media: 'print' });
      // Nothing interactive on paper.
      const visible = await page.evaluate(() =>
        [...document.querySelectorAll('button, input, select, nav, .lang-switch')].filter((e) => e.offsetParent !== null).length,
      );
      assert.equal(visible, 0, 'buttons or form controls are printed');
      const boxes = await page.evaluate(() => [...document.querySelectorAll('.checkbox')].filter((e) => e.offsetParent !== null).length);
      assert.ok(boxes > 0, 'no tick boxes');
      fs.mkdirSync(OUT, { recursive: true });
      const shot = path.join(OUT, `print-${lang}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      tc.diagnostic(`print rendering: ${shot}`);

      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      fs.writeFileSync(path.join(OUT, `print-${lang}.pdf`), pdf);
      const { pages, text, pageTexts } = await pdfText(pdf);
      const flat = text.replace(/\s+/g, ' ');
      const norm = (s) => s.replace(/\s+/g, ' ');
      // Page 1 is the plan: its numbered steps with their dates and tick boxes; the findings
      // follow on the next pages.
      const first = norm(pageTexts[0]);
      assert.ok(first.includes(norm(t.get('plan.title'))), 'page 1 lacks the plan');
      // (Compared without spaces: the PDF's text breaks lines where the page does.)
      const bare = (s) => s.replace(/\s+/g, '');
      for (const step of await page.locator('.step__text').allTextContents()) {
        assert.ok(bare(first).includes(bare(step)), `page 1 lacks the step "${step}"`);
      }
      // The "why" buttons are not printed, and nor are their label and commas.
      assert.ok(!first.includes(norm(t.get('plan.why'))), `page 1 prints "${t.get('plan.why')}" without its links`);
      const firstFinding = await page.locator('main .findings .finding__title').first().textContent();
      assert.ok(!first.includes(norm(firstFinding)), `a finding ("${firstFinding}") is printed on page 1`);
      for (const key of [...j.expect, 'ui.result.title', 'ui.not_advice', 'plan.title']) {
        assert.ok(flat.includes(norm(t.get(key))), `the PDF lacks "${t.get(key)}"`);
      }
      assert.ok(flat.includes(RULES_VERSION), 'no rules version');
      assert.match(flat, /https:\/\/www\.udi\.no\S*/, 'no source address');
      assert.ok(!flat.includes(t.get('ui.print')), 'the print button is printed');
      // The situation line and the date of the printout.
      assert.ok(flat.includes(norm(t.get('q.status.opt.temporary'))), 'no situation line');
      // The hand-off QR code is on paper too.
      assert.ok(await page.evaluate(() => document.querySelector('.handoff svg')?.getBoundingClientRect().height > 0), 'no QR code on paper');
      // No more pages than needed: the text fits in few A4 pages.
      // (+1: the plan has page 1 to itself.)
      const needed = Math.ceil(flat.length / 2500) + 2;
      assert.ok(pages <= needed, `${pages} pages for ${flat.length} characters`);
      tc.diagnostic(`${pages} A4 pages`);
      await page.close();
    });
  });
}
