// What the first load transfers, and how big it is raw, gzipped and brotli-compressed.
//
// The first load is index.html plus every CSS, JS and wasm file it references: in attributes
// (`href`, `src`, and the boot script's `data-js` and `data-wasm`, the app it starts) and in
// string literals of inline scripts (Trunk's own loader imports the JS and passes the wasm path). The end-to-end budget test also checks that the browser requests
// nothing outside this set while loading.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const ASSET = /\.(?:css|js|mjs|wasm)$/i;

/** Local paths (relative to `dir`) that `index.html` references, index.html first. */
export function firstLoadFiles(dir) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const found = new Set(['index.html']);
  // Attribute values may be quoted or not (Trunk's release minifier drops the quotes).
  const refs = [
    ...[...html.matchAll(/\b(?:href|src|data-js|data-wasm)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    ),
    ...[...html.matchAll(/["'`]([^"'`\s]+\.(?:css|js|mjs|wasm))["'`]/gi)].map((m) => m[1]),
  ];
  for (const ref of refs) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) continue; // another origin or data:
    const rel = ref.split(/[?#]/)[0].replace(/^\.?\//, '');
    if (!rel) continue;
    const file = path.join(dir, rel);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) found.add(rel);
    else if (ASSET.test(rel)) throw new Error(`index.html references ${ref}, which is not in ${dir}`);
  }
  return [...found];
}

/** Brotli at maximum quality (what a good static host serves). */
export function brotli(buffer) {
  return zlib.brotliCompressSync(buffer, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length;
}

/** Gzip at level 9. */
export function gzip(buffer) {
  return zlib.gzipSync(buffer, { level: 9 }).length;
}

/** Sizes of each file and the totals: `{ files: [{ file, raw, gzip, brotli }], total }`. */
export function measure(dir, files = firstLoadFiles(dir)) {
  const rows = files.map((file) => {
    const buffer = fs.readFileSync(path.join(dir, file));
    return { file, raw: buffer.length, gzip: gzip(buffer), brotli: brotli(buffer) };
  });
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files: rows, total };
}

/** Kilobytes (1000 bytes, as the budget is written) with one decimal. */
export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** A Markdown table of `measure()` output. */
export function sizeTable({ files, total }) {
  const lines = ['| file | raw | gzip | brotli |', '|---|---:|---:|---:|'];
  for (const r of files) lines.push(`| \`${r.file}\` | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
  lines.push(`| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.brotli)}** |`);
  return lines.join('\n');
}
