// The web half of `cargo xtask bench` (not a test): the sizes of the first load, and what a
// person waits for, in headless Chromium under the budget's mobile throttling (DevTools protocol:
// 4x CPU slowdown, 1.6 Mbps down and up, 150 ms round trip), each the median of RUNS rounds
// after a warm-up round (a round takes every measurement once, so that all meet the same load of
// a shared machine):
//
// - start page ready to answer (the Start button painted, enabled, in the page's language; a
//   press is kept until the app runs, see assets/boot.js), first visit, in each language; and
//   when the app runs (it has taken over the pre-rendered page);
// - Start → first question, pressed after the start page has been read for a while (the app
//   runs and has fetched the questions' words while the browser was idle);
// - the last press before the findings ("See your result") → findings painted, first visit,
//   the questions answered at a brisk pace (THINK_MS each);
// - a return visit (answers kept on the device, the service worker in control): start page
//   ready, and when the app runs.
//
// A first visit runs with the service worker blocked: DevTools throttling does not reach a
// service worker's own fetches, so its precaching would use an unthrottled network beside the
// page; blocked, every byte goes through the throttled network, as on a first visit to a slow
// phone (where the precaching would only compete for it). A return visit needs the service
// worker: it answers from its cache, so the network is not used at all.
//
// "Painted" is measured in the page: the first animation frame in which the thing is on screen
// (the styles loaded, the element visible), timed by a task queued from that frame, which runs
// after the frame is drawn. A press is timed from its event's time stamp.
//
// It prints the physical floor of the first figure, the bytes the start page needs before it can
// be painted (index.html, boot.js and the screen styles, brotli) over the bandwidth plus the two
// round trips that cannot be avoided (the page, then its script and styles side by side), and
// every figure's ratio to that floor. Writes Markdown to target/bench/web.md (the xtask puts it
// into README.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, ROOT, startServer } from './lib/serve.mjs';
import { brotli, firstLoadFiles, kb, measure, sizeTable } from './lib/sizes.mjs';
import { launch } from './lib/browser.mjs';
import { Journey, words } from './lib/journey.mjs';
import { JOURNEYS } from './lib/scenarios.mjs';

/** Runs per figure (the budget asks for at least 5; fewer only to try the bench out). */
const RUNS = Number(process.env.BENCH_RUNS || 5);
/** The build to measure (another build, e.g. an earlier commit's, to compare on this machine). */
const BUILD = path.resolve(process.env.BENCH_DIST || DIST);
/** Where the Markdown goes (the xtask reads target/bench/web.md). */
const OUT = path.resolve(process.env.BENCH_OUT || path.join(ROOT, 'target/bench/web.md'));
/** Whether the build pre-renders its start page (builds before issue 23 do not). */
const PRERENDERED = fs.readFileSync(path.join(BUILD, 'index.html'), 'utf8').includes('data-prerendered');
/** How long a person reads the start page before pressing Start, and thinks per question. */
const READ_MS = 3000;
const THINK_MS = 1000;

/** Mobile throttling, as in the budget: 4x CPU slowdown, 1.6 Mbps, 150 ms round trip. */
const MOBILE = {
  cpuRate: 4,
  network: {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1000 * 1000) / 8,
    uploadThroughput: (1.6 * 1000 * 1000) / 8,
  },
};

const LOCALES = { en: 'en-US', nb: 'nb-NO', uk: 'uk-UA', ar: 'ar-EG' };
const EN = words('en');
const JOURNEY = JOURNEYS[0];

/**
 * Runs in the page before its scripts: records when things are first painted
 * (`window.__painted[name]`, ms since the navigation started) and the time stamp of every press
 * (`window.__presses`). `expect` is `{ lang, question }`: the page's language and the first
 * question's heading.
 */
