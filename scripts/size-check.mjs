#!/usr/bin/env node
// The size budget (issue 4): gzipped bytes of what the widget loads, against size-budget.json.
//
//   node scripts/size-check.mjs [--budget FILE] [--dir DIR] [--json]
//
// Files: those listed in the budget, plus whatever the entry (widget.js) reaches — static
// `import … from './x.js'` and `new URL('x', import.meta.url)` (the stylesheet, the wasm), followed
// through the modules it finds — so a new file the widget starts to load can't slip past: a reached
// file missing from the budget fails the check. What only a dynamic `import('./…')` reaches (the
// full module, fetched when someone loads a policy file) is measured against the separate `lazy`
// budget and is not part of the widget's total. Exits 1 when a file or a total is over, or a
// budgeted file is missing from dist/ (run ./build.sh first).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const budgetFile = resolve(arg('--budget') || join(ROOT, 'size-budget.json'));
const budget = JSON.parse(readFileSync(budgetFile, 'utf8'));
const dir = resolve(ROOT, arg('--dir') || budget.dir || 'dist');

/**
 * Files reached from the entry module (relative to dir): `eager` through static imports and
 * `new URL(…, import.meta.url)`, `lazy` only through a dynamic `import('./…')` somewhere on the way
 * (the full module the UI fetches when someone loads a policy file).
 */
