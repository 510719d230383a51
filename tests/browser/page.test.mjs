// The calculator page in headless Chromium, served with the production CSP header.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { startServer, launch, watch, recordCspViolations, screenshot, ready, ROOT, pagePacks, openExplanation } from './helpers.mjs';
import { parseScenarios, walk } from './toml-lite.mjs';

let server;
let browser;
const allRequests = [];
const allErrors = [];

before(async () => {
  server = await startServer({ csp: true });
  browser = await launch();
  await recordCspViolations(browser.context);
});

after(async () => {
  await browser?.stop();
  await server?.stop();
});

/** Independent re-implementation of the page's money format: "1234.5" → "¥1,234.50". */
function yuan(s) {
  let str = String(s);
  const neg = str.startsWith('-');
  if (neg) str = str.slice(1);
  const [i, f = ''] = str.split('.');
  return `${neg ? '-' : ''}¥${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(f + '00').slice(0, 2)}`;
}

async function open(hash = '', viewport) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const w = watch(page);
  page.on('request', (r) => allRequests.push(r.url()));
  await page.goto(`${server.origin}/${hash ? `#${hash}` : ''}`);
  await ready(page);
  return { page, w };
}

async function settle(page) {
  // The page recomputes 250 ms after typing; wait for it.
  await page.waitForTimeout(450);
}

const text = (page, sel) => page.locator(sel).first().innerText();

async function cspViolations(page) {
  return page.evaluate(() => window.__csp || []);
}

async function engine(page, fn, arg) {
  await pagePacks(page);
  return page.evaluate(
    async ([fn, arg]) => {
      const m = await import('/pkg/yibao.js');
      await m.default();
      try {
        return { ok: m[fn](arg) };
      } catch (e) {
        return { err: { code: e.code, message: e.message, field: e.field } };
      }
    },
    [fn, arg],
  );
}

test('the page loads under the CSP and answers', async () => {
  const { page, w } = await open();
  assert.match(await text(page, 'h1'), /医保测算/);
  const individual = await text(page, '[data-testid="premium-individual"]');
  assert.match(individual, /^¥[\d,]+\.\d\d$/);
  const fund = await text(page, '[data-testid="claim-hifp_pay"]');
  assert.match(fund, /^¥[\d,]+\.\d\d$/);
  assert.ok(await page.locator('[aria-live="polite"] [data-testid="claim"]').count(), 'results are in a live region');
  assert.equal(await page.locator('svg.yb-chart path.yb-line').count(), 1, 'the chart is drawn');
  assert.ok((await page.locator('[data-testid="compare"] tbody tr').count()) >= 2, 'compare table');
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(w.errors, []);
  const cookies = await browser.context.cookies();
  assert.deepEqual(cookies, [], 'no cookies');
  const stored = await page.evaluate(() => localStorage.length + sessionStorage.length);
  assert.equal(stored, 0, 'nothing stored');
  await screenshot(page, 'phone-1-initial');
  await page.close();
});

