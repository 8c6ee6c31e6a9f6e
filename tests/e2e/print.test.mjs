// The printable checklist (issues 5, 11 and 24): printed to PDF on A4 by headless Chromium, page
// 1 holds the plan (the numbered steps with their dates and tick boxes) and what to bring; the
// result has its title, the date, the situation line, deadlines and costs, every finding's
// sentences ("Good to know" too, not headings alone), the sources as printed addresses, each
// once, the rules version and the not-legal-advice line; no buttons or form controls. Every
// scenario journey prints on at most 2 A4 pages, the full check on at most 3. Page 1 of the
// PDF is drawn to a PNG file and its path reported in the test output.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';
import { Journey, openOn, words, RULES_VERSION } from './lib/journey.mjs';
import { JOURNEYS } from './lib/scenarios.mjs';
import { pdfText, pdfPagePng } from './lib/deps.mjs';

const app = serveApp();
/** Text compared without spaces (the PDF's text breaks lines where the page does). */
const bare = (s) => s.replace(/\s+/g, '');
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
      // The full check is the longest result: 3 A4 pages at most, none blank.
      assert.ok(pages <= 3, `the full check prints on ${pages} A4 pages`);
      pageTexts.forEach((p, i) => assert.ok(p.trim(), `page ${i + 1} is blank`));
      const png = path.join(OUT, `print-${lang}-page1.png`);
      await pdfPagePng(context, pdf, 1, png);
      tc.diagnostic(`${pages} A4 pages; page 1 of the PDF: ${png}`);
      await page.close();
    });
  });
}

describe('every scenario journey on paper (en)', () => {
  const t = words('en');
  let context;
  before(async () => {
    context = await launch({ locale: 'en-US' });
  });
  after(async () => context?.close());

  for (const j of JOURNEYS) {
    test(`${j.name}: at most 2 A4 pages, the plan on page 1, every finding's sentences, each source once`, async (tc) => {
      const { page } = await openOn(context, app.url, j.today);
      const journey = new Journey(page, 'en', j.answers, { axe: false });
      await journey.toCheckPage();
      await journey.toResult();
      await page.locator('main .handoff svg path').waitFor();
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      const slug = j.name.split(':')[0].replace(/[^A-Za-z0-9]+/g, '-').slice(0, 40);
      fs.mkdirSync(OUT, { recursive: true });
      fs.writeFileSync(path.join(OUT, `print-${slug}.pdf`), pdf);
      const { pages, text, pageTexts } = await pdfText(pdf);
      const all = bare(text);
      assert.ok(pages <= 2, `${pages} A4 pages`);
      pageTexts.forEach((p, i) => assert.ok(p.trim(), `page ${i + 1} is blank`));
      const first = bare(pageTexts[0]);
      for (const step of await page.locator('.plan .step__text').allTextContents()) {
        assert.ok(first.includes(bare(step)), `page 1 lacks the step "${step}"`);
      }
      for (const item of await page.locator('.plan .checklist__item').allTextContents()) {
        assert.ok(first.includes(bare(item)), `page 1 lacks the thing to bring "${item}"`);
      }
      // Every finding says what it knows on paper: its title and its sentences.
      for (const f of await page.locator('main .finding').all()) {
        const title = await f.locator('.finding__title').textContent();
        assert.ok(all.includes(bare(title)), `"${title}" is not printed`);
        for (const p of await f.locator(':scope > p').allTextContents()) {
          assert.ok(all.includes(bare(p)), `"${title}" is printed without "${p}"`);
        }
      }
      // The sources: the pages behind the findings shown, each printed once.
      const listed = await page.locator('.sources .list--sources li').allTextContents();
      assert.equal(new Set(listed).size, listed.length, 'a source is listed twice');
      const behind = new Set(await page.locator('main .finding .list--sources li').allTextContents());
      assert.deepEqual(new Set(listed), behind, 'the printed sources are not those behind the findings');
      for (const url of listed) {
        assert.ok(all.includes(bare(url)), `${url} is not printed`);
      }
      assert.ok(all.includes(bare(t.get('ui.not_advice'))), 'no not-legal-advice line');
      tc.diagnostic(`${pages} A4 pages, ${listed.length} sources`);
      await page.close();
    });
  }
});

// The same on paper in Ukrainian and Arabic, whose sentences are longer: a walk found a blank
// third page in Ukrainian and, in Arabic, the addresses broken across lines and interleaved.
for (const lang of ['uk', 'ar']) {
  describe(`the lost card and collective protection on paper (${lang})`, () => {
    let context;
    before(async () => {
      context = await launch({ locale: lang });
    });
    after(async () => context?.close());

    for (const j of JOURNEYS.filter((j) => /^L(24|69):/.test(j.name))) {
      test(`${j.name}: at most 3 A4 pages, none blank, the addresses left to right`, async (tc) => {
        const { page } = await openOn(context, `${app.url}?lang=${lang}`, j.today);
        const journey = new Journey(page, lang, j.answers, { axe: false });
        await journey.toCheckPage();
        await journey.toResult();
        await page.locator('main .handoff svg path').waitFor();
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4', printBackground: false });
        const { pages, text, pageTexts } = await pdfText(pdf);
        assert.ok(pages <= 3, `${pages} A4 pages`);
        pageTexts.forEach((p, i) => assert.ok(p.trim(), `page ${i + 1} is blank`));
        const direction = await page.evaluate(() => getComputedStyle(document.querySelector('.sources .list--sources')).direction);
        assert.equal(direction, 'ltr', 'the addresses are not left to right');
        for (const url of await page.locator('.sources .list--sources li').allTextContents()) {
          assert.ok(bare(text).includes(bare(url)), `${url} is not printed whole`);
        }
        const slug = j.name.split(':')[0];
        fs.mkdirSync(OUT, { recursive: true });
        fs.writeFileSync(path.join(OUT, `print-${slug}-${lang}.pdf`), pdf);
        tc.diagnostic(`${pages} A4 pages`);
        await page.close();
      });
    }
  });
}
