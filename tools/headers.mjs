// Reads a `_headers` file (deploy/_headers; the format of Netlify and Cloudflare Pages) and
// says which headers a path gets, as those hosts do: every rule whose pattern matches applies
// (`*` matches anything, including `/`). Used by the end-to-end tests to serve the app with the
// deploy headers, and to check the header files against the built app.
import fs from 'node:fs';

/** `[{ pattern, headers: [[name, value]] }]` from the text of a `_headers` file. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon < 0) throw new Error(`_headers: a header line outside a rule or without ':': ${line}`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Reads and parses a `_headers` file. */
export function readHeaders(file) {
  return parseHeaders(fs.readFileSync(file, 'utf8'));
}

/** Whether a `_headers` pattern matches a URL path. */
export function matches(pattern, pathname) {
  const re = new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return re.test(pathname);
}

/** The headers `rules` give `pathname`: `{ name: value }`; a repeated header joins with ", ". */
export function headersFor(rules, pathname) {
  const out = {};
  for (const { pattern, headers } of rules) {
    if (!matches(pattern, pathname)) continue;
    for (const [name, value] of headers) out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}
