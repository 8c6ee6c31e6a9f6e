// Ukrainian and Arabic (issue 13), nynorsk (issue 24, item 5): a whole journey in each
// language, axe on every page, at 1280 px and (Arabic, right to left) at 320 px, with no
// catalogue key or unfilled placeholder on the result; the Arabic page mirrors; Latin dates and
// the DUF number stay readable inside Arabic text; the print is read back from the PDF, with the
// bokmål copy of the checklist for the counter staff; the language choice shows five languages
// named in their own language; ?lang= and the browser's language pick the language (nn and nn-NO
// nynorsk, no and nb bokmål); an unreviewed translation says so; the nynorsk print and
// downloaded summary are in nynorsk. Screenshots of the Arabic result page and print are saved in
// target/e2e and their paths reported.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, open, documentLang, switchLanguage, VIEWPORTS } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';
import { Journey, openOn, words, RULES_VERSION } from './lib/journey.mjs';
import { JOURNEYS } from './lib/scenarios.mjs';
import { pdfText } from './lib/deps.mjs';

const app = serveApp();
const OUT = path.resolve('target/e2e');
const nb = words('nb');
/** Text without the Unicode bidi isolates the checker puts around Latin runs in Arabic. */
const plain = (s) => s.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
const journey = (name) => JOURNEYS.find((j) => j.name.startsWith(name));

/** Every catalogue key and unfilled `{placeholder}` in `text`, which the words of `lang` fill. */
function rawKeys(text, t) {
  const keys = (text.match(/[a-z0-9_]+(?:\.[a-z0-9_-]+)+/g) || []).filter((k) => t.has(k));
  const placeholders = text.match(/\{[a-z_]+\}/g) || [];
  return [...keys, ...placeholders];
}

/**
 * The collective-protection journey (L69) in Ukrainian, the stolen card (L24) in Arabic, and
 * the renewal with a stolen card and a date in nynorsk (L24 too: its plan has dates).
 */
const CASES = [
  { lang: 'uk', j: journey('L69:'), date: [15, 3, 2028], viewports: ['desktop'] },
  { lang: 'ar', j: journey('L24:'), duf: '2019 123456 78', viewports: ['desktop', 'narrow'] },
  { lang: 'nn', j: journey('L24:'), duf: '2019 123456 78', viewports: ['desktop'] },
];