function reached(entry) {
  const eager = new Set();
  const lazy = new Set();
  const todo = [[entry, false]];
  while (todo.length) {
    const [f, isLazy] = todo.pop();
    if (eager.has(f) || (isLazy && lazy.has(f))) continue;
    (isLazy ? lazy : eager).add(f);
    if (!isLazy) lazy.delete(f);
    const path = join(dir, f);
    if (!f.endsWith('.js') || !existsSync(path)) continue;
    const src = readFileSync(path, 'utf8');
    const refs = [
      ...[
        ...src.matchAll(/\bimport\s*(?:[^'"`;()]*?\s*from\s*)?['"](\.{1,2}\/[^'"]+)['"]/g),
        ...src.matchAll(/\bexport\s*[^'"`;]*?\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/g),
        ...src.matchAll(/new\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g),
      ].map((m) => [m[1], isLazy]),
      ...[...src.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)].map((m) => [m[1], true]),
    ];
    for (const [r, l] of refs) {
      const rel = relative(dir, resolve(dirname(path), r)).split('\\').join('/');
      if (!rel.startsWith('..')) todo.push([rel, l]);
    }
  }
  return { eager: [...eager], lazy: [...lazy].filter((f) => !eager.has(f)) };
}

const found = budget.entry ? reached(budget.entry) : { eager: [], lazy: [] };
const problems = [];

/** Measures `files` against `limits` (per file) and `limitTotal`; returns rows and totals. */
function measure(files, limits, limitTotal, what) {
  const rows = [];
  let total = 0;
  let totalRaw = 0;
  for (const f of files) {
    const path = join(dir, f);
    // wasm-bindgen names a snippet's directory after a hash of the crate: budget it as snippets/*/…
    const limit = limits?.[f] ?? limits?.[f.replace(/snippets\/[^/]+\//, 'snippets/*/')];
    if (!existsSync(path)) {
      problems.push(`${f}: not found in ${relative(ROOT, dir) || '.'}/ (run ./build.sh first)`);
      rows.push({ f, raw: '—', gz: '—', limit, status: 'MISSING' });
      continue;
    }
    const buf = readFileSync(path);
    const gz = gzipSync(buf, { level: 9 }).length;
    total += gz;
    totalRaw += buf.length;
    let status = 'ok';
    if (limit === undefined) {
      status = 'NOT IN BUDGET';
      problems.push(`${f}: ${what} by the widget (reached from ${budget.entry}) but has no entry in ${relative(ROOT, budgetFile)}`);
    } else if (gz > limit) {
      status = 'OVER';
      problems.push(`${f}: ${gz} bytes gzipped, over its budget of ${limit} by ${gz - limit}`);
    }
    rows.push({ f, raw: buf.length, gz, limit, status });
  }
  if (limitTotal !== undefined && total > limitTotal) {
    problems.push(`${what} total: ${total} bytes gzipped, over the budget of ${limitTotal} by ${total - limitTotal} (${((100 * total) / limitTotal).toFixed(0)} % of it)`);
  }
  return { rows, total, totalRaw };
}

const named = (files) => Object.keys(files || {}).filter((k) => !k.includes('*')); // patterns match, never name, a file
const eagerFiles = [...new Set([...named(budget.files), ...found.eager])];
const lazyFiles = [...new Set([...named(budget.lazy?.files), ...found.lazy])];

// Policy packs (issue 17): the widget fetches the pack of the scheme it shows with the engine.
// Which scheme that is depends on the date and the link, so the largest pack is counted in the
// widget's total; every pack is held to `packs.each`.
const packs = [];
if (budget.packs && existsSync(join(dir, 'packs'))) {
  for (const f of readdirSync(join(dir, 'packs')).filter((x) => x.endsWith('.pack')).sort()) {
    packs.push({ f: `packs/${f}`, gz: gzipSync(readFileSync(join(dir, 'packs', f)), { level: 9 }).length });
  }
  if (!packs.length) problems.push(`no packs in ${relative(ROOT, dir)}/packs/ (run ./build.sh first)`);
}
const largest = packs.reduce((a, b) => (!a || b.gz > a.gz ? b : a), null);
const packLimits = Object.fromEntries(packs.map((p) => [p.f, budget.packs.each]));
if (largest) eagerFiles.push(largest.f);
const main = measure(eagerFiles, { ...budget.files, ...(largest ? { [largest.f]: budget.packs.each } : {}) }, budget.total, 'loaded');
const others = measure(packs.filter((p) => p !== largest).map((p) => p.f), packLimits, undefined, 'a scheme’s pack');
const later = measure(lazyFiles, budget.lazy?.files, budget.lazy?.total, 'loaded on demand');
const { rows, total, totalRaw } = main;

const kb = (n) => (typeof n === 'number' ? `${(n / 1024).toFixed(1)} KB` : n ?? '');
const table = [
  ['file', 'raw', 'gzip', 'budget', 'use', ''],
  ...rows.map((r) => [
    r.f,
    kb(r.raw),
    kb(r.gz),
    kb(r.limit),
    typeof r.gz === 'number' && r.limit ? `${((100 * r.gz) / r.limit).toFixed(0)} %` : '',
    r.status,
  ]),
  ['total', kb(totalRaw), kb(total), kb(budget.total), budget.total ? `${((100 * total) / budget.total).toFixed(0)} %` : '', total > budget.total ? 'OVER' : 'ok'],
];
if (others.rows.length) {
  table.push(["— other packs (each when its scheme is shown) —", '', '', '', '', '']);
  for (const r of others.rows) {
    table.push([r.f, kb(r.raw), kb(r.gz), kb(r.limit), typeof r.gz === 'number' && r.limit ? `${((100 * r.gz) / r.limit).toFixed(0)} %` : '', r.status]);
  }
}
if (later.rows.length) {
  table.push(['— on demand (dynamic imports) —', '', '', '', '', '']);
  for (const r of later.rows) {
    table.push([r.f, kb(r.raw), kb(r.gz), kb(r.limit), typeof r.gz === 'number' && r.limit ? `${((100 * r.gz) / r.limit).toFixed(0)} %` : '', r.status]);
  }
  const lt = budget.lazy?.total;
  table.push(['on-demand total', kb(later.totalRaw), kb(later.total), kb(lt), lt ? `${((100 * later.total) / lt).toFixed(0)} %` : '', lt && later.total > lt ? 'OVER' : 'ok']);
}
const w = table[0].map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ dir: relative(ROOT, dir), files: rows, total_gzip: total, total_raw: totalRaw, budget_total: budget.total, packs: packs.map((p) => ({ file: p.f, gzip: p.gz })), lazy: { files: later.rows, total_gzip: later.total, total_raw: later.totalRaw, budget_total: budget.lazy?.total }, problems }, null, 2));
} else {
  console.log(`size budget: what the widget loads (${relative(ROOT, dir)}/, gzip -9) against ${relative(ROOT, budgetFile)}`);
  const totalRow = 1 + rows.length;
  for (const [i, r] of table.entries()) {
    console.log(r.map((c, j) => (j === 0 || j === 5 ? String(c).padEnd(w[j]) : String(c).padStart(w[j]))).join('  ').trimEnd());
    if (i === 0 || i === totalRow - 1) console.log(w.map((n) => '-'.repeat(n)).join('  '));
  }
  for (const p of problems) console.error(`over budget: ${p}`);
}
process.exitCode = problems.length ? 1 : 0;
