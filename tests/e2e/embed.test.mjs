// Embedded mode: a host page on another origin frames the checker with the snippet of
// docs/embedding.md (run as written, addresses replaced), and the frame's height follows the
// checker's content; messages from any other origin are ignored; without `host` the checker
// posts nothing. Plus the compact layout itself: 320 px, axe-clean, `lang` and `look`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT } from './lib/serve.mjs';
import { launch, open, ready, heading, documentLang, VIEWPORTS } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';
import { Journey, words } from './lib/journey.mjs';
import { JOURNEYS } from './lib/scenarios.mjs';

const en = words('en');
import { axeViolations, formatViolations } from './lib/axe.mjs';

/** The first ```html block of docs/embedding.md: the iframe and the host's resize script. */
const SNIPPET = fs.readFileSync(path.join(ROOT, 'docs/embedding.md'), 'utf8').match(/```html\n([\s\S]*?)```/)[1];
const DOCS_SRC = 'https://checker.example.org/?embed&amp;lang=en&amp;host=https://www.example.org';

/**
 * A host site on its own origin: `/?frame=QUERY` is a page with the docs' snippet whose frame
 * loads the app with `?QUERY` (`{host}` in QUERY becomes this site's origin). The page records
 * every message it receives in `window.received`.
 */
async function startHost() {
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, origin);
    const query = (url.searchParams.get('frame') ?? '').replaceAll('{host}', origin);
    assert.ok(SNIPPET.includes(DOCS_SRC), 'the docs snippet changed: update DOCS_SRC');
    const snippet = SNIPPET.replace(DOCS_SRC, `${app.url}?${query.replaceAll('&', '&amp;')}`);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>Host</title><h1>A host page</h1>
<script>window.received = []; addEventListener('message', (e) => received.push({ origin: e.origin, data: e.data }));</script>
${snippet}`);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}

let host;
let context;
before(async () => {
  host = await startHost();
  context = await launch();
});
after(async () => {
  await context?.close();
  await host?.close();
});
// Registered after the hooks above, so that its server closes after the browser (node:test runs
// `after` hooks in order, and a server waits for the browser's open connections).
const app = serveApp();

/** Opens the host page framing the app with `?query`; returns the page and the app's frame. */
async function openHost(ctx, query) {
  const page = await ctx.newPage();
  await page.goto(`${host.origin}/?frame=${encodeURIComponent(query)}`);
  const frame = await (await page.waitForSelector('#residence-checker')).contentFrame();
  await ready(frame);
  return { page, frame };
}

/** Waits until the frame element's height equals the app document's height; returns it. */
async function frameFollows(page, frame) {
  let height = 0;
  await assert.doesNotReject(async () => {
    for (let i = 0; i < 50; i++) {
      height = await frame.evaluate(() => document.documentElement.offsetHeight);
      const attr = await page.evaluate(() => document.getElementById('residence-checker').height);
      if (attr === String(height)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the frame is ${await page.evaluate(() => document.getElementById('residence-checker').height)} px, the app ${height} px`);
  });
  return height;
}

/** Messages the host page received from the app's origin. */
const fromApp = (page) => page.evaluate((o) => window.received.filter((m) => m.origin === o), app.origin);

