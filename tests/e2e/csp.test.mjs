// The Content-Security-Policy: strict in the built index.html (a meta tag), the same in the deploy
// header files (plus frame-ancestors), and the app runs a whole journey under it, normally, in
// embedded mode and with the deploy headers applied, without a single violation. Also the
// deploy files' cache rules against the real build.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, startServer } from './lib/serve.mjs';
import { launch } from './lib/browser.mjs';
import { Journey, openOn, words } from './lib/journey.mjs';
import { JOURNEYS } from './lib/scenarios.mjs';
import { readHeaders, headersFor } from '../../tools/headers.mjs';
import { builtFiles } from '../../tools/sw.mjs';

const HEADERS_FILE = path.join(ROOT, 'deploy/_headers');
const NGINX_FILE = path.join(ROOT, 'deploy/nginx.conf');

/** The policy of the meta tag in a (minified or not) index.html. */
export function metaPolicy(html) {
  const tags = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]);
  const tag = tags.find((t) => /http-equiv\s*=\s*["']?Content-Security-Policy/i.test(t));
  if (!tag) return null;
  const m = tag.match(/\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i);
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
}

/** A policy as a map: directive → its sources, in order. */
export function directives(policy) {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources.join(' ')]),
  );
}

/** Everything but frame-ancestors (which a meta tag cannot carry). */
const withoutFrameAncestors = (map) => new Map([...map].filter(([name]) => name !== 'frame-ancestors'));

const distHtml = () => fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
const headersPolicy = () => headersFor(readHeaders(HEADERS_FILE), '/')['Content-Security-Policy'];
function nginxPolicy() {
  const m = fs.readFileSync(NGINX_FILE, 'utf8').match(/add_header\s+Content-Security-Policy\s+"([^"]+)"/);
  return m?.[1];
}

describe('the policy as written', () => {
  test('the built index.html carries a strict policy in a meta tag', () => {
    const policy = metaPolicy(distHtml());
    assert.ok(policy, 'no Content-Security-Policy meta tag in dist/index.html');
    const d = directives(policy);
    assert.equal(d.get('default-src'), "'self'");
    assert.equal(d.get('script-src'), "'self' 'wasm-unsafe-eval'");
    assert.equal(d.get('style-src'), "'self'");
    assert.equal(d.get('connect-src'), "'self'");
    assert.equal(d.get('worker-src'), "'self'");
    assert.equal(d.get('object-src'), "'none'");
    assert.equal(d.get('base-uri'), "'none'");
    assert.equal(d.get('form-action'), "'none'");
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*|data:|blob:|https?:/);
  });

  test('the built index.html has no inline script, event handler or style attribute', () => {
    const html = distHtml();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    assert.ok(scripts.length > 0, 'no script at all');
    for (const [, attrs, body] of scripts) {
      assert.match(attrs, /\bsrc\s*=/, `an inline script: ${body.slice(0, 80)}`);
      assert.equal(body.trim(), '', 'a script with both src and a body');
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'an inline event handler');
    assert.doesNotMatch(html, /\sstyle\s*=/i, 'an inline style attribute');
  });

  test('the app code sets no inline style attribute either', () => {
    const offenders = [];
    const walk = (dir) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.rs') && /\bstyle=/.test(fs.readFileSync(p, 'utf8'))) offenders.push(path.relative(ROOT, p));
      }
    };
    walk(path.join(ROOT, 'src/ui'));
    assert.deepEqual(offenders, [], "style= attributes need style-src 'unsafe-inline'");
  });

  test('deploy/_headers and deploy/nginx.conf send the same policy, plus frame-ancestors', () => {
    const meta = withoutFrameAncestors(directives(metaPolicy(distHtml())));
    for (const [file, policy] of [
      ['deploy/_headers', headersPolicy()],
      ['deploy/nginx.conf', nginxPolicy()],
    ]) {
      assert.ok(policy, `${file} has no Content-Security-Policy`);
      const d = directives(policy);
      assert.ok(d.get('frame-ancestors'), `${file} lacks frame-ancestors`);
      assert.deepEqual(withoutFrameAncestors(d), meta, `${file} differs from the meta tag`);
    }
  });

  test('deploy/_headers and deploy/nginx.conf send the other security headers', () => {
    const want = {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    };
    const h = headersFor(readHeaders(HEADERS_FILE), '/index.html');
    const nginx = fs.readFileSync(NGINX_FILE, 'utf8');
    for (const [name, value] of Object.entries(want)) {
      assert.equal(h[name], value, `_headers: ${name}`);
      assert.ok(nginx.includes(`add_header ${name} "${value}" always;`), `nginx.conf: ${name}`);
    }
  });

  test('every built file gets the right cache rule from both deploy files', () => {
    const rules = readHeaders(HEADERS_FILE);
    const nginx = fs.readFileSync(NGINX_FILE, 'utf8');
    const immutable = nginx.match(/"(~[^"]+)"\s+"public, max-age=31536000, immutable";/);
    assert.ok(immutable, 'nginx.conf: no map entry for the hashed files');
    const hashed = new RegExp(immutable[1].slice(1));
    const files = ['', ...builtFiles(DIST), 'sw.js'];
    assert.ok(files.some((f) => /-[0-9a-f]{1,16}_bg\.wasm$/.test(f)), 'no hashed wasm in dist/');
    for (const file of files) {
      const url = '/' + file;
      const isHashed = /-[0-9a-f]{1,16}(_bg)?\.(js|css|wasm)$/.test(file);
      const want = isHashed ? 'public, max-age=31536000, immutable' : 'no-cache';
      assert.equal(headersFor(rules, url)['Cache-Control'], want, `_headers: Cache-Control of ${url}`);
      assert.equal(hashed.test(url), isHashed, `nginx.conf: ${url} ${isHashed ? 'is' : 'is not'} hashed`);
    }
  });
});

