// A tiny static file server for the built app (dist/), on loopback only.
//
// As a module: `const server = await startServer({ dir }); … server.url … await server.close();`
// (a random free port unless `port` is given; `headers(pathname)` may add or replace response
// headers, e.g. the deploy headers). As a program (used by `cargo xtask serve`):
// `node tests/e2e/lib/serve.mjs --dir dist --port 8080`.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = path.join(ROOT, 'dist');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The MIME type for a file name. */
export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Maps a URL path to a file inside `dir`, or null if it escapes `dir`. */
function resolve(dir, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = path.normalize(path.join(dir, decoded.endsWith('/') ? decoded + 'index.html' : decoded));
  return file === dir || file.startsWith(dir + path.sep) ? file : null;
}

const COMPRESSIBLE = /\.(?:html|css|js|mjs|wasm|json|svg|txt|webmanifest)$/i;

/** Compressed bodies, by file, modification time and encoding (brotli at quality 11 is slow). */
const cache = new Map();

/** The body to send for `accept` (an Accept-Encoding header): brotli, gzip or as is. */
async function encode(file, accept = '') {
  const stat = await fs.stat(file);
  if (!stat.isFile()) throw new Error('not a file');
  const encoding = !COMPRESSIBLE.test(file) ? null : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  const key = `${file}\0${stat.mtimeMs}\0${encoding}`;
  if (!cache.has(key)) {
    const raw = await fs.readFile(file);
    const q = { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY };
    const body =
      encoding === 'br' ? zlib.brotliCompressSync(raw, { params: q }) : encoding === 'gzip' ? zlib.gzipSync(raw, { level: 9 }) : raw;
    cache.set(key, body);
  }
  return { body: cache.get(key), encoding };
}

/**
 * Starts serving `dir` on `host:port` (port 0 = a free one). Text and wasm files are sent
 * compressed (brotli or gzip, whichever the browser accepts), as a real static host would.
 */
export async function startServer({ dir = DIST, host = '127.0.0.1', port = 0, headers = () => ({}) } = {}) {
  const root = path.resolve(dir);
  await fs.access(path.join(root, 'index.html')).catch(() => {
    throw new Error(`${root}/index.html is missing: build the app first (cargo xtask test wasm)`);
  });
  const server = http.createServer(async (req, res) => {
    const file = resolve(root, req.url ?? '/');
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(file ? 405 : 400).end();
      return;
    }
    try {
      const { body, encoding } = await encode(file, req.headers['accept-encoding']);
      res.writeHead(200, {
        'Content-Type': mimeType(file),
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
        ...headers(new URL(req.url ?? '/', 'http://host').pathname),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const { port: actual } = server.address();
  return {
    url: `http://${host}:${actual}/`,
    origin: `http://${host}:${actual}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

// Program mode.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
  };
  const dir = path.resolve(ROOT, arg('--dir', 'dist'));
  const server = await startServer({ dir, port: Number(arg('--port', '8080')) });
  console.log(`Serving ${path.relative(ROOT, dir) || '.'}/ at ${server.url}`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
