// The web half of `cargo xtask bench` (not a test): sizes of the first load, and the time until
// the start page is ready to answer, in headless Chromium, unthrottled and under mobile
// throttling, as the median of several runs. Prints the figures and writes them as Markdown to
// target/bench/web.md (the xtask puts them into README.md).
import fs from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, startServer } from './lib/serve.mjs';
import { measure, sizeTable } from './lib/sizes.mjs';
import { launch } from './lib/browser.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 5);

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

// Runs in the page before any of its scripts: notes the moment the Start button is first
// visible and enabled ("ready to answer"), in ms since navigation start.
const READY_PROBE = () => {
  const check = () => {
    const b = document.querySelector('main button.button--primary');
    if (b && !b.disabled && b.offsetParent !== null && window.__readyAt === undefined) {
      window.__readyAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
};

async function readyTime(url, throttle) {
  const context = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript(READY_PROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttle) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpuRate });
      await cdp.send('Network.emulateNetworkConditions', throttle.network);
    }
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__readyAt !== undefined, undefined, { timeout: 60_000, polling: 50 });
    return await page.evaluate(() => window.__readyAt);
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const sizes = measure(DIST);
console.log(`First load (brotli at max quality, gzip -9):\n${sizeTable(sizes)}\n`);

const server = await startServer();
const rows = [];
try {
  for (const [name, throttle] of [
    ['unthrottled', null],
    ['mobile (4x CPU, 1.6 Mbps, 150 ms RTT)', MOBILE],
  ]) {
    await readyTime(server.url, throttle); // warm-up run, not counted
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await readyTime(server.url, throttle));
    const row = { name, median: median(times), times };
    rows.push(row);
    console.log(`${name}: median ${row.median.toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  }
} finally {
  await server.close();
}

const ready = [
  '| start page ready to answer (Start button visible and enabled) | median | runs (ms) |',
  '|---|---:|---|',
  ...rows.map((r) => `| ${r.name} | **${r.median.toFixed(0)} ms** | ${r.times.map((t) => t.toFixed(0)).join(', ')} |`),
].join('\n');
const markdown = `First load (brotli at max quality, gzip -9; 1 KB = 1000 bytes), budget ≤ 150 KB brotli:\n\n${sizeTable(sizes)}\n\nStart page, headless Chromium, served compressed from loopback, cache disabled, ${RUNS} runs after one warm-up; budget ≤ 1.5 s under mobile throttling:\n\n${ready}\n`;
fs.mkdirSync(path.join(ROOT, 'target/bench'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'target/bench/web.md'), markdown);
