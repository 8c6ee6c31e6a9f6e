// Minifies the JavaScript glue that wasm-bindgen writes (the app's `app-<hash>.js` and the
// report worker's `report_worker.js`) and updates the integrity hashes index.html gives them;
// and the boot script (`boot.js`, copied as written: assets/boot.js stays readable).
//
// Trunk minifies HTML and CSS but leaves wasm-bindgen's glue as written (46 KB for the app);
// terser (tools/package.json) makes it 20 KB, about 1.6 KB less brotli in the first load. Only
// local names are mangled: the glue's import and export names, which the WebAssembly module
// refers to, and a classic script's globals are kept. Run by tools/post_build.mjs before the
// service worker lists the files, so sw.js precaches the minified files. By hand:
// `node tools/minify.mjs [DIR]`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The glue files of a build: wasm-bindgen's JavaScript next to each `.wasm`. */
function glueFiles(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js') && fs.existsSync(path.join(dir, f.replace(/\.js$/, '_bg.wasm'))));
}

const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

/** Minifies the glue in `dir` and rewrites its integrity in `dir/index.html`; returns the names. */
export async function minifyGlue(dir) {
  const indexPath = path.join(dir, 'index.html');
  let index = fs.readFileSync(indexPath, 'utf8');
  const done = [];
  for (const name of glueFiles(dir)) {
    const file = path.join(dir, name);
    const before = fs.readFileSync(file);
    const source = before.toString('utf8');
    // The app's glue is an ES module; the worker's is a classic script whose top-level
    // `wasm_bindgen` the loader calls, so its top level is left as it is.
    const result = await minify(source, {
      module: /^export /m.test(source),
      compress: { passes: 2 },
      mangle: true,
      format: { comments: false },
    });
    if (typeof result.code !== 'string') throw new Error(`terser gave no code for ${name}`);
    const after = Buffer.from(result.code);
    fs.writeFileSync(file, after);
    index = index.split(sri(before)).join(sri(after));
    done.push(`${name} ${before.length} → ${after.length} bytes`);
  }
  fs.writeFileSync(indexPath, index);
  return done;
}

/** Minifies `dir/boot.js` (a classic script: its one global is assigned, not declared). */
export async function minifyBoot(dir) {
  const file = path.join(dir, 'boot.js');
  const before = fs.readFileSync(file, 'utf8');
  const result = await minify(before, { compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (typeof result.code !== 'string') throw new Error('terser gave no code for boot.js');
  fs.writeFileSync(file, result.code);
  return `boot.js ${Buffer.byteLength(before)} → ${Buffer.byteLength(result.code)} bytes`;
}

// Program mode.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? path.join(ROOT, 'dist'));
  for (const line of await minifyGlue(dir)) console.log(`tools/minify.mjs: ${line}`);
  console.log(`tools/minify.mjs: ${await minifyBoot(dir)}`);
}
