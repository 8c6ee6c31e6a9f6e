// Zero axe violations (WCAG 2.0/2.1/2.2 A and AA rules) on every page that exists, in all four
// languages (Arabic right to left), on a desktop and a 320 px screen; and on the page a
// browser without JavaScript sees (which is where index.html's own `lang` and noscript text
// are checked).
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
  // What a browser without JavaScript sees: index.html as served, with the <noscript> content
  // shown and no scripts. axe itself needs JavaScript, so the page is rewritten that way
  // instead of switching JavaScript off. This checks index.html's own `lang` and text.
  const context = await launch();
  try {
    const page = await context.newPage();
    await page.route(app.url, async (route) => {
      const response = await route.fetch();
      const html = (await response.text())
        .replace(/<\/?noscript>/g, '')
        .replace(/<script\b[\s\S]*?<\/script>/g, '')
        .replace(/<link\b[^>]*rel=["']?(?:modulepreload|preload)\b[^>]*>/g, '');
      await route.fulfill({ response, body: html });
    });
    await page.goto(app.url, { waitUntil: 'load' });
    assert.match(await page.locator('body').innerText(), /needs JavaScript/);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe violations without JavaScript:\n${formatViolations(violations)}`);
  } finally {
    await context.close();
  }
});