for (const { lang, j, date, duf, viewports } of CASES) {
  const t = words(lang);
  for (const viewport of viewports) {
    describe(`a whole journey in ${lang} at ${VIEWPORTS[viewport].width} px`, () => {
      let context;
      before(async () => {
        context = await launch({ viewport: VIEWPORTS[viewport] });
      });
      after(async () => context?.close());

      test(`${j.name}: same result, in ${lang}, axe clean on every page`, async (tc) => {
        const { page, requests } = await openOn(context, `${app.url}?lang=${lang}`, j.today);
        assert.equal(await documentLang(page), lang, '?lang= picks the language');
        const dir = await page.evaluate(() => document.documentElement.dir);
        assert.equal(dir, lang === 'ar' ? 'rtl' : 'ltr');
        // The start page says the translation has not been checked by a native speaker.
        assert.ok(await page.getByText(t.get('start.unreviewed'), { exact: true }).isVisible(), 'no unreviewed line');
        const walk = new Journey(page, lang, j.answers);
        await walk.toCheckPage();
        const result = plain(await walk.toResult());
        assert.ok(walk.asked.length <= 12, `${walk.asked.length} questions`);
        for (const key of j.expect) {
          assert.ok(result.includes(plain(t.get(key))), `the result lacks "${t.get(key)}" (${key})`);
        }
        if (date) {
          const [d, m, y] = date;
          const spelled = plain(t.get('ui.date.format').replace('{day}', d).replace('{month}', t.get(`ui.month.${m}`)).replace('{year}', y));
          assert.ok(result.includes(spelled), `the result lacks the date "${spelled}"`);
        }
        assert.ok(result.includes(plain(t.get('ui.not_advice'))), 'no not-legal-advice line');
        assert.equal((await page.locator('main h1').innerText()).trim(), t.get('ui.result.title'));
        assert.deepEqual(rawKeys(await page.locator('body').innerText(), t), [], 'a key or placeholder shows');
        assert.deepEqual(walk.violations, [], walk.violations.join('\n'));
        assert.deepEqual(requests.filter((u) => !u.startsWith(app.origin)), [], 'requests to other origins');

        if (lang === 'ar') {
          // Mirrored: the back link and the headings start at the right-hand edge.
          const box = await page.locator('main .back .link-button').boundingBox();
          const width = VIEWPORTS[viewport].width;
          assert.ok(box.x + box.width > width / 2, `the back link is on the left (${box.x})`);
          const h1 = await page.evaluate(() => getComputedStyle(document.querySelector('main h1')).direction);
          assert.equal(h1, 'rtl');
          // The fee: NOK 300 with Latin digits, isolated inside the Arabic sentence.
          const html = await page.locator('main').innerHTML();
          assert.ok(html.includes('\u2068300\u2069'), 'the amount is not isolated');
          fs.mkdirSync(OUT, { recursive: true });
          const shot = path.join(OUT, `ar-result-${VIEWPORTS[viewport].width}.png`);
          await page.screenshot({ path: shot, fullPage: true });
          tc.diagnostic(`Arabic result page: ${shot}`);
        }
        if (duf) {
          // The DUF number the applicant typed reads as written on the check page.
          await page.locator('main .back .link-button').click();
          const check = await page.locator('main').innerText();
          assert.ok(check.includes(duf), `the check page lacks the DUF number ${duf}`);
        }
        tc.diagnostic(`${walk.pages.length} pages, axe clean`);
        await page.close();
      });
    });
  }
}

describe('printing in Arabic with the bokmål copy for the counter staff', () => {
  let context;
  before(async () => {
    context = await launch({ locale: 'ar-SY' });
  });
  after(async () => context?.close());

  test('the browser language picks Arabic; the PDF holds the Arabic checklist, then the bokmål copy', async (tc) => {
    const t = words('ar');
    const j = journey('L24:');
    const { page } = await openOn(context, app.url, j.today);
    assert.equal(await documentLang(page), 'ar', 'the browser language (ar-SY) is not picked');
    const walk = new Journey(page, 'ar', j.answers, { axe: false });
    await walk.toCheckPage();
    await walk.toResult();
    const option = page.getByLabel(t.get('ui.print.staff_copy'), { exact: true });
    assert.equal(await option.isChecked(), false, 'the staff copy is ticked outside kiosk mode');
    await option.check();
    await page.emulateMedia({ media: 'print' });
    fs.mkdirSync(OUT, { recursive: true });
    const shot = path.join(OUT, 'ar-print.png');
    await page.screenshot({ path: shot, fullPage: true });
    tc.diagnostic(`Arabic print rendering: ${shot}`);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const file = path.join(OUT, 'ar-print.pdf');
    fs.writeFileSync(file, pdf);
    tc.diagnostic(`Arabic print: ${file}`);
    const { pageTexts } = await pdfText(pdf);
    const pages = pageTexts.map(plain);
    const all = pages.join(' ');
    // pdf.js gives Arabic runs in visual order; compare a Latin-free check on words that are
    // whole in either order: the rules version, the DUF-free amount and the bokmål copy.
    assert.ok(all.includes(RULES_VERSION), 'no rules version');
    const last = pages[pages.length - 1];
    assert.ok(last.includes(plain(nb.get('ui.print.staff_copy.heading'))), `the last page is not the staff copy:\n${last}`);
    assert.ok(last.includes(plain(nb.get('plan.title'))), 'the staff copy lacks its steps');
    assert.ok(last.includes(plain(nb.get('item.police_report'))), 'the staff copy lacks the police report step');
    for (const p of pages.slice(0, -1)) {
      assert.ok(!p.includes(plain(nb.get('ui.print.staff_copy.heading'))), 'the staff copy is not on a page of its own');
    }
    // Without the tick, no bokmål copy.
    await page.emulateMedia({ media: 'screen' });
    await option.uncheck();
    await page.emulateMedia({ media: 'print' });
    const without = await pdfText(await page.pdf({ format: 'A4', printBackground: false }));
    assert.ok(!plain(without.text).includes(plain(nb.get('ui.print.staff_copy.heading'))), 'the copy prints unticked');
    await page.close();
  });
});

