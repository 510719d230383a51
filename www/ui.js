// 医保测算 — the calculator UI shared by the page (index.html, embed.html) and the
// <yibao-calculator> widget. Everything is computed in the browser by the wasm engine; nothing is
// sent anywhere. No innerHTML with data: every node is built with the DOM API, so a loaded policy
// file cannot inject markup. Money arrives as decimal strings and is formatted as strings.
//
// This module is the entry: it knows where the engine and the lazily loaded modules are (URLs
// relative to this file) and mounts the calculator, whose parts live in calc/ (ARCHITECTURE.md,
// code map). What other modules import from the UI is exported here.

import init, * as figures from './pkg/figures/yibao.js';
import CATALOGUE from './catalogue.js';
import { compileWasm, fetchBytes, guardApi, onFetched } from './extras.js';
import { Calculator } from './calc/shell.js';
import { h, replace, sheetFor } from './calc/dom.js';
import { percent, yuan } from './calc/format.js';
import { encodeState } from './calc/state.js';
import { explainUnavailable, packRegistry, schemesOf, unavailable } from './packs.js';

export { add, h, replace, sheetFor } from './calc/dom.js';
export { isZero, percent, yuan } from './calc/format.js';
export { I18n } from './calc/i18n.js';
export { decodeState, encodeState } from './calc/state.js';
export { compileWasm, guardApi };
export { regionsOf, schemesOf } from './packs.js';

let engineReady = null;
let explainReady = null;
let fullReady = null;
let layersReady = null;
let seasonReady = null;

/**
 * Loads the widget's engine once (pkg/figures/: figures, ranges and notices, no wording of the
 * steps) and returns its API, guarded against what a host page may have patched (extras.js:
 * fetched with a fresh realm's fetch, requests and answers copied bare).
 */
export function loadEngine() {
  if (!engineReady) {
    engineReady = init({ module_or_path: compileWasm(new URL('./pkg/figures/yibao_bg.wasm', import.meta.url)) }).then(() => guardApi(figures));
  }
  return engineReady;
}

/** Each scheme's pack (packs/<id>.<hash>.pack beside this file), loaded into the engine. */
const packs = packRegistry(loadEngine, (file) => new URL(`packs/${file}`, import.meta.url));

/**
 * A portal's own pack (the widget's `policy-pack` attribute: a URL, or the bytes as a Uint8Array)
 * loaded into the engine; resolves to its scheme id. A file named `<id>.<hash>.pack` (as
 * `yibao pack` and the editor write it) is checked against that hash.
 */
function portalPack(source) {
  return async () => {
    let bytes = source;
    let hash = null;
    if (typeof source === 'string') {
      const url = new URL(source, document.baseURI);
      hash = (url.pathname.match(/\.([0-9a-f]{12})\.pack$/) || [])[1] || null;
      bytes = await fetchBytes(url).catch((e) => {
        throw unavailable(e);
      });
    }
    return (await packs.own(bytes, hash)).scheme;
  };
}

/** A wasm file's URL in `dir`: a parameter, so scripts/size-check.mjs (which follows literal
 * `new URL('…', import.meta.url)`) does not count the full module as loaded eagerly. */
const wasmIn = (dir) => new URL(`${dir}/yibao_bg.wasm`, import.meta.url);

/**
 * The explaining module (pkg/): the same engine with the wording of every step, fetched when the
 * resident first opens the steps (or copies or prints an answer), and handed the packs the page
 * has loaded so far (the calculator asks it again after loading another).
 */
function loadExplain() {
  if (!explainReady) {
    explainReady = import('./pkg/yibao.js')
      .then(async (m) => {
        await m.default({ module_or_path: compileWasm(wasmIn('pkg')) });
        return guardApi(m);
      })
      .catch((e) => {
        throw explainUnavailable(e);
      });
    explainReady.catch(() => {
      explainReady = null;
    });
  }
  return explainReady.then((api) => packs.into(api));
}

/**
 * The full module (pkg/full/), which can also read policy files (loadPolicy): loaded only when
 * someone loads a file, so the widget does not download the TOML parser and validation otherwise.
 */
export function loadFullEngine() {
  if (!fullReady) {
    fullReady = import('./pkg/full/yibao.js').then(async (full) => {
      await full.default({ module_or_path: compileWasm(wasmIn('pkg/full')) });
      return guardApi(full);
    });
    fullReady.catch(() => {
      fullReady = null;
    });
  }
  return fullReady;
}

/** Resolves once the next frame has been painted (at once in a hidden tab, which paints none). */
function afterPaint() {
  return new Promise((ok) => {
    if (document.visibilityState === 'hidden') ok();
    else requestAnimationFrame(() => setTimeout(ok, 0));
  });
}

/**
 * layers.js (the 大病保险 / 医疗救助 bar and the enrolment panel): fetched when the first result
 * asks for it, its slots filled only once that result is painted (the enrolment panel asks the
 * engine and builds a form: work the first frame need not wait for).
 */
function loadLayers() {
  if (!layersReady) {
    layersReady = Promise.all([import('./layers.js'), afterPaint()]).then(([m]) => {
      m.use({ h, yuan });
      return m;
    });
    layersReady.catch(() => {
      layersReady = null;
    });
  }
  return layersReady;
}

/** calc/season.js (household, 与上年相比, when to pay; issue 18), imported when a result asks for it. */
function loadSeason() {
  if (!seasonReady) {
    seasonReady = import('./calc/season.js').then((m) => {
      m.use({ h, replace, sheetFor, encodeState, yuan, percent });
      return m;
    });
    seasonReady.catch(() => {
      seasonReady = null;
    });
  }
  return seasonReady;
}

/**
 * Works offline after a first visit (the page and the iframe; a widget in a portal's page is the
 * portal's to cache): registers the service worker at `swUrl` (sw.js, scripts/sw.mjs) and, once
 * it runs, names it the packs and modules this visit fetched before it controlled the page.
 */
export function offline(swUrl) {
  const sw = globalThis.navigator && navigator.serviceWorker;
  if (!sw || !globalThis.isSecureContext) return Promise.resolve(null);
  return sw
    .register(swUrl)
    .then(() => sw.ready)
    .then((reg) => {
      // what the engine and the packs fetched (through a fresh realm, which the worker does not see)
      onFetched((urls) => (sw.controller || reg.active)?.postMessage({ type: 'yibao:cache', urls }));
      return reg;
    })
    .catch(() => null);
}

/**
 * Mounts the calculator into `root` (an element or a shadow root).
 * options: { lang, preset: {scheme, region, category, ...}, headingLevel, syncFragment, onChange,
 *            policyPack: a portal's own pack, its URL or its bytes (Uint8Array): the only scheme }
 */
export async function mountCalculator(root, options = {}) {
  const own = options.policyPack;
  const calc = new Calculator(root, options, {
    engine: loadEngine,
    full: loadFullEngine,
    layers: loadLayers,
    explain: loadExplain,
    schemes: () => (own ? [] : schemesOf(CATALOGUE)),
    pack: (scheme) => packs.load(scheme),
    portal: own ? portalPack(own) : null,
    season: loadSeason,
  });
  await calc.start();
  return calc;
}
