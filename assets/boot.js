// The boot script: a classic script at the end of <body> (Trunk.toml `pattern_script`; no inline
// script, so the Content-Security-Policy needs no 'unsafe-inline'), asked for in <head> with a
// preload. It runs once the page has been read and the styles are in; until then the styles show
// only what a browser without JavaScript shows (the <noscript> message, itself hidden when
// JavaScript runs), so nothing of the start page is painted before the right one is picked. It
//
// 1. marks <html> for the styles: `js` (the pre-rendered start page shows; style/main.css), and
//    ?embed, ?look=contrast, ?kiosk;
// 2. picks the start page to show: the language (?lang=, else the first of the browser's
//    languages the checker speaks, by the table of tags the build writes into the page from
//    text::Lang::TAGS) and the visit (a kiosk, answers kept on this device, or nothing kept).
//    English's page for a first visit is the HTML itself, for a return visit a template in it;
//    any other is hidden (`pending`) until it is in place, fetched (start/<lang>.html, from the
//    service worker's cache after the first visit), so that no reader sees English first. An
//    address that opens another page (a reload mid-journey, a hand-off link) shows nothing until
//    the app does. The build writes the pages from the app's components (src/bin/prerender.rs);
// 3. keeps the pre-rendered page usable until the app runs: the language switch works, and the
//    first press of any other button (Start, Continue from a saved summary) is kept;
// 4. starts the app once the start page has been painted (the hashed names are in its data
//    attributes), and swaps the app's <body> in when the app offers it
//    (residenceCheckerTakeOver, called by src/platform/page.rs after each render) showing the
//    same page in the same language: one DOM operation, so nothing moves on screen. Then it puts
//    the focus on the same element, says so with a `residence-checker:takeover` event on the
//    document, and replays the kept press;
// 5. posts the page's height to ?host (embedding, docs/embedding.md) and registers sw.js.
(() => {
  const html = document.documentElement;
  const { js, wasm } = document.currentScript.dataset;
  const query = new URLSearchParams(location.search);
  const kiosk = query.has('kiosk');
  for (const [name, on] of [
    ['js', true],
    ['embed', query.has('embed')],
    ['look-contrast', query.get('look') === 'contrast'],
    ['kiosk', kiosk],
  ]) {
    if (on) html.classList.add(name);
  }

  // The language: the address's, else the browser's first that the checker speaks.
  const meta = document.querySelector('meta[name="residence-checker:languages"]');
  const table = new Map((meta?.content || 'en=en').split(' ').map((pair) => pair.split('=')));
  const codes = new Set(table.values());
  const byTag = (tag) => table.get(String(tag).split(/[-_]/)[0].toLowerCase());
  const asked = query.get('lang');
  const first =
    (codes.has(asked) && asked) || [...(navigator.languages || []), navigator.language].map(byTag).find(Boolean) || 'en';

  // The visit: a kiosk keeps nothing; answers kept on this device (src/ui/store.rs) make the
  // start page say so and offer to forget them.
  let kept = false;
  try {
    kept = !kiosk && localStorage.getItem('residence-checker.answers') !== null;
  } catch {
    // Storage refused (a sandboxed frame, privacy settings): nothing is kept.
  }
  const visit = kiosk ? 'kiosk' : kept ? 'returning' : 'fresh';
  const fragment = location.hash.replace(/^#/, '');
  const elsewhere = fragment !== '' && fragment !== 'start';

  const pages = new Map(); // language → its fetched start page (a promise of a document)
  const own = { dir: html.dir, title: document.title }; // index.html's, English
  let wanted = first; // the language to show
  let current = 'en'; // the language of the page in <body> (index.html's is English)
  let parsed = false; // the <body> has been read
  let press = -1; // the index (among the page's buttons) of the button pressed first
  let app = null; // what the app offered last: { body, lang, settled }
  let asking = null; // the language the app has been asked to switch to
  let taken = false;

  const pending = (on) => html.classList.toggle('pending', on);
  /** Settles in the task after the first frame that shows the page (or that nothing will). */
  let show;
  const shown = new Promise((resolve) => {
    show = () => requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 3000); // a start page that does not come: the app shows its own
  });

  /** The start pages of `code` (every visit), as a document fetched once, or this one. */
  function page(code) {
    if (code === 'en' && document.querySelector(`template[data-visit="${visit}"]`)) return Promise.resolve(document);
    if (!pages.has(code)) {
      const fetched = fetch(`start/${code}.html`)
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`start/${code}.html: HTTP ${r.status}`))))
        .then((text) => new DOMParser().parseFromString(text, 'text/html'));
      fetched.catch(() => pages.delete(code));
      pages.set(code, fetched);
    }
    return pages.get(code);
  }

  /** Shows the start page of `code` (hidden until it is in place), then offers to take over. */
  function choose(code) {
    wanted = html.lang = code;
    pending(true);
    page(code).then(
      (doc) => {
        if (taken || wanted !== code) return;
        const template = doc.querySelector(`template[data-visit="${visit}"]`);
        const body = document.body;
        for (const node of [...body.childNodes]) {
          if (!/^(TEMPLATE|NOSCRIPT|SCRIPT)$/.test(node.nodeName)) node.remove();
        }
        if (template) body.prepend(document.importNode(template.content, true));
        html.lang = current = code;
        html.dir = doc === document ? own.dir : doc.documentElement.dir;
        document.title = doc === document ? own.title : doc.title;
        if (!elsewhere) pending(false);
        show();
        offer();
      },
      // Not to be had (offline before the first visit ended): the page as it is, in its language.
      () => {
        if (wanted !== code) return;
        wanted = html.lang = current;
        if (!elsewhere) pending(false);
        show();
        offer();
      },
    );
  }

  /** The app's body in place of the pre-rendered one, if the app shows the same. */
  function offer() {
    if (taken || !app || !parsed) return taken;
    const same = app.settled && app.lang === wanted;
    if (!same && !elsewhere) {
      // Chosen here after the app had started: the app switches, then offers again.
      if (app.settled && asking !== wanted) {
        asking = wanted;
        app.body.querySelector(`.lang-switch button[lang="${wanted}"]`)?.click();
      }
      return false;
    }
    const previous = document.body;
    const active = document.activeElement;
    const focus = active && active !== previous && previous.contains(active) ? [...previous.querySelectorAll('*')].indexOf(active) : -1;
    document.body = app.body;
    taken = true;
    html.classList.remove('pending', 'waiting');
    if (focus >= 0) app.body.querySelectorAll('*')[focus]?.focus({ preventScroll: true });
    document.dispatchEvent(new CustomEvent('residence-checker:takeover', { detail: { previous } }));
    if (press >= 0) app.body.querySelectorAll('button')[press]?.click();
    return true;
  }

  globalThis.residenceCheckerTakeOver = (body, lang, settled) => {
    app = { body, lang, settled };
    return offer();
  };

  html.lang = first;
  pending(elsewhere || first !== 'en' || visit !== 'fresh');
  // At the end of <body> (index.html), the page has been read when this runs.
  const read = () => {
    if (parsed || (document.readyState === 'loading' && document.currentScript?.parentNode !== document.body)) return;
    parsed = true;
    if (elsewhere) show();
    else if (wanted !== 'en' || visit !== 'fresh') choose(wanted);
    else {
      pending(false);
      show();
    }
    offer();
  };
  read();
  document.addEventListener('readystatechange', read);

  document.addEventListener(
    'click',
    (event) => {
      const button = taken ? null : event.target.closest?.('button');
      if (!button || !document.body.contains(button)) return;
      const code = button.closest('.lang-switch') && button.getAttribute('lang');
      if (code) {
        if (code !== wanted) choose(code);
      } else if (press < 0) {
        press = [...document.body.querySelectorAll('button')].indexOf(button);
        html.classList.add('waiting');
      }
    },
    true,
  );

  // The app: its glue and its wasm, fetched side by side (index.html has no preloads for them)
  // once the start page has been painted, so that neither asking for them nor compiling the
  // wasm (at once on a return visit, from the service worker's cache) holds the page back.
  shown
    .then(() => {
      const module = fetch(wasm);
      return import(js).then(({ default: init }) => init({ module_or_path: module }));
    })
    .catch((error) => console.error('the checker could not start', error));

  const host = query.has('embed') && origin(query.get('host'));
  if (host && parent !== window) {
    // While the next page is on its way (a loading line, or <main aria-busy>), the frame keeps
    // the height it has: the host page does not jump down and up again between two pages.
    let last = -1;
    const post = () => {
      if (document.querySelector('main[aria-busy="true"], main .loading')) return;
      const height = html.offsetHeight;
      if (height !== last) parent.postMessage({ type: 'residence-checker:height', height: (last = height) }, host);
    };
    new ResizeObserver(post).observe(html);
    new MutationObserver(post).observe(html, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy', 'class'] });
  }

  function origin(value) {
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) ? url.origin : null;
    } catch {
      return null;
    }
  }

  if (/^https?:$/.test(location.protocol) && 'serviceWorker' in navigator) {
    const register = () => navigator.serviceWorker.register('sw.js').catch(() => {});
    if (document.readyState === 'complete') register();
    else addEventListener('load', register, { once: true });
  }
})();
