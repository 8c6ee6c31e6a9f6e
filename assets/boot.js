// Starts the app. Trunk writes the hashed names of the wasm-bindgen module and its wasm into
// this script's data attributes (Trunk.toml `pattern_script`), so this file never changes and
// the Content-Security-Policy needs neither 'unsafe-inline' nor a hash (docs/deploying.md).
const { js, wasm } = document.querySelector('script[data-wasm]').dataset;
const { default: init } = await import(js);
await init({ module_or_path: wasm });