const PROBE = (expect) => {
  const painted = (window.__painted = {});
  const presses = (window.__presses = []);
  document.addEventListener('click', (e) => e.target.closest?.('button') && presses.push(e.timeStamp), true);
  document.addEventListener('residence-checker:takeover', () => (painted.takeover = performance.now()));
  const visible = (selector) => {
    const e = document.querySelector(selector);
    return e && e.checkVisibility({ visibilityProperty: true }) ? e : null;
  };
  const checks = {
    ready: () => {
      const b = visible('main button.button--primary');
      return b && !b.disabled && document.documentElement.lang === expect.lang;
    },
    running: () => painted.ready !== undefined && !document.body.hasAttribute('data-prerendered'),
    question: () => visible('main h1')?.textContent === expect.question,
    findings: () => visible('main .finding__title'),
  };
  const frame = () => {
    const styled = [...document.styleSheets].some((s) => s.href?.includes('/main-'));
    const now = styled ? Object.keys(checks).filter((name) => painted[name] === undefined && checks[name]()) : [];
    // The frame is drawn after this callback: a task queued now runs once it is.
    if (now.length) setTimeout(() => now.forEach((name) => (painted[name] ??= performance.now())));
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

/** A page in a fresh browser, throttled (or not), cache disabled, probing for `lang`. */
async function throttledPage(context, { throttle = MOBILE, lang = 'en' } = {}) {
  const page = await context.newPage();
  await page.addInitScript(PROBE, { lang, question: words(lang).get('q.citizenship.title') });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpuRate });
    await cdp.send('Network.emulateNetworkConditions', throttle.network);
  }
  return page;
}

const painted = (page, name, timeout = 60_000) =>
  page.waitForFunction((n) => window.__painted[n], name, { timeout, polling: 50 });

/** The time from the last press to `name` being painted. */
async function afterPress(page, name) {
  await painted(page, name);
  return page.evaluate((n) => window.__painted[n] - window.__presses.at(-1), name);
}

/** Answers at a person's pace: a moment to think before each answer. */
class PacedJourney extends Journey {
  async answer(q, value) {
    await this.page.waitForTimeout(THINK_MS);
    return super.answer(q, value);
  }
}

/**
 * One first visit in English: ready, running, Start → first question, and (with `journey`) the
 * rest of the questions and the findings.
 */
async function firstVisit(url, { throttle = MOBILE, journey = true } = {}) {
  const context = await launch({ locale: LOCALES.en, serviceWorkers: 'block' });
  try {
    const page = await throttledPage(context, { throttle });
    await page.clock.setFixedTime(new Date(`${JOURNEY.today}T12:00:00`));
    await page.goto(url, { waitUntil: 'commit' });
    await painted(page, 'ready');
    await painted(page, 'running');
    const out = await page.evaluate(() => ({ ready: window.__painted.ready, running: window.__painted.running }));
    if (!journey) return out;
    await page.waitForTimeout(READ_MS);
    await page.locator('main button.button--primary').click();
    out.question = await afterPress(page, 'question');
    const walk = new PacedJourney(page, 'en', JOURNEY.answers, { axe: false });
    walk.toCheckPage = async function () {
      // Already on the first question: answer from there.
      for (let step = 0; step < 60; step++) {
        const h = (await page.locator('main h1').innerText()).trim();
        if (h === this.word('ui.check.title')) return;
        const q = this.byTitle.get(h);
        if (!q || !(q in this.answers)) throw new Error(`the bench journey cannot answer "${h}"`);
        await this.answer(q, this.answers[q]);
      }
      throw new Error('no check page');
    };
    await walk.toCheckPage();
    await page.waitForTimeout(THINK_MS);
    await page.getByRole('button', { name: EN.get('ui.see_result'), exact: true }).click();
    out.findings = await afterPress(page, 'findings');
    return out;
  } finally {
    await context.close();
  }
}

/**
 * The same start page as a static page: index.html without its scripts (and so without the
 * app's preloads), marked as the boot script would mark it. The practical floor of the first
 * figure on this machine: HTML and styles, parsed and painted, nothing else.
 */
