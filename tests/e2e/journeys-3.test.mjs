// Rule-book journeys, part 3 (Brexit family, asylum, collective protection, permanent permit)
// Walked as a person would: by the visible labels, from the start page to the result page, with
// the device clock set to the scenario's day; axe runs on every page each journey passes through.
import { serveApp } from './lib/app.mjs';
import { JOURNEYS, runJourneys } from './lib/scenarios.mjs';

runJourneys('Rule-book journeys, part 3 (Brexit family, asylum, collective protection, permanent permit)', JOURNEYS.slice(9), serveApp());
