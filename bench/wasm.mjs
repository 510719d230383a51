// WASM benchmarks in Node (issue 4): the operations of benches/engine.rs through the JS API of the
// built packages, in µs per call including the JS↔WASM crossing (requests read field by field or
// as one flattened string, answers back as one JSON string): pkg/figures/ (what the widget loads
// first: figures, ranges and notices) and pkg/ (the explaining module, fetched when steps are
// opened), both handed the built-in packs.
//
//   node bench/wasm.mjs [--quick] [--json FILE]
// Targets (reported, not asserted): claimFigures ≈ 2 µs (issue 11); the explained claim's figures
// part (the first answer: `claim` with explain: false in pkg/figures) ≤ 20 µs, its steps when
// rendered (`claim` explained, in pkg/) ≤ 100 µs (issue 17); yearFigures for 20 claims ≤ 30 µs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, loadWasm, packs, premiumRequest, claimRequest, yearRequest, measure, fmt, table, saveJson, quick } from './lib.mjs';

const api = await loadWasm('pkg/figures');
const explaining = await loadWasm('pkg');
const opts = quick ? { warmupMs: 100, timeMs: 400 } : { warmupMs: 300, timeMs: 1500 };

// Sanity: the figures of the hand-checked scenario before timing anything.
const ref = explaining.claim(claimRequest());
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
  ['claim: the figures part (explain: false; the first answer)', () => api.claim({ ...claim, explain: false }), 20],
  ['claim explained (pkg/: figures and steps, when opened)', () => explaining.claim(claim), 100],
  ['year (20 claims), explained (pkg/)', () => explaining.year(year), null],
  ['year (20 claims), no explanation', () => api.year({ ...year, explain: false }), null],
  ['curve (41 bill sizes, for the chart)', () => api.curve({ person: claim.person, paid_on: claim.paid_on, claim: claim.claim, totals: Array.from({ length: 41 }, (_, i) => String(i * 2500)) }), null],
  ['compare (all levels)', () => api.compare({ ...claim, explain: false }), null],
  ['catalogue', () => api.catalogue(), null],
];

// Cold start: a fresh instance of the widget's module (already compiled, as a page's streaming
// compile would leave it), then each built-in pack read into it (Engine::add_pack: checksum,
// reading, the settled forms), then the first claim against the second.
const dir = resolve(process.env.YIBAO_PKG || resolve(ROOT, 'pkg/figures'));
const compiled = new WebAssembly.Module(readFileSync(resolve(dir, 'yibao_bg.wasm')));
const all = packs();
const cold = { instantiate: [], packs: Object.fromEntries(all.map((p) => [p.id, []])), first: [], second: [] };
for (let i = 0; i < (quick ? 5 : 20); i++) {
  const m = await import(`${pathToFileURL(resolve(dir, 'yibao.js')).href}?cold=${i}`);
  let t = performance.now();
  m.initSync({ module: compiled });
  cold.instantiate.push((performance.now() - t) * 1e3);
  for (const p of all) {
    t = performance.now();
    m.loadPack(p.bytes, p.hash);
    cold.packs[p.id].push((performance.now() - t) * 1e3);
  }
  const lean = { ...claim, explain: false };
  t = performance.now();
  m.claim(lean);
  cold.first.push((performance.now() - t) * 1e3);
  t = performance.now();
  m.claim(lean);
  cold.second.push((performance.now() - t) * 1e3);
}
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const packUs = Object.fromEntries(Object.entries(cold.packs).map(([k, v]) => [k, med(v)]));

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
    `reading each pack: ${Object.entries(packUs).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}; ` +
    `first claim ${fmt(med(cold.first))} (then ${fmt(med(cold.second))})`,
);
saveJson('wasm', {
  node: process.version,
  results,
  cold: { instantiate_us: med(cold.instantiate), pack_us: packUs, first_call_us: med(cold.first), second_call_us: med(cold.second) },
});