test('figures on the page equal the engine for the current inputs', async () => {
  const { page } = await open('s=jilin-2008&r=prefecture&c=adult&p=2008-05-01&k=inpatient&l=city&d=2008-10-01&t=50000&o=2000');
  const api = await engine(page, 'claim', {
    person: { scheme: 'jilin-2008', region: 'prefecture', category: 'adult', statuses: [] },
    paid_on: '2008-05-01',
    claim: { kind: 'inpatient', level: 'city', date: '2008-10-01', medfee_sumamt: '50000', fulamt_ownpay_amt: '2000' },
  });
  assert.ok(api.ok, JSON.stringify(api.err));
  for (const k of ['hifp_pay', 'psn_part_amt', 'medfee_sumamt', 'fulamt_ownpay_amt', 'inscp_scp_amt', 'act_pay_dedc', 'coinsurance_amt', 'above_limit_amt']) {
    const shown = (await text(page, `[data-testid="claim-${k}"]`)).trim();
    assert.ok(shown.endsWith(yuan(api.ok[k])), `${k}: ${shown} vs ${yuan(api.ok[k])}`);
  }
  // Every step of the explanation is one tap away (worded when opened), with its clause.
  await openExplanation(page);
  const steps = page.locator('[data-testid="claim"] .yb-steps > li');
  assert.equal(await steps.count(), api.ok.steps.length);
  const first = steps.first().locator('summary');
  await first.click();
  assert.match(await steps.first().innerText(), /依据/);
  // Local assumptions carry their range.
  assert.match(await page.locator('[data-testid="claim"] .yb-range').first().innerText(), /至/);
  // Compare table: one row per level, equal to the engine.
  const cmp = await engine(page, 'compare', {
    person: { scheme: 'jilin-2008', region: 'prefecture', category: 'adult', statuses: [] },
    paid_on: '2008-05-01',
    claim: { kind: 'inpatient', level: 'city', date: '2008-10-01', medfee_sumamt: '50000', fulamt_ownpay_amt: '2000' },
  });
  const rows = page.locator('[data-testid="compare"] tbody tr');
  assert.equal(await rows.count(), cmp.ok.rows.length);
  for (const [i, row] of cmp.ok.rows.entries()) {
    if (!row.result) continue;
    assert.equal(await rows.nth(i).locator('[data-testid="compare-psn_part_amt"]').innerText(), yuan(row.result.psn_part_amt));
  }
  // The chart marks the deductible, the segment edges and the limit.
  assert.ok(await page.locator('.yb-mark-ded').count(), 'deductible mark');
  assert.ok(await page.locator('.yb-mark-edge').count(), 'segment edge mark');
  assert.ok(await page.locator('.yb-mark-lim').count(), 'limit mark');
  await screenshot(page, 'phone-2-claim');
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, 'desktop-claim');
  await page.close();
});