describe('the language choice', () => {
  let context;
  before(async () => {
    context = await launch();
  });
  after(async () => context?.close());

  test('five languages, each named in its own language, on the start page and the kiosk', async () => {
    for (const url of [app.url, `${app.url}?kiosk`]) {
      const { page } = await open(context, url);
      const names = await page.locator('.lang-switch button').evaluateAll((bs) => bs.map((b) => [b.lang, b.textContent.trim()]));
      assert.deepEqual(
        names,
        [['en', 'English'], ['nb', 'Norsk bokmål'], ['nn', 'Norsk nynorsk'], ['uk', 'Українська'], ['ar', 'العربية']],
      );
      await switchLanguage(page, 'nn');
      assert.equal((await page.locator('main h1').innerText()).trim(), words('nn').get('start.title'));
      assert.equal(await page.locator('.lang-switch button[lang="nn"]').getAttribute('aria-pressed'), 'true');
      await switchLanguage(page, 'ar');
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      await switchLanguage(page, 'uk');
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
      assert.equal((await page.locator('main h1').innerText()).trim(), words('uk').get('start.title'));
      await page.close();
    }
  });

  test('a language whose start page cannot be fetched is shown in English with a retry, then in itself', async () => {
    const blocked = await launch({ serviceWorkers: 'block' });
    const { page } = await open(blocked, app.url);
    const en = words('en');
    // Only English's start page is in the first load; the others are fetched when chosen.
    await page.route('**/text/nb.txt', (route) => route.abort());
    await page.locator('.lang-switch button[lang="nb"]').click();
    const failed = en.get('words.lang_failed.title').replace('{lang}', 'Norsk bokmål');
    await page.locator('main h1', { hasText: failed }).waitFor();
    assert.equal(await documentLang(page), 'en');
    assert.ok((await page.locator('main').innerText()).includes(en.get('words.lang_failed.body')));
    await page.unroute('**/text/nb.txt');
    await page.locator('main .actions button', { hasText: en.get('words.retry') }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'nb');
    assert.equal((await page.locator('main h1').innerText()).trim(), nb.get('start.title'));
    await blocked.close();
  });

  test('the kiosk ticks the bokmål staff copy for a language other than bokmål', async () => {
    const j = journey('L24:');
    const { page } = await openOn(context, `${app.url}?kiosk&lang=uk`, j.today);
    const walk = new Journey(page, 'uk', j.answers, { axe: false });
    await walk.toCheckPage();
    await walk.toResult();
    assert.equal(await page.getByLabel(words('uk').get('ui.print.staff_copy'), { exact: true }).isChecked(), true);
    await page.close();
  });
});

