// Shared set-up for the journeys: one static server for dist/ per test file, and the pages
// that exist, as functions that bring a freshly opened app to them.
import { before, after } from 'node:test';
import { startServer } from './serve.mjs';
import { switchLanguage } from './browser.mjs';

/**
 * Serves dist/ on a random loopback port for the tests of the calling file. Returns an object
 * whose `url` and `origin` are filled in before the first test runs.
 */
export function serveApp() {
  const app = { url: '', origin: '' };
  let server;
  before(async () => {
    server = await startServer();
    app.url = server.url;
    app.origin = server.origin;
  });
  after(async () => server?.close());
  return app;
}

/** Every page that exists, in every language: `{ name, lang, reach(page) }`. */
export const PAGES = ['en', 'nb', 'nn', 'uk', 'ar'].flatMap((lang) => [
  {
    name: `start page (${lang})`,
    lang,
    reach: async (page) => {
      if (lang !== 'en') await switchLanguage(page, lang);
    },
  },
  {
    name: `page after Start (${lang})`,
    lang,
    reach: async (page) => {
      if (lang !== 'en') await switchLanguage(page, lang);
      await page.locator('main button.button--primary').click();
      // The first question, once its words have been fetched (not the loading message).
      await page.waitForFunction(() => document.querySelector('main fieldset h1'));
    },
  },
]);
