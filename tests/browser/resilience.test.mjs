// Resilience: after a rejected input the widget still answers; a portal's policy file that fails
// validation shows its errors and leaves the built-in policies working; a valid one loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useSite, watch, ready, ROOT, pagePacks } from './helpers.mjs';

const site = useSite();

const settle = (page) => page.waitForTimeout(450);

/** The shared city fixture (tests/policies/siping-city.toml) with its community deductible set. */
function cityFile(communityDeductible) {
  const text = readFileSync(path.join(ROOT, 'tests/policies/siping-city.toml'), 'utf8');
  return text.replace('value = "150"', `value = "${communityDeductible}"`);
}

/** "1234.5" → "¥1,234.50", independently of the page's own formatter. */
function yuan(v) {
  const [i, f = ''] = String(v).split('.');
  return `¥${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(f + '00').slice(0, 2)}`;
}

test('the widget answers the next valid input after a rejected one', async () => {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  await page.goto(`${site.server.origin}/demo-host.html`);
  await page.waitForSelector('yibao-calculator[data-ready]', { timeout: 30000 });
  const widget = page.locator('yibao-calculator');
  for (const bad of ['abc', '-1', '1e9']) {
    await widget.locator('input[name="total"]').fill(bad);
    await settle(page);
    assert.equal(await widget.locator('[data-testid="claim"] .yb-error').count(), 1, `error shown for ${bad}`);
  }
  await widget.locator('input[name="ownpay"]').fill('0');
  await widget.locator('input[name="total"]').fill('30000');
  await settle(page);
  const st = await widget.evaluate((el) => ({ ...el.calculator.state }));
  await pagePacks(page);
  const api = await page.evaluate(async (st) => {
    const m = await import('/pkg/yibao.js');
    await m.default();
    return m.claim({
      person: { scheme: st.scheme, region: st.region, category: st.category, statuses: st.statuses },
      claim: { kind: st.kind, level: st.level, date: st.date, medfee_sumamt: '30000', fulamt_ownpay_amt: '0' },
    });
  }, st);
  assert.equal(await widget.locator('[data-testid="claim"] .yb-error').count(), 0);
  assert.equal(await widget.locator('[data-testid="claim-psn_part_amt"]').innerText(), yuan(api.psn_part_amt));
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('a portal policy that fails validation shows its errors; built-ins keep working; a valid one loads', async () => {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  await page.goto(`${site.server.origin}/#s=jilin-2008&r=prefecture&c=adult&k=inpatient&l=community&d=2008-10-01&t=5000&o=0`);
  await ready(page);
  const before = await page.locator('[data-testid="claim-psn_part_amt"]').innerText();
  // community deductible 250 is outside the framework's 100–200
  await page.locator('input.yb-file').setInputFiles({ name: 'siping.toml', mimeType: 'text/plain', buffer: Buffer.from(cityFile('250')) });
  const status = page.locator('.yb-action-status');
  await status.locator('li').first().waitFor({ timeout: 10000 });
  const msg = await status.innerText();
  assert.match(msg, /siping\.toml/);
  assert.match(msg, /deductibles\[adult\/community\]/);
  assert.match(msg, /100—200/);
  // the built-in policies still answer, unchanged
  await page.fill('input[name="total"]', '6000');
  await settle(page);
  await page.fill('input[name="total"]', '5000');
  await settle(page);
  assert.equal(await page.locator('[data-testid="claim-psn_part_amt"]').innerText(), before);
  const regions = await page.locator('select[name="region"] option').allInnerTexts();
  assert.ok(!regions.some((r) => r.includes('四平')), 'the rejected city was not added');
  // a valid file loads and is selected
  await page.locator('input.yb-file').setInputFiles({ name: 'siping.toml', mimeType: 'text/plain', buffer: Buffer.from(cityFile('150')) });
  await page.waitForFunction(() => document.querySelector('select[name="region"]')?.value === 'siping', null, { timeout: 10000 });
  await settle(page);
  // the city's rules: deductible 150, 4,850 × 65% = 3,152.50 → the resident pays 1,847.50
  assert.equal(await page.locator('[data-testid="claim-psn_part_amt"]').innerText(), '¥1,847.50');
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('generated JS objects through every export: typed errors only, and the module keeps answering', async () => {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  await page.goto(`${site.server.origin}/`);
  await ready(page);
  await pagePacks(page);
  const result = await page.evaluate(async () => {
    const m = await import('/pkg/yibao.js');
    await m.default();
    // seeded generator (mulberry32) so a failure reproduces
    let seed = 20261123;
    const rnd = () => {
      seed |= 0;
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = (a) => a[Math.floor(rnd() * a.length)];
    const atoms = [null, undefined, true, 0, -1, 1.5, 1e308, NaN, '', 'abc', '-5', '1.234', '50000', '2008-10-01', '2008-02-30', 'jilin-2008', 'prefecture', 'adult', 'inpatient', 'city', 'dibao', '¥1,000', '\u0000', 'x'.repeat(5000)];
    const keys = ['person', 'scheme', 'region', 'category', 'statuses', 'claim', 'claims', 'kind', 'level', 'date', 'medfee_sumamt', 'fulamt_ownpay_amt', 'disease', 'paid_on', 'explain', 'totals', 'extra'];
    const gen = (depth) => {
      const r = rnd();
      if (depth > 3 || r < 0.35) return pick(atoms);
      if (r < 0.5) return Array.from({ length: Math.floor(rnd() * 4) }, () => gen(depth + 1));
      const o = {};
      for (let i = Math.floor(rnd() * 5); i > 0; i -= 1) o[pick(keys)] = gen(depth + 1);
      return o;
    };
    // a valid base request, then mutated
    const base = () => ({
      person: { scheme: 'jilin-2008', region: 'prefecture', category: 'adult', statuses: [] },
      claim: { kind: 'inpatient', level: 'city', date: '2008-10-01', medfee_sumamt: '50000', fulamt_ownpay_amt: '2000' },
      paid_on: '2008-05-01',
    });
    const mutate = () => {
      const req = base();
      const path = pick([['person', pick(['scheme', 'region', 'category', 'statuses'])], ['claim', pick(['kind', 'level', 'date', 'medfee_sumamt', 'fulamt_ownpay_amt', 'disease'])], ['paid_on'], ['extra']]);
      let o = req;
      for (const k of path.slice(0, -1)) o = o[k];
      o[path[path.length - 1]] = gen(2);
      return req;
    };
    const fns = ['premium', 'eligibility', 'claim', 'year', 'compare', 'curve'];
    const codes = {};
    let oks = 0;
    const bad = [];
    for (let i = 0; i < 400; i += 1) {
      const fn = pick(fns);
      const arg = rnd() < 0.5 ? gen(0) : mutate();
      try {
        m[fn](arg);
        oks += 1;
      } catch (e) {
        if (!(e instanceof Error) || !e.code || !e.message_zh || !e.message_en) bad.push({ fn, arg: JSON.stringify(arg)?.slice(0, 200), e: String(e) });
        codes[e.code] = (codes[e.code] || 0) + 1;
      }
    }
    const after = m.claim(base());
    return { oks, codes, bad, after: [after.hifp_pay, after.psn_part_amt] };
  });
  assert.deepEqual(result.bad, [], 'every rejection is a JS Error with code, message_zh and message_en');
  assert.ok(Object.keys(result.codes).length >= 3, `several kinds of rejection exercised: ${JSON.stringify(result.codes)}`);
  assert.deepEqual(result.after, ['24700.00', '25300.00'], 'the module still answers after 400 generated calls');
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('request objects: wrong types, unknown and missing fields name the field in both languages', async () => {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  await page.goto(`${site.server.origin}/`);
  await ready(page);
  await pagePacks(page);
  const got = await page.evaluate(async () => {
    const m = await import('/pkg/yibao.js');
    await m.default();
    const person = { scheme: 'jilin-2008', region: 'prefecture', category: 'adult' };
    const claim = { kind: 'inpatient', level: 'city', date: '2008-10-01', medfee_sumamt: '50000' };
    const cases = [
      ['claim', { person, claim: { ...claim, medfee_sumamt: 50000 } }],
      ['claim', { person, claim: { ...claim, colour: 'red' } }],
      ['claim', { person, claim: { kind: 'inpatient', level: 'city', date: '2008-10-01' } }],
      ['claim', { person, claim, explain: 'yes' }],
      ['year', { person, claims: 'all' }],
      ['year', { person, claims: [claim, { ...claim, date: 7 }] }],
      ['premium', { person: { ...person, statuses: ['dibao', 3] } }],
      ['eligibility', [person]],
      ['curve', { person, claim, totals: new Array(100001).fill('1') }],
    ];
    const out = cases.map(([fn, arg]) => {
      try {
        m[fn](arg);
        return { fn, ok: true };
      } catch (e) {
        return { fn, code: e.code, field: e.field, zh: e.message_zh, en: e.message_en };
      }
    });
    // null and undefined optional fields are absent; explain: false is honoured
    const lean = m.claim({ person: { ...person, statuses: null }, claim: { ...claim, disease: null }, paid_on: undefined, explain: false });
    return { out, lean: [lean.hifp_pay, lean.steps.length] };
  });
  const f = (i) => got.out[i];
  for (const r of got.out) assert.equal(r.code, 'invalid_input', JSON.stringify(r));
  assert.equal(f(0).field, 'claim.medfee_sumamt');
  assert.match(f(0).zh, /claim\.medfee_sumamt 应为字符串/);
  assert.match(f(0).en, /must be a string/);
  assert.equal(f(1).field, 'claim.colour');
  assert.match(f(1).zh, /未知字段 colour/);
  assert.match(f(1).en, /unknown field `colour`/);
  assert.equal(f(2).field, 'claim.medfee_sumamt');
  assert.match(f(2).zh, /缺少字段 medfee_sumamt/);
  assert.equal(f(3).field, 'explain');
  assert.equal(f(4).field, 'claims');
  assert.match(f(4).zh, /应为数组/);
  assert.equal(f(5).field, 'claims[1].date');
  assert.equal(f(6).field, 'person.statuses[1]');
  assert.equal(f(7).field, 'request');
  assert.match(f(7).zh, /应为对象/);
  assert.equal(f(8).field, 'totals');
  assert.match(f(8).en, /too long \(100001 items\)/);
  assert.equal(got.lean[1], 0, 'explain: false builds no steps');
  assert.ok(Number(got.lean[0]) > 0);
  assert.deepEqual(w.errors, []);
  await page.close();
});
