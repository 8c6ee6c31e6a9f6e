// Nothing leaves the device: during a page load and every journey, the browser makes no
// request to any origin but the app's own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './lib/browser.mjs';
import { serveApp, PAGES } from './lib/app.mjs';

const app = serveApp();
let context;
before(async () => {
  context = await launch();
});
after(async () => context?.close());

/** Requests whose origin is not the app's (data: and blob: URLs never leave the page). */
function foreign(requests) {
  return requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== app.origin);
}

test('a page load requests nothing from other origins', async () => {
  const { page, requests } = await open(context, app.url);
  await page.waitForLoadState('networkidle');
  assert.ok(requests.length > 0, 'no requests recorded at all');
  assert.deepEqual(foreign(requests), [], 'requests to other origins');
  await page.close();
});

for (const target of PAGES) {
  test(`${target.name}: no requests to other origins`, async () => {
    const { page, requests } = await open(context, app.url);
    await target.reach(page);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(foreign(requests), [], 'requests to other origins');
    await page.close();
  });
}
