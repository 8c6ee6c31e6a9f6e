// Rule-book journeys, part 1 (appointments, arrival, a new card)
// Walked as a person would: by the visible labels, from the start page to the result page, with
// the device clock set to the scenario's day; axe runs on every page each journey passes through.
// The journeys are split over three files so that each file stays well within the e2e stage's
// per-file timeout (180 s, `--test-timeout` in xtask) on a 2-core machine.
import { serveApp } from './lib/app.mjs';
import { JOURNEYS, runJourneys } from './lib/scenarios.mjs';

runJourneys('Rule-book journeys, part 1 (appointments, arrival, a new card)', JOURNEYS.slice(0, 5), serveApp());
