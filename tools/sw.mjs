// Writes the service worker (sw.js) into a built app: `writeServiceWorker(dir)`, called by
// tools/post_build.mjs after every build, last (once every file is as it will be served), and by
// the offline end-to-end test on a rebuilt copy. By hand: `node tools/sw.mjs [DIR]` (default
// dist/).
//
// sw.js precaches every file of the build except sw.js itself and the host's `_headers`, each
// with its SHA-256 integrity, in a cache named after a hash of all of them: any change to any
// file makes a new cache, and the browser installs the new worker (tools/sw.template.js).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE = path.join(ROOT, 'tools/sw.template.js');

/** Files that are not part of the app: the worker itself and the static host's header rules. */
const NOT_PRECACHED = new Set(['sw.js', '_headers']);

/** Every file under `dir`, as sorted `/`-separated paths relative to it. */
export function builtFiles(dir) {
  const out = [];
  const walk = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile() && !NOT_PRECACHED.has(rel)) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** The BUILD value of sw.js for `dir`: `{ cache, files: [{ path, integrity }] }`. */
export function describeBuild(dir) {
  const all = crypto.createHash('sha256');
  const files = builtFiles(dir).map((rel) => {
    const digest = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, rel))).digest();
    all.update(`${rel}\0${digest.toString('hex')}\n`);
    return { path: rel, integrity: `sha256-${digest.toString('base64')}` };
  });
  return { cache: `residence-checker-${all.digest('hex').slice(0, 16)}`, files };
}

/** Writes `dir/sw.js`; returns the BUILD it describes. */
export function writeServiceWorker(dir) {
  const build = describeBuild(dir);
  const template = fs.readFileSync(TEMPLATE, 'utf8');
  const placeholder = "const BUILD = { cache: 'residence-checker-dev', files: [] };";
  if (!template.includes(placeholder)) throw new Error(`${TEMPLATE} lacks the line ${placeholder}`);
  const source = template.replace(placeholder, () => `const BUILD = ${JSON.stringify(build, null, 1)};`);
  fs.writeFileSync(path.join(dir, 'sw.js'), source);
  return build;
}

// Program mode.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
  const build = writeServiceWorker(dir);
  console.log(`tools/sw.mjs: sw.js precaches ${build.files.length} files as ${build.cache}`);
}
