// Zero axe violations (WCAG 2.0/2.1/2.2 A and AA rules) on every page that exists, in both
// languages, on a desktop and a 320 px screen; and on the page a browser without JavaScript
// sees (which is where index.html's own `lang` and noscript text are checked).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, VIEWPORTS } from './lib/browser.mjs';
import { axeViolations, formatViolations } from './lib/axe.mjs';
import { serveApp, PAGES } from './lib/app.mjs';

const app = serveApp();

for (const [width, viewport] of Object.entries(VIEWPORTS)) {
  describe(`axe, ${width} screen (${viewport.width}px)`, () => {
    let context;
    before(async () => {
      context = await launch({ viewport });
    });
    after(async () => context?.close());

    for (const target of PAGES) {
      test(`${target.name}: no violations`, async () => {
        const { page } = await open(context, app.url);
        await target.reach(page);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe violations on ${target.name}:\n${formatViolations(violations)}`);
        await page.close();
      });
    }
  });
}

test('the page without JavaScript: no violations', async () => {
  const context = await launch({ javaScriptEnabled: false });
  try {
    const { page } = await open(context, app.url, { waitUntilReady: false });
    assert.match(await page.locator('body').innerText(), /needs JavaScript/);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe violations without JavaScript:\n${formatViolations(violations)}`);
  } finally {
    await context.close();
  }
});
