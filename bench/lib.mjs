// Shared pieces of the Node benchmarks: loading the built web package, the requests (the same as
// benches/engine.rs), a timing harness and result output.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Loads a package `./build.sh` builds (wasm-bindgen --target web, after wasm-opt) into Node with
 * `initSync`, so the benchmark measures the very module the page ships, and hands it every
 * built-in policy pack (dist/packs/, as dist/catalogue.js names them), as the page does for the
 * schemes it shows. `dir`: `pkg/figures` (what the widget loads first), `pkg` (the explaining
 * module) or `pkg/full`, which reads the TOML files itself; YIBAO_PKG=dir overrides it.
 */
export async function loadWasm(dir = 'pkg/figures') {
  const at = resolve(process.env.YIBAO_PKG || resolve(ROOT, dir));
  const js = resolve(at, 'yibao.js');
  const wasm = resolve(at, 'yibao_bg.wasm');
  let mod;
  try {
    mod = await import(pathToFileURL(js).href);
  } catch (e) {
    throw new Error(`cannot load ${js} (run ./build.sh first): ${e.message}`);
  }
  mod.initSync({ module: readFileSync(wasm) });
  if (typeof mod.loadPack === 'function') for (const p of packs()) mod.loadPack(p.bytes, p.hash);
  return mod;
}

/** The built-in packs: { id, hash, bytes } from dist/ (./build.sh writes them). */
export function packs() {
  return CATALOGUE.map((r) => ({ id: r[0], hash: r[6], bytes: readFileSync(resolve(ROOT, 'dist', 'packs', `${r[0]}.${r[6]}.pack`)) }));
}

const CATALOGUE = (await import(pathToFileURL(resolve(ROOT, 'dist', 'catalogue.js')).href).catch(() => ({ default: [] }))).default;

// ---------------------------------------------------------------- requests

export const person = () => ({ scheme: 'jilin-2008', region: 'prefecture', category: 'adult', statuses: [] });

export const premiumRequest = () => ({ person: person(), date: '2008-06-01' });

/** The reference claim: tests/scenarios/jilin-2008.toml "adult inpatient, city, over the 45,000 cost limit". */
export const claimRequest = (total = '50000', ownpay = '2000') => ({
  person: person(),
  paid_on: '2008-05-01',
  claim: { kind: 'inpatient', level: 'city', date: '2008-10-01', medfee_sumamt: total, fulamt_ownpay_amt: ownpay },
});

/** 20 inpatient claims, Aug–Dec 2008, cycling through the levels (same as benches/engine.rs). */
export const yearRequest = () => {
  const levels = ['community', 'county', 'city', 'province'];
  const claims = [];
  for (let i = 0; i < 20; i++) {
    const m = String(8 + Math.floor(i / 4)).padStart(2, '0');
    const d = String(1 + 7 * (i % 4)).padStart(2, '0');
    claims.push({
      kind: 'inpatient',
      level: levels[i % 4],
      date: `2008-${m}-${d}`,
      medfee_sumamt: String(1000 + 1500 * i),
      fulamt_ownpay_amt: String(50 * i),
    });
  }
  return { person: person(), paid_on: '2008-05-01', claims };
};

// ---------------------------------------------------------------- timing

const now = () => Number(process.hrtime.bigint()) / 1e3; // µs

function quantile(sorted, q) {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

/**
 * Times `fn` in µs per call: warm-up for `warmupMs`, then samples for `timeMs`; each sample is a
 * batch of calls sized to last ≥ ~50 µs so the timer's own cost doesn't count; returns median, p90,
 * mean, min and the number of calls.
 */
export function measure(fn, { warmupMs = 300, timeMs = 1500, maxSamples = 5000 } = {}) {
  let t0 = now();
  let n = 0;
  while (now() - t0 < warmupMs * 1e3 || n < 20) {
    fn();
    n++;
  }
  const est = (now() - t0) / n;
  const batch = Math.max(1, Math.round(50 / est));
  const samples = [];
  t0 = now();
  while ((now() - t0 < timeMs * 1e3 || samples.length < 30) && samples.length < maxSamples) {
    const s = now();
    for (let i = 0; i < batch; i++) fn();
    samples.push((now() - s) / batch);
  }
  samples.sort((a, b) => a - b);
  return {
    median: quantile(samples, 0.5),
    p90: quantile(samples, 0.9),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    min: samples[0],
    calls: samples.length * batch,
  };
}

export const fmt = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(us < 10 ? 2 : 1)} µs`);

export function table(rows, cols) {
  const w = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells) => cells.map((s, i) => (i === 0 ? String(s).padEnd(w[i]) : String(s).padStart(w[i]))).join('  ');
  return [line(cols), line(w.map((n) => '-'.repeat(n))), ...rows.map((r) => line(cols.map((c) => r[c] ?? '')))].join('\n');
}

/** Writes results as JSON where `--json FILE` (or BENCH_OUT/name.json) says. */
export function saveJson(name, data) {
  const i = process.argv.indexOf('--json');
  const file = i > 0 ? process.argv[i + 1] : process.env.BENCH_OUT ? resolve(process.env.BENCH_OUT, `${name}.json`) : null;
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

export const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
