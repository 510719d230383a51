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
// - the UI formats numbers for the chart without `Number.prototype` (`fix1` below).
//
// Nothing here uses JSON. The frame needs no CSP exception: it has no URL (an initial about:blank
// document, which inherits this page's origin and policy).

/** `v` rounded to one decimal as text, by arithmetic only (no `Number.prototype.toFixed`). */
export function fix1(v) {
  const r = Math.round(v * 10) / 10;
  return `${r === 0 ? 0 : r}`;
}

/**
 * A fresh realm's window: an empty, hidden frame appended to the document. `done()` removes it
 * (after its fetch has finished: removing a frame cancels what it is loading). Null when no frame
 * can be made (e.g. no document).
 */
function freshRealm() {
  try {
    const f = document.createElement('iframe');
    f.hidden = true;
    f.setAttribute('aria-hidden', 'true');
    f.setAttribute('tabindex', '-1');
    f.setAttribute('width', '0');
    f.setAttribute('height', '0');
    f.setAttribute('title', 'yibao loader');
    document.documentElement.append(f);
    const win = f.contentWindow;
    if (!win || typeof win.fetch !== 'function' || !win.WebAssembly) {
      f.remove();
      return null;
    }
    return { win, done: () => f.remove() };
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
  const W = win.WebAssembly;
  const href = `${url}`;
  try {
    const get = () => win.fetch.call(win, href, { credentials: 'same-origin' });
    if (typeof W.compileStreaming === 'function') {
      try {
        return await W.compileStreaming(get());
      } catch {
        // e.g. served without application/wasm: compile from the bytes below
      }
    }
    const res = await get();
    if (!res.ok) throw new Error(`${href}: HTTP ${res.status}`);
    return await W.compile(await res.arrayBuffer());
  } finally {
    if (realm) realm.done();
  }
}

/** A deep copy of `v` in which every plain object has no prototype; arrays stay arrays. */
export function bare(v, depth = 0) {
  if (v === null || typeof v !== 'object' || depth > 64) return v;
  if (Array.isArray(v)) {
    const out = [];
    for (let i = 0; i < v.length; i += 1) out[i] = bare(v[i], depth + 1);
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  const out = Object.create(null);
  for (const k of Object.keys(v)) out[k] = bare(v[k], depth + 1);
  return out;
}

/**
 * The engine's API with each exported function wrapped: its argument and its answer go through
 * `bare`. Other exports (the init function, classes) are passed through unchanged.
 */
export function guardApi(api) {
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
