// The residence card checker's service worker: the app keeps working offline.
//
// Generated after every build by tools/sw.mjs from tools/sw.template.js, which fills in BUILD
// (every built file with its SHA-256 integrity, and a cache name derived from all of them).
//
// - install: download every file of this build into a new cache. Each download is checked
//   against the build's integrity, so a cache never holds a mix of two deploys (a mismatch
//   fails the install, and the browser tries again on a later load).
// - activate: delete the caches of other builds of this app.
// - fetch: files of this build from the cache (cache-first); a page load (a navigation to the
//   app's own address, with any query such as ?embed or ?kiosk) gets the cached index.html;
//   everything else goes to the network.
// - updates: a new build installs in the background and waits; it takes over on the next load
//   after every tab of the old one is closed (no skipWaiting), so a page never mixes versions.
const BUILD = { cache: 'residence-checker-dev', files: [] };

const PREFIX = 'residence-checker-';
const scope = () => new URL(self.registration.scope);
const PRECACHED = new Set(BUILD.files.map(({ path }) => new URL(path, self.location).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(BUILD.cache)
      .then((cache) =>
        cache.addAll(BUILD.files.map(({ path, integrity }) => new Request(path, { cache: 'no-cache', integrity }))),
      ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const old = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== BUILD.cache);
      await Promise.all(old.map((name) => caches.delete(name)));
      // The very first install takes the page that registered it (loaded moments ago from this
      // build), so the rest of the visit already works offline. An update never takes pages.
      if (old.length === 0) await self.clients.claim();
    })(),
  );
});

/** The cached copy of `key` in this build's cache, or the network's answer to `request`. */
async function cacheFirst(key, request) {
  const cache = await caches.open(BUILD.cache);
  return (await cache.match(key, { ignoreVary: true })) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    const base = scope().pathname;
    if (url.pathname === base || url.pathname === base + 'index.html') {
      event.respondWith(cacheFirst(new URL('index.html', self.location).href, request));
    }
    return;
  }
  const key = url.origin + url.pathname;
  if (PRECACHED.has(key)) event.respondWith(cacheFirst(key, request));
});
