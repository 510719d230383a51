// Prints the one-screen summary of bench/run.sh from the JSON the benchmarks wrote.
//   node bench/summary.mjs [DIR]   (DIR defaults to target/bench)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, fmt } from './lib.mjs';

const dir = resolve(process.argv[2] || join(ROOT, 'target/bench'));
const read = (f) => (existsSync(join(dir, f)) ? JSON.parse(readFileSync(join(dir, f), 'utf8')) : null);
const lines = [];
const ok = (c) => (c ? 'met' : 'MISSED');

// Criterion's own estimates (median of the samples), from its output directory.
const critDir = resolve(process.env.CRITERION_DIR || join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'criterion'));
const native = [];
if (existsSync(critDir)) {
  for (const d of readdirSync(critDir)) {
    const est = join(critDir, d, 'new', 'estimates.json');
    const meta = join(critDir, d, 'new', 'benchmark.json');
    if (!existsSync(est) || !existsSync(meta)) continue;
    const e = JSON.parse(readFileSync(est, 'utf8'));
    native.push({ name: JSON.parse(readFileSync(meta, 'utf8')).full_id, median: e.median.point_estimate / 1e3, mean: e.mean.point_estimate / 1e3, when: statSync(est).mtime });
  }
}
const ORDER = ['premium', 'claim', 'year', 'compare', 'load'];
native.sort((a, b) => ORDER.findIndex((o) => a.name.startsWith(o)) - ORDER.findIndex((o) => b.name.startsWith(o)));
if (native.length) {
  lines.push(`native (criterion, median; ${critDir}):`);
  for (const n of native) lines.push(`  ${n.name.padEnd(32)} ${fmt(n.median).padStart(9)}   (mean ${fmt(n.mean)})`);
}
const w = read('wasm.json');
if (w) {
  lines.push('wasm via the JS API in Node (median / p90 per call):');
  for (const r of w.results) {
    const t = r.target_us ? `  target ≤ ${r.target_us} µs: ${ok(r.median <= r.target_us)}` : '';
    lines.push(`  ${r.name.padEnd(32)} ${fmt(r.median).padStart(9)} / ${fmt(r.p90).padStart(9)}${t}`);
  }
  if (w.cold?.pack_us) {
    for (const [id, us] of Object.entries(w.cold.pack_us)) lines.push(`  ${`cold: read the pack ${id}`.padEnd(32)} ${fmt(us).padStart(9)}`);
  } else if (w.cold) lines.push(`  ${'cold: load the built-in policies'.padEnd(32)} ${fmt(w.cold.load_policies_us).padStart(9)}`);
}
const p = read('publicodes.json');
if (p) {
  const a = p.agreement;
  lines.push(
    `Publicodes ${p.publicodes_version ?? ''}: same figures to the fen on ${a.round}/${a.round_total} round bills, ${a.cents}/${a.cents_total} bills with odd cents;`,
  );
  lines.push(
    `  one claim: engine ${fmt(p.wasm.median)}, Publicodes ${fmt(p.publicodes.median)} ⇒ ratio Publicodes/engine = ${p.ratio_publicodes_over_wasm.toFixed(2)}`,
  );
  if (p.ratio_publicodes_over_figures) {
    lines.push(
      `  figures only (two numbers each): claimFigures ${fmt(p.wasm_figures.median)} ⇒ ratio Publicodes/claimFigures = ${p.ratio_publicodes_over_figures.toFixed(1)}`,
    );
  }
}
const g = read('page.json');
if (g) {
  // bench/page.mjs records its target (older results predate it: the issue's 1 s)
  const target = g.first_result_target_ms ?? 1000;
  for (const [name, r] of Object.entries(g.results)) {
    const sent = r.by_kind.reduce((s, k) => s + k.sent, 0);
    const raw = r.by_kind.reduce((s, k) => s + k.raw, 0);
    lines.push(
      `${name}: ${(raw / 1024).toFixed(1)} KB raw / ${(sent / 1024).toFixed(1)} KB gzip shipped; first result ${r.first_result_ms.median.toFixed(0)} ms at ${g.throttle}× (target ≤ ${target} ms: ${ok(r.first_result_ms.median <= target)})${r.first_frame_ms ? `, painted ${r.first_frame_ms.median.toFixed(0)} ms (≤ ${g.paint_target_ms?.cpu ?? 400} ms: ${ok(r.first_frame_ms.median <= (g.paint_target_ms?.cpu ?? 400))})` : ''}${r.fast3g?.first_frame_ms ? `, on Fast 3G painted ${r.fast3g.first_frame_ms.median.toFixed(0)} ms (≤ ${g.paint_target_ms?.fast3g ?? 1500} ms: ${ok(r.fast3g.first_frame_ms.median <= (g.paint_target_ms?.fast3g ?? 1500))})` : ''}${r.fast3g?.switch_scheme_ms ? `, switching scheme ${r.fast3g.switch_scheme_ms.frame.toFixed(0)} ms (≤ ${g.switch_target_ms ?? 300} ms: ${ok(r.fast3g.switch_scheme_ms.frame <= (g.switch_target_ms ?? 300))})` : ''}; recompute ${r.interaction_4x_ms.handler.toFixed(0)} ms at ${g.throttle}×, ${r.interaction_1x_ms.handler.toFixed(0)} ms at 1×`,
    );
  }
}
const s = read('size.json');
if (s) {
  lines.push(
    `size budget: ${(s.total_gzip / 1024).toFixed(1)} KB gzip of ${(s.budget_total / 1024).toFixed(1)} KB — ${s.problems.length ? 'OVER' : 'within'}`,
  );
}
lines.push(`(1-minute load average while summarising: ${loadavg()[0].toFixed(2)})`);
console.log(lines.join('\n'));
