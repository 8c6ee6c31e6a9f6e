// The first-load budget: index.html and every CSS/JS/wasm file it references, brotli at max
// quality, at most 150 KB (1 KB = 1000 bytes). And the browser loads nothing else on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './lib/serve.mjs';
import { firstLoadFiles, measure, sizeTable, kb } from './lib/sizes.mjs';
import { launch, open } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';

/** The hard limit (design.md: ≤ 150 KB in tests; aim ≤ 120 KB). */
export const FIRST_LOAD_BROTLI_LIMIT = 150_000;

const app = serveApp();

test('first load, brotli, is within 150 KB', () => {
  const sizes = measure(DIST);
  console.log(`first load (dist/):\n${sizeTable(sizes)}`);
  assert.ok(
    sizes.total.brotli <= FIRST_LOAD_BROTLI_LIMIT,
    `first load is ${kb(sizes.total.brotli)} brotli, over the ${kb(FIRST_LOAD_BROTLI_LIMIT)} budget`,
  );
});

test('the browser loads nothing outside the measured set', async () => {
  const counted = new Set(firstLoadFiles(DIST).map((f) => '/' + f));
  counted.add('/'); // index.html
  const context = await launch();
  try {
    const { page, requests } = await open(context, app.url);
    await page.waitForLoadState('networkidle');
    const uncounted = requests
      .filter((url) => url.startsWith(app.origin))
      .map((url) => new URL(url).pathname)
      .filter((p) => !counted.has(p));
    assert.deepEqual(uncounted, [], 'requests not counted in the budget');
  } finally {
    await context.close();
  }
});
