// Small screens (issue 24, item 4): at 320 and 390 px wide no page scrolls sideways, in any
// language: the start page, the load page, every question of a long journey (the stays editor
// with a stay for every reason, the longest words of the "why were you abroad" list), the check
// page and the result.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, heading, switchLanguage } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';
import { Journey, openOn, words } from './lib/journey.mjs';
import { JOURNEYS } from './lib/scenarios.mjs';

const app = serveApp();
const REASONS = ['pregnancy_childbirth', 'serious_illness', 'studies_research_training', 'secondment', 'military_civilian_service', 'work_abroad', 'other'];
const L39 = JOURNEYS.find((j) => j.name.startsWith('L39'));
// A stay for every reason, ten days each, a month apart.
const ANSWERS = {
  ...L39.answers,
  stays_abroad: REASONS.map((reason, i) => ({ from: `2025-0${i + 1}-05`, to: `2025-0${i + 1}-15`, reason })),
};

/** How far the page reaches past the screen's width, and the widest thing that does. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = document.documentElement.scrollWidth - width;
    let widest = '';
    if (over > 0) {
      let max = width;
      for (const e of document.querySelectorAll('body *')) {
        const r = e.getBoundingClientRect();
        if (r.right > max + 0.5 || r.left < -0.5) {
          max = Math.max(max, r.right);
          widest = `${e.tagName.toLowerCase()}.${e.className} (${Math.round(r.left)}..${Math.round(r.right)} px)`;
        }
      }
    }
    return { over, widest };
  });
}

for (const width of [320, 390]) {
  describe(`${width} px wide`, () => {
    let context;
    before(async () => {
      context = await launch({ viewport: { width, height: 800 } });
    });
    after(async () => context?.close());

    for (const lang of ['en', 'nb', 'nn', 'uk', 'ar']) {
      test(`no page scrolls sideways (${lang})`, async (tc) => {
        const t = words(lang);
        const { page } = await openOn(context, app.url, L39.today);
        if (lang !== 'en') await switchLanguage(page, lang);
        const seen = [];
        const measure = async () => {
          const h = await heading(page);
          const { over, widest } = await overflow(page);
          seen.push(h);
          // The buttons of every row of actions: never touching.
          const touching = await page.evaluate(() => {
            const out = [];
            for (const row of document.querySelectorAll('main .actions')) {
              const boxes = [...row.querySelectorAll(':scope > button')].map((b) => b.getBoundingClientRect()).filter((r) => r.width > 0);
              for (let i = 1; i < boxes.length; i++) {
                const [a, b] = [boxes[i - 1], boxes[i]];
                const apart = Math.max(b.top - a.bottom, a.top - b.bottom, b.left - a.right, a.left - b.right);
                if (apart < 8) out.push(Math.round(apart));
              }
            }
            return out;
          });
          assert.deepEqual(touching, [], `${width} px, ${lang}, "${h}": buttons ${touching.join(', ')} px apart`);
          assert.ok(over <= 0, `${width} px, ${lang}, "${h}": the page is ${over} px wider than the screen (${widest})`);
        };
        await measure();
        // The start page's two buttons: side by side with a gap, or one above the other with
        // their start edges aligned and a gap; never touching.
        const [a, b] = await page.locator('main .actions button').evaluateAll((bs) => bs.map((e) => e.getBoundingClientRect().toJSON()));
        const rtl = lang === 'ar';
        if (b.top >= a.bottom - 1) {
          const edge = rtl ? Math.abs(a.right - b.right) : Math.abs(a.left - b.left);
          assert.ok(edge <= 1, `${width} px, ${lang}: the second button is offset by ${edge} px`);
          assert.ok(b.top - a.bottom >= 8, `${width} px, ${lang}: the buttons are ${b.top - a.bottom} px apart`);
        } else {
          const gap = rtl ? a.left - b.right : b.left - a.right;
          assert.ok(gap >= 8, `${width} px, ${lang}: the buttons are ${gap} px apart`);
          assert.ok(Math.abs(a.top + a.height / 2 - (b.top + b.height / 2)) <= 1, `${width} px, ${lang}: the buttons are not on one line`);
        }
        tc.diagnostic(`${width} px, ${lang}: Start ${Math.round(a.left)}..${Math.round(a.right)} × ${Math.round(a.top)}..${Math.round(a.bottom)}, the other ${Math.round(b.left)}..${Math.round(b.right)} × ${Math.round(b.top)}..${Math.round(b.bottom)}`);
        // The load page, and back.
        await page.getByRole('button', { name: t.get('load.start'), exact: true }).click();
        await page.waitForFunction((title) => document.querySelector('main h1')?.textContent.trim() === title, t.get('load.title'));
        await measure();
        await page.locator('main .back button').click();
        await page.waitForFunction((title) => document.querySelector('main h1')?.textContent.trim() === title, t.get('start.title'));
        const journey = new Journey(page, lang, ANSWERS, { axe: false });
        journey.audit = measure;
        // The stays editor, filled in, before Continue.
        const answer = journey.answer.bind(journey);
        journey.answer = async (q, value) => {
          if (q !== 'stays_abroad') return answer(q, value);
          const press = journey.press.bind(journey);
          journey.press = async (button) => {
            await measure();
            journey.press = press;
            return press(button);
          };
          return answer(q, value);
        };
        await journey.toCheckPage();
        assert.ok(journey.asked.includes('stays_abroad'), journey.asked.join(' → '));
        await journey.toResult();
        // Every "Why?" opened.
        for (const d of await page.locator('main details').all()) await d.evaluate((e) => (e.open = true));
        await measure();
        tc.diagnostic(`${seen.length} pages: ${seen.join(' | ')}`);
        await page.close();
      });
    }
  });
}

/**
 * Which way the arrow in front of a button's text points: the button's pixels (underline off),
 * the ink at its inline-start end (the arrow, up to the first blank column) and the height of
 * the ink in the arrow's outer and inner columns: an arrow points to the side where it is thin.
 */