/** Collects CSP violations (as the page reports them) and console CSP errors of a context. */
async function watch(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.effectiveDirective}: ${e.blockedURI || e.sample}`),
    );
  });
  const consoleErrors = [];
  context.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  return consoleErrors;
}

const en = words('en');
const journey = JOURNEYS[0];

describe('a whole journey under the policy', () => {
  let plain;
  let withHeaders;
  before(async () => {
    plain = await startServer();
    const rules = readHeaders(HEADERS_FILE);
    withHeaders = await startServer({ headers: (pathname) => headersFor(rules, pathname) });
  });
  after(async () => {
    await plain?.close();
    await withHeaders?.close();
  });

  for (const [name, server, query] of [
    ['normal mode', () => plain, ''],
    ['embedded mode (?embed)', () => plain, '?embed&look=contrast'],
    ['served with the deploy/_headers headers', () => withHeaders, ''],
  ]) {
    test(`${name}: no CSP violation from the start page to the result`, async () => {
      const context = await launch();
      try {
        const consoleErrors = await watch(context);
        const { page } = await openOn(context, server().url + query, journey.today);
        if (server() === withHeaders) {
          const response = await page.request.get(server().url);
          assert.match(response.headers()['content-security-policy'] ?? '', /frame-ancestors/);
        }
        const walk = new Journey(page, 'en', journey.answers, { axe: false });
        await walk.toCheckPage();
        const result = await walk.toResult();
        assert.ok(result.includes(en.get(journey.expect[0])), 'the journey did not reach its result');
        // The service worker registers after load; give it a moment to do so under the policy.
        await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true), undefined, { timeout: 10_000 });
        const violations = await page.evaluate(() => window.__cspViolations);
        assert.deepEqual(violations, [], 'securitypolicyviolation events');
        assert.deepEqual(consoleErrors, [], 'console CSP errors');
      } finally {
        await context.close();
      }
    });
  }
});
