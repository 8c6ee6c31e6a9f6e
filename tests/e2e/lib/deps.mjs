// The npm packages of the end-to-end tests live in the project's one npm project, tools/
// (installed with `npm ci` by `cargo xtask`). Node resolves bare imports from the importing
// file's folders only, so load them relative to tools/package.json here, once.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../../tools/package.json', import.meta.url));

/** playwright-core's Chromium driver (never downloads a browser; we pass Debian's). */
export const { chromium } = require('playwright-core');

/** The axe-core runner for Playwright pages. */
const axe = require('@axe-core/playwright');
export const AxeBuilder = axe.default ?? axe.AxeBuilder;