test('scenarios from tests/scenarios: engine in the page and figures on the page', async (t) => {
  const dir = path.join(ROOT, 'tests', 'scenarios');
  if (!existsSync(dir)) {
    t.skip('tests/scenarios does not exist');
    return;
  }
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.toml'))
    .flatMap((f) => parseScenarios(readFileSync(path.join(dir, f), 'utf8')).map((c) => ({ ...c, file: f })));
  assert.ok(cases.length > 0);
  const { page } = await open();
  // 1. Every case through the wasm API, in the page.
  await pagePacks(page);
  const results = await page.evaluate(async (cases) => {
    const m = await import('/pkg/yibao.js');
    await m.default();
    return cases.map((c) => {
      const person = { statuses: [], ...c.person };
      let arg;
      if (c.op === 'eligibility') arg = person;
      else if (c.op === 'premium') arg = { person, date: c.date ?? null, year: c.year != null ? String(c.year) : null };
      else if (c.op === 'year') arg = { person, paid_on: c.paid_on ?? null, renewed_without_break: c.renewed_without_break ?? null, claims: c.claims };
      else arg = { person, paid_on: c.paid_on ?? null, renewed_without_break: c.renewed_without_break ?? null, claim: c.claim };
      try {
        return { ok: m[c.op](arg) };
      } catch (e) {
        return { err: { code: e.code, field: e.field, message_zh: e.message_zh } };
      }
    });
  }, cases);
  for (const [i, c] of cases.entries()) {
    const r = results[i];
    const label = `${c.file}: ${c.name}`;
    if (c.error) {
      assert.ok(r.err, `${label}: expected error ${c.error.code}`);
      assert.equal(r.err.code, c.error.code, label);
      if (c.error.field) assert.equal(r.err.field, c.error.field, label);
      if (c.error.message) assert.ok(r.err.message_zh.includes(c.error.message), `${label}: ${r.err.message_zh}`);
    } else {
      assert.ok(r.ok, `${label}: ${JSON.stringify(r.err)}`);
      for (const [p, want] of Object.entries(c.expect || {})) {
        assert.equal(String(walk(r.ok, p)), String(want), `${label}: ${p}`);
      }
    }
  }
  await page.close();

  // 2. The cases the form can express, through the URL fragment, read back from the DOM.
  let checked = 0;
  for (const c of cases) {
    if (!['premium', 'claim', 'year'].includes(c.op)) continue;
    const pr = c.person;
    const frag = new URLSearchParams({ s: pr.scheme, r: pr.region, c: pr.category });
    if (pr.statuses?.length) frag.set('st', pr.statuses.join(','));
    const paid = c.op === 'premium' ? c.date : c.paid_on;
    if (paid) frag.set('p', paid);
    // the coverage year the engine answered for (the page's own default is today's year)
    const answered = results[cases.indexOf(c)].ok?.period?.year;
    if (c.op === 'premium' && (c.year || answered)) frag.set('cy', String(c.year || answered));
    if (c.renewed_without_break !== undefined) frag.set('rw', c.renewed_without_break ? 'yes' : 'no');
    if (c.claim) {
      frag.set('k', c.claim.kind);
      frag.set('l', c.claim.level);
      frag.set('d', c.claim.date);
      if (c.claim.disease) frag.set('dz', c.claim.disease);
      frag.set('t', c.claim.medfee_sumamt);
      frag.set('o', c.claim.fulamt_ownpay_amt ?? '0');
    }
    if (c.claims) {
      frag.set('y', c.claims.map((a) => [a.kind, a.level, a.date, a.medfee_sumamt, a.fulamt_ownpay_amt ?? '0', a.disease ?? ''].join('~')).join('|'));
    }
    const want = frag.toString();
    const pg = await browser.context.newPage();
    await pg.goto(`${server.origin}/#${want}`);
    await ready(pg);
    const got = new URLSearchParams((await pg.evaluate(() => location.hash)).slice(1));
    const same = [...frag.entries()].every(([k, v]) => got.get(k) === v);
    if (!same) {
      // The form corrected the input (an id the catalogue lacks, a status that doesn't apply):
      // the API pass above covers it.
      await pg.close();
      continue;
    }
    const label = `${c.file}: ${c.name} (page)`;
    if (c.error) {
      const sel = c.op === 'claim' ? '[data-testid="claim"]' : c.op === 'premium' ? '[data-testid="premium"]' : '[data-testid="year-result"]';
      assert.ok(await pg.locator(`${sel} [data-code="${c.error.code}"]`).count(), `${label}: shows ${c.error.code}`);
    } else if (c.op === 'premium') {
      const e = c.expect;
      if (e.individual) assert.equal(await text(pg, '[data-testid="premium-individual"]'), yuan(e.individual), label);
      if (e.standard) assert.equal(await text(pg, '[data-testid="premium-standard"] td .yb-amt'), yuan(e.standard), label);
      if (e.subsidy_total) assert.equal(await text(pg, '[data-testid="premium-subsidy"] td .yb-amt'), yuan(e.subsidy_total), label);
      if (e.unassigned && !/^0(\.0+)?$/.test(e.unassigned)) {
        assert.match(await text(pg, '[data-testid="premium-unassigned"]'), new RegExp(yuan(e.unassigned).replace(/[.$]/g, '\\$&')), label);
      }
      for (const [k, v] of Object.entries(e)) {
        const m = /^payers\[payer=(\w+)\]\.amount$/.exec(k);
        if (m) assert.equal(await text(pg, `[data-testid="payer-${m[1]}"] td .yb-amt`), yuan(v), `${label}: ${k}`);
      }
    } else if (c.op === 'claim') {
      for (const [k, v] of Object.entries(c.expect || {})) {
        if (!/^[a-z_]+$/.test(k)) continue;
        const loc = pg.locator(`[data-testid="claim-${k}"]`);
        if (!(await loc.count())) continue;
        const shown = (await loc.first().innerText()).trim();
        const expected = k === 'pool_prop_selfpay' ? null : yuan(v);
        if (expected) assert.ok(shown.endsWith(expected), `${label}: ${k} shows ${shown}, want ${expected}`);
      }
    } else if (c.op === 'year') {
      const e = c.expect || {};
      if (e['totals.hifp_pay']) assert.equal(await text(pg, '[data-testid="year-hifp_pay"]'), yuan(e['totals.hifp_pay']), label);
      if (e['totals.psn_part_amt']) assert.equal(await text(pg, '[data-testid="year-psn_part_amt"]'), yuan(e['totals.psn_part_amt']), label);
      if (e['limits.0.remaining']) assert.equal(await text(pg, '[data-testid="year-remaining-0"]'), yuan(e['limits.0.remaining']), label);
    }
    checked += 1;
    await pg.close();
  }
  assert.ok(checked >= 20, `only ${checked} scenarios could be checked on the page`);
});

