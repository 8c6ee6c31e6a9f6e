// Rule-book journeys, part 2 (new cards, renewal, absence, Brexit)
// Walked as a person would: by the visible labels, from the start page to the result page, with
// the device clock set to the scenario's day; axe runs on every page each journey passes through.
import { serveApp } from './lib/app.mjs';
import { JOURNEYS, runJourneys } from './lib/scenarios.mjs';

runJourneys('Rule-book journeys, part 2 (new cards, renewal, absence, Brexit)', JOURNEYS.slice(5, 9), serveApp());
