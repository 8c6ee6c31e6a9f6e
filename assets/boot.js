// Starts the app (hashed names from Trunk.toml `pattern_script`), sets the ?embed / ?look
// classes, posts the height to ?host, registers sw.js. Why and how: docs/embedding.md.
const html = document.documentElement;
const query = new URLSearchParams(location.search);
const embed = query.has('embed');
if (embed) html.classList.add('embed');
if (query.get('look') === 'contrast') html.classList.add('look-contrast');

const host = embed && origin(query.get('host'));
if (host && parent !== window) {
  let last = -1;
  new ResizeObserver(() => {
    const height = html.offsetHeight;
    if (height !== last) parent.postMessage({ type: 'residence-checker:height', height: (last = height) }, host);
  }).observe(html);
}

function origin(value) {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

const { js, wasm } = document.querySelector('script[data-wasm]').dataset;
const { default: init } = await import(js);
await init({ module_or_path: wasm });

if (/^https?:$/.test(location.protocol) && 'serviceWorker' in navigator) {
  const register = () => navigator.serviceWorker.register('sw.js').catch(() => {});
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
