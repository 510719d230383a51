// The answers as the widget's module gives them (dist/pkg/, written into JS objects by
// serde-wasm-bindgen) against the same answers as the CLI prints them with serde_json
// (`yibao … --json`): the two edges give the same objects, key for key, in the same order.
// Runs in Node. The CLI binary is the one `cargo test` built (./build.sh test runs it first);
// without one it is built here.
import { test } from 'node:test';
import { nodeEngine } from './helpers.mjs';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const api = await nodeEngine();

const targetDir = resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target');
function cli() {
  for (const p of ['debug/yibao', 'release/yibao']) if (existsSync(resolve(targetDir, p))) return resolve(targetDir, p);
  execFileSync('cargo', ['build', '-q', '--bin', 'yibao'], { cwd: ROOT, stdio: 'inherit' });
  return resolve(targetDir, 'debug/yibao');
}
const bin = cli();
const json = (args) => JSON.parse(execFileSync(bin, [...args, '--json'], { cwd: ROOT, encoding: 'utf8' }));

/** Same keys in the same order, same values, all the way down. */
function same(a, b, path = '') {
  if (a === null || typeof a !== 'object') return assert.equal(a, b, path);
  assert.equal(Array.isArray(a), Array.isArray(b), path);
  assert.deepEqual(Object.keys(a), Object.keys(b), `keys of ${path || 'the answer'}`);
  for (const k of Object.keys(a)) same(a[k], b[k], `${path}.${k}`);
}

const p2026 = { scheme: 'jilin-2016', region: 'jilin', category: 'urban_adult' };
const p2008 = { scheme: 'jilin-2008', region: 'prefecture', category: 'adult' };
const args = (p, statuses = []) => ['--scheme', p.scheme, '--region', p.region, '--category', p.category, ...statuses.flatMap((s) => ['--status', s])];

test('premium answers are the CLI’s serde_json answers', () => {
  for (const [p, st, extra, req] of [
    [p2026, [], ['--year', '2026'], { year: '2026' }],
    [p2008, ['dibao'], [], {}],
    [p2008, [], ['--date', '2008-06-01'], { date: '2008-06-01' }],
  ]) {
    const mine = api.premium({ person: { ...p, statuses: st }, ...req });
    same(mine, json(['premium', ...args(p, st), ...extra]));
    assert.ok(mine.steps.length > 3);
  }
});

test('claim and compare answers are the CLI’s serde_json answers, layers and ranges included', () => {
  const cases = [
    [p2008, [], ['--kind', 'inpatient', '--level', 'city', '--date', '2008-10-01', '--total', '50000', '--out-of-scope', '2000', '--paid-on', '2008-05-01'],
      { kind: 'inpatient', level: 'city', date: '2008-10-01', medfee_sumamt: '50000', fulamt_ownpay_amt: '2000' }, '2008-05-01'],
    [p2026, ['dibao'], ['--kind', 'inpatient', '--level', 'province', '--date', '2026-03-01', '--total', '300000'],
      { kind: 'inpatient', level: 'province', date: '2026-03-01', medfee_sumamt: '300000' }, undefined],
  ];
  for (const [p, st, cliArgs, claim, paid_on] of cases) {
    const req = { person: { ...p, statuses: st }, claim, ...(paid_on ? { paid_on } : {}) };
    const mine = api.claim(req);
    same(mine, json(['claim', ...args(p, st), ...cliArgs]));
    assert.ok(mine.steps.length > 3 && typeof mine.hifp_pay === 'string');
    const noLevel = cliArgs.filter((a, i) => a !== '--level' && cliArgs[i - 1] !== '--level');
    same(api.compare(req), json(['compare', ...args(p, st), ...noLevel]));
  }
  const hifmi = api.claim({ person: { ...p2026, statuses: ['dibao'] }, claim: cases[1][3] }).hifmi_pay;
  assert.notEqual(hifmi, '0.00', 'the 2026 case goes through the layers');
});

test('catalogue and eligibility answers are the CLI’s serde_json answers', () => {
  const cat = api.catalogue();
  assert.ok(cat.schemes.length >= 4, `${cat.schemes.length} schemes`);
  same(cat, json(['list']));
  same(api.eligibility({ ...p2008, statuses: ['dibao'] }), json(['eligibility', ...args(p2008, ['dibao'])]));
});