test('the URL fragment round-trips and reproduces the estimate', async () => {
  const { page } = await open();
  await page.selectOption('select[name="category"]', { index: 1 });
  await page.waitForTimeout(100);
  await page.fill('input[name="total"]', '23456.70');
  await page.fill('input[name="ownpay"]', '1200');
  await settle(page);
  await page.getByRole('button', { name: /添加一次/ }).click();
  await page.getByRole('button', { name: /添加一次/ }).click();
  await settle(page);
  const hash = await page.evaluate(() => location.hash);
  assert.ok(hash.includes('t=23456.70'), hash);
  assert.ok(!(await page.evaluate(() => location.search)), 'no query string');
  const before = {
    fund: await text(page, '[data-testid="claim-hifp_pay"]'),
    you: await text(page, '[data-testid="claim-psn_part_amt"]'),
    year: await text(page, '[data-testid="year-psn_part_amt"]'),
    category: await page.inputValue('select[name="category"]'),
  };
  const { page: p2 } = await open(hash.slice(1));
  assert.equal(await p2.inputValue('input[name="total"]'), '23456.70');
  assert.equal(await p2.inputValue('input[name="ownpay"]'), '1200');
  assert.equal(await p2.inputValue('select[name="category"]'), before.category);
  assert.equal(await text(p2, '[data-testid="claim-hifp_pay"]'), before.fund);
  assert.equal(await text(p2, '[data-testid="claim-psn_part_amt"]'), before.you);
  assert.equal(await text(p2, '[data-testid="year-psn_part_amt"]'), before.year);
  assert.equal(await p2.evaluate(() => location.hash), hash);
  await page.close();
  await p2.close();
});