async function staticVisit(url) {
  const context = await launch({ locale: LOCALES.en, serviceWorkers: 'block' });
  try {
    const page = await throttledPage(context);
    await page.goto(`${url}static.html`, { waitUntil: 'commit' });
    await painted(page, 'ready');
    return await page.evaluate(() => window.__painted.ready);
  } finally {
    await context.close();
  }
}

/** A copy of the build with `static.html`, index.html as a static page (see staticVisit). */
function withStaticPage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'residence-checker-bench-'));
  fs.cpSync(BUILD, dir, { recursive: true });
  const html = fs
    .readFileSync(path.join(BUILD, 'index.html'), 'utf8')
    .replace(/<script\b[^>]*><\/script>/g, '')
    .replace(/<link\b[^>]*rel=["']?(?:modulepreload|preload)\b[^>]*>/g, '')
    .replace(/<html\b/, '<html class="js"');
  fs.writeFileSync(path.join(dir, 'static.html'), html);
  return dir;
}

/** One first visit by a browser that prefers `lang`: ready and running. */
async function firstVisitIn(url, lang) {
  const context = await launch({ locale: LOCALES[lang], serviceWorkers: 'block' });
  try {
    const page = await throttledPage(context, { lang });
    await page.goto(url, { waitUntil: 'commit' });
    await painted(page, 'ready');
    await painted(page, 'running');
    return await page.evaluate(() => ({ ready: window.__painted.ready, running: window.__painted.running }));
  } finally {
    await context.close();
  }
}

/**
 * One return visit: a first visit (unthrottled) that answers the first question and leaves the
 * service worker in control with everything cached; then the app opened again, throttled.
 */
async function returnVisit(url) {
  const context = await launch({ locale: LOCALES.en });
  try {
    const first = await context.newPage();
    await first.goto(url);
    await first.waitForFunction(() => !document.body.hasAttribute('data-prerendered'));
    await first.locator('main button.button--primary').click();
    await first.locator('main fieldset input[type="radio"]').first().check();
    await first.getByRole('button', { name: EN.get('ui.continue'), exact: true }).click();
    await first.waitForFunction(() => localStorage.getItem('residence-checker.answers') !== null);
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await first.close();
    const page = await throttledPage(context);
    await page.goto(url, { waitUntil: 'commit' });
    await painted(page, 'ready');
    await painted(page, 'running');
    return await page.evaluate(() => ({
      ready: window.__painted.ready,
      running: window.__painted.running,
      fromCache: navigator.serviceWorker.controller !== null,
    }));
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------------------------------------------------------------------------------------------

const sizes = measure(BUILD);
console.log(`First load (brotli at max quality, gzip -9):\n${sizeTable(sizes)}\n`);
const startPages = PRERENDERED
  ? fs
      .readdirSync(path.join(BUILD, 'start'))
      .sort()
      .map((f) => `\`start/${f}\` ${kb(brotli(fs.readFileSync(path.join(BUILD, 'start', f))))}`)
  : [];

// The floor of the first figure: the bytes the start page cannot be painted without, over the
// bandwidth, and the two round trips (the page; then its script and styles, side by side).
const critical = firstLoadFiles(BUILD).filter((f) => f === 'index.html' || f === 'boot.js' || /^main-.*\.css$/.test(f));
const criticalBytes = critical.reduce((sum, f) => sum + brotli(fs.readFileSync(path.join(BUILD, f))), 0);
const bytesPerMs = MOBILE.network.downloadThroughput / 1000;
const floor = 2 * MOBILE.network.latency + criticalBytes / bytesPerMs;
console.log(
  `Floor of the first figure: 2 × ${MOBILE.network.latency} ms + ${kb(criticalBytes)} (${critical.join(', ')}) ÷ 1.6 Mbps = ${floor.toFixed(0)} ms\n`,
);

const dir = withStaticPage();
const server = await startServer({ dir });
const rows = [];
const row = (name, times, budget = '') => {
  const r = { name, median: median(times), times, budget };
  rows.push(r);
  console.log(`${name}: median ${r.median.toFixed(0)} ms (${(r.median / floor).toFixed(2)} × floor; runs ${times.map((t) => t.toFixed(0)).join(', ')})`);
};
try {
  // Every measurement once per round, the rounds one after another, so that each figure meets
  // the same load of the machine as the others (it is shared); the first round warms up.
  const runs = { still: [], fast: [], first: [], nb: [], uk: [], ar: [], back: [] };
  for (let round = 0; round <= RUNS; round++) {
    const one = {
      still: PRERENDERED ? await staticVisit(server.url) : null,
      fast: await firstVisit(server.url, { throttle: null, journey: false }),
      first: await firstVisit(server.url),
      nb: await firstVisitIn(server.url, 'nb'),
      uk: await firstVisitIn(server.url, 'uk'),
      ar: await firstVisitIn(server.url, 'ar'),
      back: await returnVisit(server.url),
    };
    if (!one.back.fromCache) throw new Error('a return visit was not served by the service worker');
    if (round === 0) continue;
    for (const [k, v] of Object.entries(one)) if (v !== null) runs[k].push(v);
    console.log(`  round ${round}/${RUNS}`);
  }
  const { still, fast, first, back } = runs;

  row('start page ready, first visit (en)', first.map((r) => r.ready), '≤ 600 ms');
  if (still.length) row('the same start page as a static page (no scripts), first visit', still);
  for (const lang of ['nb', 'uk', 'ar']) {
    row(`start page ready, first visit (${lang}: its start page fetched, one more round trip)`, runs[lang].map((r) => r.ready));
  }
  row('app running (has taken over), first visit (en)', first.map((r) => r.running));
  row('Start → first question (after reading the start page)', first.map((r) => r.question), '≤ 150 ms');
  row('"See your result" → findings, first visit, service worker bypassed', first.map((r) => r.findings), '≤ 250 ms');
  row('start page ready, return visit (answers kept, service worker)', back.map((r) => r.ready), '≤ 400 ms');
  row('app running, return visit', back.map((r) => r.running));
  row('start page ready, first visit, unthrottled (en)', fast.map((r) => r.ready));
} finally {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

const table = [
  '| what a person waits for | median | × floor | budget | runs (ms) |',
  '|---|---:|---:|---|---|',
  ...rows.map(
    (r) => `| ${r.name} | **${r.median.toFixed(0)} ms** | ${(r.median / floor).toFixed(2)} | ${r.budget} | ${r.times.map((t) => t.toFixed(0)).join(', ')} |`,
  ),
].join('\n');
const markdown = `First load (brotli at max quality, gzip -9; 1 KB = 1000 bytes), budget ≤ 150 KB brotli:

${sizeTable(sizes)}

Pre-rendered start pages the boot script fetches when needed (another language, a kiosk, English again after another; not in the first load): ${startPages.join(', ')}.

Headless Chromium, served compressed from loopback, cache disabled, mobile throttling (DevTools: 4x CPU, 1.6 Mbps, 150 ms round trip) unless said otherwise; ${RUNS} rounds after a warm-up round, each round every measurement once (so that they meet the same load of this shared machine). A first visit blocks the service worker (its fetches would escape the throttling); the questions are answered ${THINK_MS / 1000} s apart after ${READ_MS / 1000} s on the start page (journey "${JOURNEY.name.split(':')[0]}"). **Floor** of the first figure: 2 round trips × ${MOBILE.network.latency} ms + ${kb(criticalBytes)} (${critical.map((f) => `\`${f}\``).join(', ')}, brotli) ÷ 1.6 Mbps = **${floor.toFixed(0)} ms**; "× floor" is each median over it.

${table}
`;
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, markdown);
