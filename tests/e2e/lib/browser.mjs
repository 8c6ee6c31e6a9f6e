// Launching Debian's Chromium headless with Playwright, and opening the app with every request
// recorded. Reused by every end-to-end journey and by the benchmark.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from './deps.mjs';

/** Debian's Chromium (override with CHROMIUM=/path/to/chromium). */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a closed network (no Google lookups, no updates). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Viewports the journeys use. */
export const VIEWPORTS = {
  narrow: { width: 320, height: 640 },
  desktop: { width: 1280, height: 800 },
};

/**
 * Launches headless Chromium with a fresh, empty user-data-dir. Returns a Playwright
 * BrowserContext (persistent, so the profile directory is ours); `close()` also removes it.
 * `serviceWorkers: 'block'` keeps the app's service worker out, so that `page.route` sees
 * every request (a service worker's fetches bypass it).
 */
export async function launch({ viewport = VIEWPORTS.desktop, javaScriptEnabled = true, locale = 'en-US', serviceWorkers = 'allow' } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'residence-checker-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    javaScriptEnabled,
    locale,
    serviceWorkers,
  });
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return context;
}

/**
 * Opens `url` in a new page of `context`, recording every request the page makes (including
 * ones that fail or are blocked). Returns `{ page, requests }`; `requests` keeps growing.
 */
export async function open(context, url, { waitUntilReady = true } = {}) {
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url, { waitUntil: 'load' });
  if (waitUntilReady) await ready(page);
  return { page, requests };
}

/** The Start button: the start page is "ready to answer" when it is visible and enabled. */
export function startButton(page) {
  return page.locator('main button.button--primary');
}

/**
 * Waits until the app runs and shows the start page: it has taken over the pre-rendered page
 * (whose `<body data-prerendered>` the boot script keeps until then, see assets/boot.js) and
 * the Start button is visible and enabled.
 */
export async function ready(page, timeout = 30_000) {
  const start = startButton(page);
  await start.waitFor({ state: 'visible', timeout });
  await page.waitForFunction(
    () => {
      const b = document.querySelector('main button.button--primary');
      return !document.body.hasAttribute('data-prerendered') && b && !b.disabled;
    },
    undefined,
    { timeout },
  );
}

/** The text of the page's h1. */
export async function heading(page) {
  return (await page.locator('main h1').innerText()).trim();
}

/** The `lang` attribute of `<html>`. */
export async function documentLang(page) {
  return page.evaluate(() => document.documentElement.getAttribute('lang'));
}

/** Presses the language button for `code` ("en" or "nb") and waits until `<html lang>` follows. */
export async function switchLanguage(page, code) {
  await page.locator(`.lang-switch button[lang="${code}"]`).click();
  await page.waitForFunction((c) => document.documentElement.lang === c, code);
}
