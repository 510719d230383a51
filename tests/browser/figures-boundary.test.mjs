// The figures calls' one-crossing path (src/wasm/flat.{js,rs}, issue 11) against the field-by-field
// reader it falls back to: the same answers, the same errors. Runs in Node against dist/pkg/ (the
// module the widget loads). A request gets the reader's path when it has an enumerable key the
// flattener does not know, e.g. one inherited from its prototype (`viaReader` below), which the
// reader itself ignores (it reads own keys and the known fields).
import { test } from 'node:test';
import { nodeEngine } from './helpers.mjs';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const api = await nodeEngine();

/** `o` deep-copied with an inherited enumerable key on every object, so flat.js declines it. */
function viaReader(o) {
  if (o === null || typeof o !== 'object') return o;
  if (Array.isArray(o)) return o.map(viaReader);
  const out = Object.create({ zz_inherited: 1 });
  for (const k of Object.keys(o)) out[k] = viaReader(o[k]);
  return out;
}

/** The answer or the error's fields, comparable. */
function outcome(f) {
  try {
    return { ok: f() };
  } catch (e) {
    return { err: { code: e.code, zh: e.message_zh, en: e.message_en, field: e.field ?? null } };
  }
}

const people = [
  { scheme: 'jilin-2008', region: 'prefecture', category: 'adult', statuses: [] },
  { scheme: 'jilin-2016', region: 'jilin', category: 'urban_adult', statuses: ['dibao'] },
  { scheme: 'jilin-2016', region: 'jilin', category: 'urban_adult' },
  { scheme: 'jiaxing-2008', region: 'jiaxing', category: 'adult', statuses: [] },
];
const claims = [
  { kind: 'inpatient', level: 'city', date: '2008-10-01', medfee_sumamt: '50000', fulamt_ownpay_amt: '2000' },
  { kind: 'inpatient', level: 'province', date: '2026-06-01', medfee_sumamt: '300000', fulamt_ownpay_amt: null },
  { kind: 'inpatient', level: 'community', date: '2026-03-01', medfee_sumamt: '800.5' },
  { kind: 'outpatient_major', level: 'county', date: '2008-07-01', medfee_sumamt: '12000', disease: 'x' },
];
const paid = [undefined, null, '2008-05-01', '2026-03-10'];

test('claimFigures: the flat path and the reader give the same answers and errors', () => {
  let answers = 0;
  for (const person of people)
    for (const claim of claims)
      for (const paid_on of paid)
        for (const renewed of [undefined, true, false]) {
          const req = { person, claim };
          if (paid_on !== undefined) req.paid_on = paid_on;
          if (renewed !== undefined) req.renewed_without_break = renewed;
          const fast = outcome(() => api.claimFigures(req));
          const slow = outcome(() => api.claimFigures(viaReader(req)));
          assert.deepEqual(fast, slow, JSON.stringify(req));
          if (fast.ok) {
            answers++;
            // the same figures as the explained claim's
            const full = api.claim(req);
            for (const k of ['medfee_sumamt', 'hifp_pay', 'psn_part_amt', 'act_pay_dedc', 'hifmi_pay', 'maf_pay'])
              assert.equal(fast.ok[k], full[k], `${k} of ${JSON.stringify(req)}`);
          }
        }
  assert.ok(answers > 20, `only ${answers} requests were answered`);
});

test('yearFigures: the flat path and the reader give the same answers', () => {
  const person = people[1];
  const year = (n) =>
    Array.from({ length: n }, (_, i) => ({
      kind: 'inpatient',
      level: ['community', 'county', 'city', 'province'][i % 4],
      date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((7 * i) % 28)).padStart(2, '0')}`,
      medfee_sumamt: String(5000 + 23000 * i),
      fulamt_ownpay_amt: String(100 * i),
    }));
  for (const n of [0, 1, 3, 20]) {
    const req = { person, paid_on: '2025-12-01', claims: year(n), explain: false };
    const fast = outcome(() => api.yearFigures(req));
    assert.deepEqual(fast, outcome(() => api.yearFigures(viaReader(req))), `${n} claims`);
    if (n > 0) {
      assert.ok(fast.ok, JSON.stringify(fast.err));
      assert.equal(fast.ok.claims.length, n);
      assert.deepEqual([...fast.ok.order].sort((a, b) => a - b), [...Array(n).keys()]);
      assert.equal(typeof fast.ok.assumed, 'boolean');
      assert.ok(!('waiting_amt' in fast.ok.claims[0]) || fast.ok.claims[0].waiting_amt !== '');
    }
  }
});

test('requests the flattener declines get the reader’s errors, naming the field', () => {
  const good = { person: people[0], paid_on: '2008-05-01', claim: claims[0] };
  const cases = [
    [{ ...good, extra: 1 }, 'extra'],
    [{ ...good, claim: { ...claims[0], medfee_sumamt: 50000 } }, 'claim.medfee_sumamt'],
    [{ ...good, claim: { ...claims[0], medfee_sumamt: '5\u001f0' } }, 'claim.medfee_sumamt'],
    [{ ...good, person: { ...people[0], statuses: 'dibao' } }, 'person.statuses'],
    [{ ...good, person: { ...people[0], scheme: 'jilin\u001e2008' } }, null],
    [{ ...good, renewed_without_break: 'yes' }, 'renewed_without_break'],
    [{ ...good, paid_on: '2008\u001d05-01' }, 'paid_on'],
    [{ person: people[0], paid_on: '2008-05-01' }, 'claim'],
  ];
  for (const [req, field] of cases) {
    const fast = outcome(() => api.claimFigures(req));
    assert.ok(fast.err, `${JSON.stringify(req)} was answered`);
    assert.ok(fast.err.zh && fast.err.en, 'both languages');
    if (field) assert.equal(fast.err.field, field, JSON.stringify(fast.err));
    assert.deepEqual(fast, outcome(() => api.claimFigures(viaReader(req))));
  }
  const y = outcome(() => api.yearFigures({ person: people[0], claims: [claims[0], 'x'] }));
  assert.equal(y.err?.field, 'claims[1]', JSON.stringify(y));
});
