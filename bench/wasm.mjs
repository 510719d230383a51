// WASM benchmarks in Node (issue 4): the operations of benches/engine.rs through the JS API of the
// built package (pkg/, what the page loads), in µs per call including the JS↔WASM crossing
// (serde-wasm-bindgen turning JS objects into Rust values and the result back into JS objects).
//
//   node bench/wasm.mjs [--quick] [--json FILE]
// Targets (reported, not asserted; issue 11): claimFigures ≈ 2 µs (200× faster than Publicodes),
// a fully explained claim ≤ 20 µs, yearFigures for 20 claims ≤ 30 µs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, loadWasm, premiumRequest, claimRequest, yearRequest, measure, fmt, table, saveJson, quick } from './lib.mjs';

const api = await loadWasm();
const opts = quick ? { warmupMs: 100, timeMs: 400 } : { warmupMs: 300, timeMs: 1500 };

// Sanity: the figures of the hand-checked scenario before timing anything.
const ref = api.claim(claimRequest());
if (ref.hifp_pay !== '24700.00' || ref.psn_part_amt !== '25300.00') {
  console.error(`reference claim gave ${ref.hifp_pay} / ${ref.psn_part_amt}, expected 24700.00 / 25300.00`);
  process.exit(1);
}

// (a package built before claimFigures/yearFigures existed skips those cases)
const hasFigures = typeof api.claimFigures === 'function';
const figs = hasFigures ? api.claimFigures(claimRequest()) : { hifp_pay: '24700.00', psn_part_amt: '25300.00' };
if (figs.hifp_pay !== '24700.00' || figs.psn_part_amt !== '25300.00') {
  console.error(`claimFigures gave ${figs.hifp_pay} / ${figs.psn_part_amt}, expected 24700.00 / 25300.00`);
  process.exit(1);
}

const prem = premiumRequest();
const claim = claimRequest();
const year = yearRequest();

const cases = [
  ['premium', () => api.premium(prem), null],
  ...(hasFigures
    ? [
        ['claimFigures (figures only, assumed values)', () => api.claimFigures(claim), 2],
        ['yearFigures (20 claims, figures only)', () => api.yearFigures(year), 30],
      ]
    : []),
  ['claim (inpatient, reference)', () => api.claim(claim), 20],
  ['year (20 claims)', () => api.year(year), null],
  ['claim, no explanation (explain: false)', () => api.claim({ ...claim, explain: false }), null],
  ['year (20 claims), no explanation', () => api.year({ ...year, explain: false }), null],
  ['curve (41 bill sizes, for the chart)', () => api.curve({ person: claim.person, paid_on: claim.paid_on, claim: claim.claim, totals: Array.from({ length: 41 }, (_, i) => String(i * 2500)) }), null],
  ['compare (all levels)', () => api.compare(claim), null],
  ['catalogue', () => api.catalogue(), null],
];

// Cold start: a fresh instance of the module (already compiled, as a page's streaming compile
// would leave it); the first call builds the engine from the embedded policies (Engine::builtin:
// in pkg/ reading policies/builtin.snapshot, in pkg/full parsing and validating every TOML file),
// so first call − warm call ≈ loading all policies.
const dir = resolve(process.env.YIBAO_PKG || resolve(ROOT, 'pkg'));
const compiled = new WebAssembly.Module(readFileSync(resolve(dir, 'yibao_bg.wasm')));
const cold = { instantiate: [], first: [], second: [] };
for (let i = 0; i < (quick ? 5 : 20); i++) {
  const m = await import(`${pathToFileURL(resolve(dir, 'yibao.js')).href}?cold=${i}`);
  let t = performance.now();
  m.initSync({ module: compiled });
  cold.instantiate.push((performance.now() - t) * 1e3);
  t = performance.now();
  m.claim(claim);
  cold.first.push((performance.now() - t) * 1e3);
  t = performance.now();
  m.claim(claim);
  cold.second.push((performance.now() - t) * 1e3);
}
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const load = med(cold.first.map((f, i) => f - cold.second[i]));

const results = [];
for (const [name, fn, target] of cases) {
  const r = measure(fn, opts);
  results.push({ name, ...r, target_us: target });
}

console.log(`WASM through the JS API (Node ${process.version}), µs per call`);
console.log(
  table(
    results.map((r) => ({
      operation: r.name,
      median: fmt(r.median),
      p90: fmt(r.p90),
      min: fmt(r.min),
      calls: r.calls,
      target: r.target_us ? `≤ ${r.target_us} µs ${r.median <= r.target_us ? 'met' : 'MISSED'}` : '',
    })),
    ['operation', 'median', 'p90', 'min', 'calls', 'target'],
  ),
);
console.log(
  `cold start (fresh instance, median of ${cold.first.length}): instantiate ${fmt(med(cold.instantiate))}; ` +
    `first claim ${fmt(med(cold.first))} ⇒ loading the built-in policies ≈ ${fmt(load)}`,
);
saveJson('wasm', {
  node: process.version,
  results,
  cold: { instantiate_us: med(cold.instantiate), first_call_us: med(cold.first), load_policies_us: load },
});