test('bad input shows a message and the next valid input still works', async () => {
  const { page, w } = await open('s=jilin-2008&r=prefecture&c=adult&k=inpatient&l=city&d=2008-10-01&t=10000&o=0');
  for (const bad of ['abc', '-5', '1.234']) {
    await page.fill('input[name="total"]', bad);
    await settle(page);
    const err = page.locator('[data-testid="claim"] .yb-error');
    assert.equal(await err.count(), 1, `error shown for ${bad}`);
    assert.match(await err.innerText(), /医疗费|medfee|金额/);
    assert.equal(await page.getAttribute('input[name="total"]', 'aria-invalid'), 'true');
    if (bad === 'abc') await screenshot(page, 'phone-3-bad-input');
  }
  await page.fill('input[name="ownpay"]', '20000');
  await page.fill('input[name="total"]', '100');
  await settle(page);
  assert.ok(await page.locator('[data-testid="claim"] [data-code="out_of_scope_exceeds_total"]').count());
  await page.fill('input[name="ownpay"]', '0');
  await page.fill('input[name="total"]', '20000');
  await settle(page);
  const api = await engine(page, 'claim', {
    person: { scheme: 'jilin-2008', region: 'prefecture', category: 'adult', statuses: [] },
    claim: { kind: 'inpatient', level: 'city', date: '2008-10-01', medfee_sumamt: '20000', fulamt_ownpay_amt: '0' },
  });
  assert.equal(await text(page, '[data-testid="claim-psn_part_amt"]'), yuan(api.ok.psn_part_amt));
  assert.equal(await page.getAttribute('input[name="total"]', 'aria-invalid'), null);
  // A malformed call straight to the module throws invalid_input and leaves it usable.
  const bad = await engine(page, 'claim', { person: 5 });
  assert.equal(bad.err.code, 'invalid_input');
  const again = await engine(page, 'claim', {
    person: { scheme: 'jilin-2008', region: 'prefecture', category: 'adult' },
    claim: { kind: 'inpatient', level: 'city', date: '2008-10-01', medfee_sumamt: '20000' },
  });
  assert.equal(again.ok.psn_part_amt, api.ok.psn_part_amt);
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('not eligible: says why, the clause and where to go', async () => {
  const { page } = await open('s=jilin-2008&r=prefecture&c=adult&st=employee_insured');
  const box = page.locator('[data-testid="eligibility"]');
  const t = await box.innerText();
  assert.match(t, /不能参加/);
  assert.match(t, /城镇职工基本医疗保险/);
  assert.match(t, /二\(三\)/);
  await screenshot(page, 'phone-4-not-eligible');
  await page.close();
});

test('a year: the limit is used up', async () => {
  const y = ['inpatient~city~2008-09-01~30000~0~', 'inpatient~city~2008-11-01~30000~0~'].join('|');
  const { page } = await open(`s=jilin-2008&r=prefecture&c=adult&p=2008-05-01&k=inpatient&l=city&d=2008-09-01&t=30000&o=0&y=${encodeURIComponent(y)}`);
  const api = await engine(page, 'year', {
    person: { scheme: 'jilin-2008', region: 'prefecture', category: 'adult' },
    paid_on: '2008-05-01',
    claims: [
      { kind: 'inpatient', level: 'city', date: '2008-09-01', medfee_sumamt: '30000', fulamt_ownpay_amt: '0' },
      { kind: 'inpatient', level: 'city', date: '2008-11-01', medfee_sumamt: '30000', fulamt_ownpay_amt: '0' },
    ],
  });
  assert.ok(api.ok, JSON.stringify(api.err));
  assert.equal(await text(page, '[data-testid="year-remaining-0"]'), yuan(api.ok.limits[0].remaining));
  assert.equal(Number(await page.locator('meter').first().getAttribute('value')), Number(api.ok.limits[0].used));
  // Remove one admission: the figures follow.
  await page.getByRole('button', { name: /删除 第 2 次/ }).click();
  await settle(page);
  assert.equal(await page.locator('.yb-year-row').count(), 1);
  await screenshot(page, 'phone-5-year');
  await page.close();
});

test('English switch, copy as text, print view', async () => {
  const { page } = await open('s=jilin-2008&r=prefecture&c=adult&k=inpatient&l=city&d=2008-10-01&t=10000&o=0');
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.getByRole('button', { name: /复制为文字/ }).click();
  // the steps come from the explaining module, fetched on this first copy
  for (let i = 0; i < 300 && !(await page.evaluate(() => navigator.clipboard.readText())).includes('计算过程'); i += 1) await page.waitForTimeout(100);
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(clip, /个人负担/);
  assert.match(clip, /统筹基金支付/);
  assert.match(clip, /计算过程/);
  assert.match(clip, /¥[\d,]+\.\d\d/);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.match(await text(page, 'h1'), /calculator/i);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.ok((await page.evaluate(() => location.hash)).includes('lang=en'));
  await screenshot(page, 'phone-6-english');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.yb-actions').isVisible(), false, 'actions hidden in print');
  await page.setViewportSize({ width: 800, height: 1100 });
  await screenshot(page, 'print-view');
  await page.close();
});

test('no request leaves the origin', async () => {
  assert.ok(allRequests.length > 0);
  const foreign = allRequests.filter((u) => !u.startsWith(`${server.origin}/`));
  assert.deepEqual(foreign, []);
});
