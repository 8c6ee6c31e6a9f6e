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

/**
 * Draws page `n` of a PDF as a PNG file with pdf.js in a page of `context` (served from a
 * made-up origin through `page.route`, so nothing leaves the machine), to show what a reader
 * gets on paper.
 */
export async function pdfPagePng(context, buffer, n, file) {
  const build = require.resolve('pdfjs-dist/legacy/build/pdf.mjs').replace(/pdf\.mjs$/, '');
  const page = await context.newPage();
  await page.route('http://pdf.invalid/**', (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === 'doc.pdf') return route.fulfill({ body: Buffer.from(buffer), contentType: 'application/pdf' });
    if (name === '') return route.fulfill({ body: '<!doctype html><body style="margin:0;background:#888"><canvas id="c"></canvas>', contentType: 'text/html' });
    return route.fulfill({ path: build + name.replace(/[^a-z.]/g, ''), contentType: 'text/javascript' });
  });
  await page.goto('http://pdf.invalid/');
  await page.evaluate(async (n) => {
    const pdfjs = await import('http://pdf.invalid/pdf.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = 'http://pdf.invalid/pdf.worker.mjs';
    const doc = await pdfjs.getDocument('http://pdf.invalid/doc.pdf').promise;
    const p = await doc.getPage(n);
    const viewport = p.getViewport({ scale: 1.25 });
    const canvas = document.getElementById('c');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await p.render({ canvasContext: ctx, viewport }).promise;
  }, n);
  await page.locator('#c').screenshot({ path: file });
  await page.close();
}