describe('nynorsk', () => {
  const nn = words('nn');
  const j = journey('L24:');

  test('?lang=nn shows the nynorsk start page, fetched only when chosen', async () => {
    const context = await launch({ serviceWorkers: 'block' });
    try {
      const { page, requests } = await openOn(context, `${app.url}?lang=nn`, j.today);
      assert.equal(await documentLang(page), 'nn');
      assert.equal((await page.locator('main h1').innerText()).trim(), nn.get('start.title'));
      assert.ok(await page.getByText(nn.get('start.unreviewed'), { exact: true }).isVisible(), 'no unreviewed line');
      assert.match(await page.title(), new RegExp(nn.get('app.name')));
      const paths = requests.map((u) => new URL(u).pathname);
      assert.ok(paths.includes('/start/nn.html'), 'the nynorsk start page was not fetched');
      assert.ok(!paths.includes('/start/nb.html'), 'bokmål was fetched for nynorsk');
      await page.close();
      // Without ?lang=nn nothing of nynorsk is loaded.
      const other = await openOn(context, app.url, j.today);
      const loaded = other.requests.map((u) => new URL(u).pathname);
      assert.deepEqual(loaded.filter((p) => /\/(start|text)\/nn[.]/.test(p)), [], 'nynorsk loaded for English');
      await other.page.close();
    } finally {
      await context.close();
    }
  });

  for (const [locale, lang] of [['nn-NO', 'nn'], ['nn', 'nn'], ['no', 'nb'], ['nb-NO', 'nb']]) {
    test(`a browser set to ${locale} gets ${lang === 'nn' ? 'nynorsk' : 'bokmål'}`, async () => {
      const context = await launch({ locale, serviceWorkers: 'block' });
      try {
        const { page } = await open(context, app.url);
        assert.equal(await documentLang(page), lang);
        assert.equal((await page.locator('main h1').innerText()).trim(), words(lang).get('start.title'));
        await page.close();
      } finally {
        await context.close();
      }
    });
  }

  test('the print and the downloaded summary are in nynorsk; the staff copy is bokmål', async (tc) => {
    const context = await launch();
    try {
      const { page } = await openOn(context, `${app.url}?lang=nn`, j.today);
      const walk = new Journey(page, 'nn', j.answers, { axe: false });
      await walk.toCheckPage();
      await walk.toResult();

      // The summary page, downloaded: nynorsk, nothing left unfilled.
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: nn.get('ui.save.summary'), exact: true }).click(),
      ]);
      const summary = fs.readFileSync(await file.path(), 'utf8');
      assert.match(summary, /<html lang="nn"/);
      for (const key of [...j.expect, 'item.police_report']) {
        if (nn.has(key) && !/\{/.test(nn.get(key))) assert.ok(summary.includes(nn.get(key)), `the summary lacks ${key}: "${nn.get(key)}"`);
      }
      const summaryText = summary.replace(/<style>[^]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
      assert.deepEqual(rawKeys(summaryText, nn), [], 'a key or placeholder in the summary');
      assert.ok(!summaryText.includes(nb.get('ui.result.title')), 'bokmål in the summary');

      // The print, with the staff copy ticked: nynorsk pages, then the bokmål copy.
      await page.getByLabel(nn.get('ui.print.staff_copy'), { exact: true }).check();
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      fs.mkdirSync(OUT, { recursive: true });
      const out = path.join(OUT, 'nn-print.pdf');
      fs.writeFileSync(out, pdf);
      tc.diagnostic(`nynorsk print: ${out}`);
      const { pageTexts } = await pdfText(pdf);
      const pages = pageTexts.map(plain);
      const first = pages[0];
      assert.ok(first.includes(plain(nn.get('ui.result.title'))), `page 1 is not nynorsk:\n${first}`);
      assert.ok(pages.join(' ').includes(plain(nn.get('item.police_report'))), 'the print lacks the nynorsk police report step');
      assert.ok(!first.includes(plain(nb.get('ui.result.title'))), 'page 1 is bokmål');
      const last = pages[pages.length - 1];
      assert.ok(last.includes(plain(nb.get('ui.print.staff_copy.heading'))), `the last page is not the bokmål staff copy:\n${last}`);
      assert.ok(last.includes(plain(nb.get('item.police_report'))), 'the staff copy is not bokmål');
      await page.close();
    } finally {
      await context.close();
    }
  });
});
