// 医保测算 — the calculator UI shared by the page (index.html, embed.html) and the
// <yibao-calculator> widget. Everything is computed in the browser by the wasm engine; nothing is
// sent anywhere. No innerHTML with data: every node is built with the DOM API, so a loaded policy
// file cannot inject markup. Money arrives as decimal strings and is formatted as strings.
//
// This module is the entry: it knows where the engine and the lazily loaded modules are (URLs
// relative to this file) and mounts the calculator, whose parts live in calc/ (ARCHITECTURE.md,
// code map). What other modules import from the UI is exported here.

import init, * as api from './pkg/yibao.js';
import { compileWasm, guardApi } from './extras.js';
import { Calculator } from './calc/shell.js';

export { add, h, replace, sheetFor } from './calc/dom.js';
export { isZero, percent, yuan } from './calc/format.js';
export { I18n } from './calc/i18n.js';
export { decodeState, encodeState } from './calc/state.js';
export { compileWasm, guardApi };

let engineReady = null;
let fullReady = null;
let layersReady = null;
let seasonReady = null;

/**
 * Loads the wasm module once and returns the API, guarded against what a host page may have
 * patched (extras.js: fetched with a fresh realm's fetch, requests and answers copied bare).
 */
export function loadEngine() {
  if (!engineReady) {
    engineReady = init({ module_or_path: compileWasm(new URL('./pkg/yibao_bg.wasm', import.meta.url)) }).then(() => guardApi(api));
  }
  return engineReady;
}

/** A wasm file's URL in `dir`: a parameter, so scripts/size-check.mjs (which follows literal
 * `new URL('…', import.meta.url)`) does not count the full module as loaded eagerly. */
const wasmIn = (dir) => new URL(`${dir}/yibao_bg.wasm`, import.meta.url);

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
    layersReady = Promise.all([import('./layers.js'), afterPaint()]).then(([m]) => m);
    layersReady.catch(() => {
      layersReady = null;
    });
  }
  return layersReady;
}

/** calc/season.js (household, 与上年相比, when to pay; issue 18), imported when a result asks for it. */
function loadSeason() {
  if (!seasonReady) {
    seasonReady = import('./calc/season.js');
    seasonReady.catch(() => {
      seasonReady = null;
    });
  }
  return seasonReady;
}

/**
 * Mounts the calculator into `root` (an element or a shadow root).
 * options: { lang, preset: {scheme, region, category, ...}, headingLevel, syncFragment, onChange }
 */
export async function mountCalculator(root, options = {}) {
  const calc = new Calculator(root, options, {
    engine: loadEngine,
    full: loadFullEngine,
    layers: loadLayers,
    season: loadSeason,
  });
  await calc.start();
  return calc;
}
