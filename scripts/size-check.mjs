#!/usr/bin/env node
// The size budget (issue 4): gzipped bytes of what the widget loads, against size-budget.json.
//
//   node scripts/size-check.mjs [--budget FILE] [--dir DIR] [--json]
//
// Files: those listed in the budget, plus whatever the entry (widget.js) reaches — static
// `import … from './x.js'` and `new URL('x', import.meta.url)` (the stylesheet, the wasm), followed
// through the modules it finds — so a new file the widget starts to load can't slip past: a reached
// file missing from the budget fails the check. Exits 1 when a file or the total is over, or a
// budgeted file is missing from dist/ (run ./build.sh first).
import { existsSync, readFileSync } from 'node:fs';
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

/** Files reached from the entry module (relative to dir). */
function reached(entry) {
  const seen = new Set();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    const path = join(dir, f);
    if (!f.endsWith('.js') || !existsSync(path)) continue;
    const src = readFileSync(path, 'utf8');
    const refs = [
      ...src.matchAll(/\bimport\s+(?:[^'"`;]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g),
      ...src.matchAll(/\bexport\s+[^'"`;]*?\s+from\s+['"](\.{1,2}\/[^'"]+)['"]/g),
      ...src.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g),
      ...src.matchAll(/new\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g),
    ].map((m) => m[1]);
    for (const r of refs) {
      const rel = relative(dir, resolve(dirname(path), r)).split('\\').join('/');
      if (!rel.startsWith('..')) todo.push(rel);
    }
  }
  return [...seen];
}

const listed = Object.keys(budget.files || {});
const found = budget.entry ? reached(budget.entry) : [];
const files = [...new Set([...listed, ...found])];
const problems = [];
const rows = [];
let total = 0;
let totalRaw = 0;
for (const f of files) {
  const path = join(dir, f);
  const limit = budget.files?.[f];
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
    problems.push(`${f}: loaded by the widget (reached from ${budget.entry}) but has no entry in ${relative(ROOT, budgetFile)}`);
  } else if (gz > limit) {
    status = 'OVER';
    problems.push(`${f}: ${gz} bytes gzipped, over its budget of ${limit} by ${gz - limit}`);
  }
  rows.push({ f, raw: buf.length, gz, limit, status });
}
if (budget.total !== undefined && total > budget.total) {
  problems.push(`total: ${total} bytes gzipped, over the budget of ${budget.total} by ${total - budget.total} (${((100 * total) / budget.total).toFixed(0)} % of it)`);
}

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
const w = table[0].map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ dir: relative(ROOT, dir), files: rows, total_gzip: total, total_raw: totalRaw, budget_total: budget.total, problems }, null, 2));
} else {
  console.log(`size budget: what the widget loads (${relative(ROOT, dir)}/, gzip -9) against ${relative(ROOT, budgetFile)}`);
  for (const [i, r] of table.entries()) {
    console.log(r.map((c, j) => (j === 0 || j === 5 ? String(c).padEnd(w[j]) : String(c).padStart(w[j]))).join('  ').trimEnd());
    if (i === 0 || i === table.length - 2) console.log(w.map((n) => '-'.repeat(n)).join('  '));
  }
  for (const p of problems) console.error(`over budget: ${p}`);
}
process.exitCode = problems.length ? 1 : 0;
