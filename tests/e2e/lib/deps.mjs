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

/** A QR code reader (pure JavaScript), to read back the codes the app draws. */
const jsqr = require('jsqr');
export const jsQR = jsqr.default ?? jsqr;

/**
 * The text and page count of a PDF (Mozilla's pdf.js, no canvas needed for text), to check what
 * Chromium prints.
 */
export async function pdfText(buffer) {
  const pdfjs = await import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: true, disableFontFace: true }).promise;
  const pageTexts = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pageTexts.push(content.items.map((item) => item.str + (item.hasEOL ? '\n' : ' ')).join('') + '\n');
  }
  return { pages: doc.numPages, text: pageTexts.join(''), pageTexts };
}
