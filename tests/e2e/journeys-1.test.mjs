// Rule-book journeys, part 1 (appointments, arrival, new cards)
// Walked as a person would: by the visible labels, from the start page to the result page, with
// the device clock set to the scenario's day; axe runs on every page each journey passes through.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { serveApp } from './lib/app.mjs';
import { Journey, openOn, words } from './lib/journey.mjs';
import { JOURNEYS } from './lib/scenarios.mjs';

const app = serveApp();
const en = words('en');

describe('Rule-book journeys, part 1 (appointments, arrival, new cards)', () => {
  let context;
  before(async () => {
    context = await launch();
  });
  after(async () => context?.close());

  for (const j of JOURNEYS.slice(0, 6)) {
    test(j.name + (j.keyboard ? ' (keyboard only)' : ''), async () => {
      const { page, requests } = await openOn(context, app.url, j.today);
      const journey = new Journey(page, 'en', j.answers, { keyboard: !!j.keyboard });
      await journey.toCheckPage();
      const result = await journey.toResult();
      for (const key of j.expect) {
        assert.ok(result.includes(en.get(key)), `result page lacks "${en.get(key)}" (${key}):\n${result}`);
      }
      for (const text of j.text ?? []) {
        assert.ok(result.includes(text), `result page lacks "${text}":\n${result}`);
      }
      assert.ok(result.includes(en.get('ui.not_advice')), 'the not-legal-advice line is missing');
      assert.match(result, /2026\.11\.1/, 'the rules version is not shown');
      assert.deepEqual(journey.violations, [], journey.violations.join('\n'));
      const foreign = requests.filter((u) => !u.startsWith(app.origin));
      assert.deepEqual(foreign, [], 'requests to other origins');
      console.log(`  ${j.name}: ${journey.pages.length} pages, axe clean`);
      await page.close();
    });
  }

});
