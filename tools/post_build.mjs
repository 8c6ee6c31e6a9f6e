// After every Trunk build (Trunk.toml's one `post_build` hook: Trunk starts the hooks of a stage
// all at once, so the steps that depend on each other are one program), on Trunk's staging
// folder ($TRUNK_STAGING_DIR), in this order:
//
// 1. minifies the wasm-bindgen glue and the boot script (tools/minify.mjs);
// 2. writes the pre-rendered start page into index.html and start/<lang>.html: the app's own
//    components rendered natively by yew's server renderer (`cargo run --bin prerender`,
//    src/bin/prerender.rs; offline, as the whole build is);
// 3. writes the service worker, which precaches every file as it now is (tools/sw.mjs), and
//    copies deploy/_headers next to it.
//
// By hand: `node tools/post_build.mjs [DIR]` (default dist/) on a build that has not been through
// it yet.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyBoot, minifyGlue } from './minify.mjs';
import { writeServiceWorker } from './sw.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEADERS = path.join(ROOT, 'deploy/_headers');

const dir = path.resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? path.join(ROOT, 'dist'));
if (!fs.existsSync(path.join(dir, 'index.html'))) {
  console.error(`tools/post_build.mjs: ${dir}/index.html is missing`);
  process.exit(1);
}

for (const line of await minifyGlue(dir)) console.log(`tools/minify.mjs: ${line}`);
console.log(`tools/minify.mjs: ${await minifyBoot(dir)}`);

const cargo = process.env.CARGO || 'cargo';
const prerender = spawnSync(cargo, ['run', '--quiet', '--offline', '--bin', 'prerender', '--', dir], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (prerender.status !== 0) {
  console.error(`tools/post_build.mjs: \`${cargo} run --bin prerender\` failed (${prerender.error ?? `status ${prerender.status}`})`);
  process.exit(1);
}

const build = writeServiceWorker(dir);
fs.copyFileSync(HEADERS, path.join(dir, '_headers'));
console.log(`tools/sw.mjs: sw.js precaches ${build.files.length} files as ${build.cache}; _headers copied`);