describe('framed by a host page on another origin', () => {
  test('the host and the app really are on different origins', () => {
    assert.notEqual(host.origin, app.origin);
  });

  test("the frame's height follows the content: start page, then the first question", async () => {
    const { page, frame } = await openHost(context, 'embed&lang=en&host={host}');
    assert.equal(await frame.evaluate(() => document.documentElement.className), 'js embed');
    const start = await frameFollows(page, frame);
    assert.ok(start > 100, `start page height ${start}`);
    // Another page: the first question.
    await frame.locator('main button.button--primary').click();
    await frame.waitForFunction(() => document.querySelector('main fieldset h1'));
    const question = await frameFollows(page, frame);
    assert.notEqual(question, start, 'the page changed but its height did not');
    const messages = await fromApp(page);
    assert.ok(messages.length >= 2, 'one message per height');
    assert.ok(messages.every((m) => m.data.type === 'residence-checker:height' && Number.isInteger(m.data.height)));
    await page.close();
  });

  test('between two pages the frame keeps its height, then takes the new one: no shrink and grow again; question numbers follow each other', async (tc) => {
    const j = JOURNEYS.find((x) => x.name.startsWith('L24'));
    const { page, frame } = await openHost(context, 'embed&lang=en&host={host}&topic=card_problem');
    const journey = new Journey(frame, 'en', j.answers, { axe: false });
    const numbers = [];
    journey.audit = async () => {
      const progress = await frame.locator('main .progress').first();
      if (await progress.count()) numbers.push(Number((await progress.innerText()).match(/\d+/)[0]));
    };
    await journey.toCheckPage();
    // The topic came from the address: the questions shown are numbered 1, 2, 3, …
    assert.deepEqual(numbers, numbers.map((_, i) => i + 1), `question numbers ${numbers.join(', ')}`);
    const before = await frameFollows(page, frame);
    const sent = (await fromApp(page)).length;
    await frame.getByRole('button', { name: en.get('ui.see_result'), exact: true }).click();
    await frame.locator('main .rules-version').waitFor();
    await frame.locator('main .handoff svg.qr path').waitFor();
    await new Promise((r) => setTimeout(r, 500));
    const after = await frameFollows(page, frame);
    const heights = [before, ...(await fromApp(page)).slice(sent).map((m) => m.data.height)];
    tc.diagnostic(`check page → result: heights posted ${heights.join(' → ')} px`);
    for (let i = 1; i + 1 < heights.length; i++) {
      assert.ok(!(heights[i] < heights[i - 1] && heights[i + 1] > heights[i]), `the frame shrank and grew again: ${heights.join(' → ')}`);
    }
    assert.equal(heights.length, 2, `more than one height posted for one page change: ${heights.join(' → ')}`);
    assert.equal(heights.at(-1), after);
    await page.close();
  });

  test('the start page is compact: at most 800 px tall in a 360 px frame, in every language (screenshots)', async (tc) => {
    const narrow = await launch({ viewport: { width: 360, height: 800 } });
    const dir = path.resolve('target/e2e/embed');
    fs.mkdirSync(dir, { recursive: true });
    try {
      for (const lang of ['en', 'nb', 'nn', 'uk', 'ar']) {
        const { page, frame } = await openHost(narrow, `embed&lang=${lang}&host={host}`);
        const height = await frameFollows(page, frame);
        const file = path.join(dir, `start-360-${lang}.png`);
        await page.locator('#residence-checker').screenshot({ path: file });
        tc.diagnostic(`${lang}: the embedded start page is ${height} px tall at 360 px (${file})`);
        assert.ok(height <= 800, `${lang}: the embedded start page is ${height} px tall`);
        await page.close();
      }
    } finally {
      await narrow.close();
    }
  });

  test('a height message from another origin is ignored', async () => {
    const { page, frame } = await openHost(context, 'embed&host={host}');
    const before = await frameFollows(page, frame);
    // The host page itself (another origin than the app's) posts a fake height.
    await page.evaluate(() => window.postMessage({ type: 'residence-checker:height', height: 3333 }, '*'));
    await page.waitForFunction(() => window.received.some((m) => m.data.height === 3333));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await page.evaluate(() => document.getElementById('residence-checker').height), String(before));
    await page.close();
  });

  for (const query of ['embed', 'embed&host=*', 'embed&host=%2A', 'embed&host=javascript:alert(1)', 'host={host}']) {
    test(`?${query}: the app posts nothing`, async () => {
      const { page, frame } = await openHost(context, query);
      await frame.waitForLoadState('networkidle');
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(await fromApp(page), []);
      assert.equal(await page.evaluate(() => document.getElementById('residence-checker').height), '600');
      await page.close();
    });
  }

  test('topic=card_problem: the framed lost-card checker asks no topic and reaches a new-card result', async () => {
    // A fresh profile: answers an earlier test left on this device would be restored.
    const fresh = await launch();
    const { page, frame } = await openHost(fresh, 'embed&topic=card_problem&host={host}');
    const en = words('en');
    const j = new Journey(frame, 'en', {
      citizenship: 'other', status: 'temporary', card_situation: ['lost'], permit_expiry: '2027-06-30',
      location_now: 'norway', duf_number: 'skip', new_passport_recently: false, date_of_birth: '1990-05-05', appointment_date: 'skip', planned_departure: 'skip',
    }, { axe: false });
    await j.toCheckPage().catch((e) => { throw new Error(`after ${j.asked.join(' → ')}: ${e.message}`); });
    const result = await j.toResult();
    assert.ok(!j.asked.includes('topic'), j.asked.join(', '));
    assert.ok(j.asked.length <= 12, `${j.asked.length} questions: ${j.asked.join(', ')}`);
    assert.ok(result.includes(en.get('finding.new_card.yes.title')), result);
    await fresh.close();
  });

  test('lang=nb starts the framed app in bokmål', async () => {
    const { page, frame } = await openHost(context, 'embed&lang=nb&host={host}');
    assert.equal(await documentLang(frame), 'nb');
    await page.close();
  });
});

describe('the compact layout', () => {
  test('?embed&look=contrast fits 320 px, keeps 44 px targets and is axe-clean', async () => {
    const narrow = await launch({ viewport: VIEWPORTS.narrow });
    try {
      const { page } = await open(narrow, `${app.url}?embed&look=contrast`);
      assert.equal(await page.evaluate(() => document.documentElement.className), 'js embed look-contrast');
      assert.ok(await heading(page));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than 320px`);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('button')].filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width < 44 || r.height < 44;
        }).length,
      );
      assert.equal(small, 0, 'touch targets smaller than 44x44');
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], formatViolations(violations));
    } finally {
      await narrow.close();
    }
  });

  test('the embedded page is only as tall as its content (the frame can shrink)', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 2000 });
    await page.goto(`${app.url}?embed`);
    await ready(page);
    const [content, viewport] = await page.evaluate(() => [document.documentElement.offsetHeight, window.innerHeight]);
    assert.ok(content < viewport, `content ${content}px fills the ${viewport}px viewport`);
    await page.close();
  });
});