async function arrowPointsOutward(page, locator, rtl) {
  await locator.evaluate((e) => (e.style.textDecoration = 'none'));
  const png = (await locator.screenshot()).toString('base64');
  const shot = await page.context().newPage();
  const result = await shot.evaluate(async ({ png, rtl }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${png}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, c.width, c.height);
    const ink = (x, y) => data[(y * c.width + x) * 4] < 128;
    const column = (x) => {
      const ys = [];
      for (let y = 0; y < c.height; y++) if (ink(x, y)) ys.push(y);
      return ys.length ? ys[ys.length - 1] - ys[0] + 1 : 0;
    };
    const xs = [...Array(c.width).keys()];
    if (rtl) xs.reverse();
    const start = xs.findIndex((x) => column(x) > 0);
    let end = start;
    while (end + 1 < xs.length && column(xs[end + 1]) > 0) end++;
    return { outer: column(xs[start]), inner: column(xs[end]), width: end - start + 1 };
  }, { png, rtl });
  await shot.close();
  return result;
}

describe('the Back arrow', () => {
  let context;
  before(async () => {
    context = await launch({ viewport: { width: 390, height: 800 } });
  });
  after(async () => context?.close());

  test('points back, the way the language reads: left in English, right in Arabic', async (tc) => {
    for (const lang of ['en', 'ar']) {
      const { page } = await openOn(context, app.url, L39.today);
      if (lang !== 'en') await switchLanguage(page, lang);
      await page.locator('main button.button--primary').click();
      await page.waitForFunction(() => document.querySelector('main fieldset h1'));
      const arrow = await arrowPointsOutward(page, page.locator('main .back button'), lang === 'ar');
      tc.diagnostic(`${lang}: arrow ${arrow.width} px wide, ink ${arrow.outer} px tall at its outer edge, ${arrow.inner} px at its inner edge`);
      assert.ok(arrow.width >= 3 && arrow.outer < arrow.inner, `${lang}: the Back arrow points the wrong way (${JSON.stringify(arrow)})`);
      await page.close();
    }
  });
});
