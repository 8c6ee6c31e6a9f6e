// Offline: after one visit the service worker controls the page, and with the network gone a
// reload still finishes a whole journey. A rebuilt app (a changed file, sw.js regenerated)
// installs beside the old one, takes over on the next load after the old tab closes, and
// deletes the old cache; the page works throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, startServer } from './lib/serve.mjs';
import { launch, ready } from './lib/browser.mjs';
import { Journey, openOn, words } from './lib/journey.mjs';
import { JOURNEYS } from './lib/scenarios.mjs';
import { writeServiceWorker, describeBuild } from '../../tools/sw.mjs';

const en = words('en');
const journey = JOURNEYS[0];

// A copy of dist/, so that the test can rebuild it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'residence-checker-offline-'));
let server;
let context;
before(async () => {
  fs.cpSync(DIST, dir, { recursive: true });
  server = await startServer({ dir });
  context = await launch();
});
after(async () => {
  await context?.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** This app's caches, as the page sees them. */
const appCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('residence-checker-')));

/** Polls the async `condition` for up to 15 s. */
async function until(condition, message) {
  for (let i = 0; i < 150; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(message);
}

/** Waits until a service worker controls `page`. */
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });

test('sw.js precaches every built file but itself, under a name derived from their contents', () => {
  const build = describeBuild(DIST);
  const files = build.files.map((f) => f.path);
  for (const must of ['index.html', 'boot.js', 'manifest.webmanifest', 'text/en.result.txt', 'text/nb.result.txt']) {
    assert.ok(files.includes(must), `${must} is not precached`);
  }
  assert.ok(files.some((f) => f.endsWith('_bg.wasm')), 'the wasm is not precached');
  assert.ok(!files.includes('sw.js') && !files.includes('_headers'));
  assert.ok(fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8').includes(JSON.stringify(build.cache)), 'dist/sw.js is stale');
});

test('after one visit, a reload without network finishes a whole journey', async () => {
  const { page } = await openOn(context, server.url, journey.today);
  await controlled(page);
  assert.equal((await appCaches(page)).length, 1);
  await context.setOffline(true);
  try {
    await page.reload();
    await ready(page);
    const walk = new Journey(page, 'en', journey.answers, { axe: false });
    await walk.toCheckPage();
    const result = await walk.toResult();
    for (const key of journey.expect) assert.ok(result.includes(en.get(key)), `result lacks ${key}`);
    // Any address of the app opens offline, whatever its query (?embed, ?kiosk).
    await page.goto(`${server.url}?embed&lang=nb`);
    await ready(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nb');
  } finally {
    await context.setOffline(false);
    await page.close();
  }
});

test('a rebuilt app replaces the old cache on the next load, without mixing versions', async () => {
  const { page } = await openOn(context, server.url, journey.today);
  await controlled(page);
  const [oldCache] = await appCaches(page);
  assert.ok(oldCache);

  // Rebuild: a changed words file (unhashed, so only the cache name tells the versions apart).
  const marker = '# rebuilt by tests/e2e/offline.test.mjs';
  fs.appendFileSync(path.join(dir, 'text/en.result.txt'), `\n${marker}\n`);
  const { cache: newCache } = writeServiceWorker(dir);
  assert.notEqual(newCache, oldCache);

  // The next load finds the new worker; it installs and waits. The open page keeps the old
  // version, words included.
  await page.reload();
  await ready(page);
  await until(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null), 'no new worker waits');
  const oldWords = await page.evaluate(() => fetch('text/en.result.txt').then((r) => r.text()));
  assert.ok(!oldWords.includes(marker), 'the old page got the new words');
  assert.deepEqual((await appCaches(page)).sort(), [oldCache, newCache].sort(), 'both versions are cached while the old one runs');
  await page.close();

  // With the old tab closed, the next load is the new version, and the old cache is gone.
  let fresh;
  for (let attempt = 0; attempt < 20; attempt++) {
    fresh = await context.newPage();
    await fresh.goto(server.url);
    await ready(fresh);
    const names = await appCaches(fresh);
    if (names.length === 1 && names[0] === newCache) break;
    await fresh.close();
    fresh = null;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.ok(fresh, 'the new version never took over');
  await controlled(fresh);
  const newWords = await fresh.evaluate(() => fetch('text/en.result.txt').then((r) => r.text()));
  assert.ok(newWords.includes(marker), 'the new page got the old words');

  // And it works offline too.
  await context.setOffline(true);
  try {
    await fresh.reload();
    await ready(fresh);
    await fresh.locator('main button.button--primary').click();
    await fresh.waitForFunction(() => document.querySelector('main fieldset h1'));
  } finally {
    await context.setOffline(false);
    await fresh.close();
  }
});
