// Steps on request (issue 17): the widget's first module (pkg/figures/) answers figures, ranges and
// notices; the wording of a claim's steps comes from the explaining module (pkg/), fetched only when
// the resident opens the steps, copies or prints. Both are the same engine: the figures module's
// answers are the explaining module's `explain: false` answers, field for field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, watch, ready, nodeEngine, openExplanation } from './helpers.mjs';

const site = useSite();
const figures = await nodeEngine('pkg/figures');
const explaining = await nodeEngine('pkg');

const call = (api, fn, arg) => {
  try {
    return { ok: api[fn](arg) };
  } catch (e) {
    return { err: { code: e.code, field: e.field, message_zh: e.message_zh, message_en: e.message_en } };
  }
};

test('the figures module answers as the explaining module does without the explanation', () => {
  let compared = 0;
  for (const s of explaining.catalogue().schemes) {
    for (const r of s.regions) {
      for (const c of s.categories) {
        const person = { scheme: s.id, region: r.id, category: c.id, statuses: [] };
        for (const k of s.claim_kinds.filter((x) => !x.categories.length || x.categories.includes(c.id))) {
          for (const l of s.levels) {
            for (const total of ['800', '30000', '300000']) {
              const date = s.years.some((y) => y.year === 2026) ? '2026-05-01' : `${Number(s.effective_from.slice(0, 4)) + 1}-05-01`;
              const req = { person, claim: { kind: k.id, level: l.id, date, medfee_sumamt: total, fulamt_ownpay_amt: '100', disease: k.diseases[0]?.id }, explain: false };
              for (const fn of ['claim', 'compare', 'claimFigures']) {
                assert.deepEqual(call(figures, fn, req), call(explaining, fn, req), `${fn} ${JSON.stringify(req)}`);
                compared += 1;
              }
              assert.deepEqual(call(figures, 'year', { ...req, claims: [req.claim], claim: undefined }), call(explaining, 'year', { ...req, claims: [req.claim], claim: undefined }));
            }
          }
        }
        for (const year of [null, '2026']) {
          assert.deepEqual(call(figures, 'premium', { person, year }), call(explaining, 'premium', { person, year }));
        }
      }
    }
  }
  assert.ok(compared > 500, `${compared}`);
  // an explained answer asked of the figures module is refused, never answered without its steps
  const req = { person: { scheme: 'jilin-2008', region: 'prefecture', category: 'adult' }, claim: { kind: 'inpatient', level: 'city', date: '2008-10-01', medfee_sumamt: '50000' } };
  const got = call(figures, 'claim', req);
  assert.equal(got.err.code, 'invalid_input');
  assert.equal(got.err.field, 'explain');
  assert.match(got.err.message_en, /explain: false/);
  assert.ok(call(explaining, 'claim', req).ok.steps.length > 3);
});

const explainRequests = (w) => w.requests.filter((u) => /\/pkg\/yibao(_bg\.wasm|\.js)$/.test(u));

test('the explaining module is fetched when the steps are opened, and words them as the API does', async () => {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  await page.goto(`${site.server.origin}/#s=jilin-2008&r=prefecture&c=adult&p=2008-05-01&k=inpatient&l=city&d=2008-10-01&t=50000&o=2000`);
  await ready(page);
  assert.deepEqual(explainRequests(w), [], 'the first result needs no explaining module');
  assert.equal(await page.locator('[data-testid="claim"] .yb-steps').count(), 0);
  assert.equal(await page.locator('[data-testid="claim-hifp_pay"]').innerText(), '¥24,700.00');
  const box = await openExplanation(page);
  assert.equal(explainRequests(w).length, 2, explainRequests(w).join(' '));
  const want = explaining.claim({
    person: { scheme: 'jilin-2008', region: 'prefecture', category: 'adult', statuses: [] },
    paid_on: '2008-05-01',
    claim: { kind: 'inpatient', level: 'city', date: '2008-10-01', medfee_sumamt: '50000', fulamt_ownpay_amt: '2000' },
  });
  const titles = await box.locator('.yb-steps > li .yb-step-title').allInnerTexts();
  assert.deepEqual(titles, want.steps.map((s) => s.title_zh));
  // open across a recompute: the new bill's steps are asked again
  await page.locator('input[name="total"]').fill('3000');
  await page.waitForFunction(() => document.querySelector('[data-testid="claim-medfee_sumamt"]')?.innerText.includes('3,000.00'));
  await box.locator('.yb-steps > li').first().waitFor();
  assert.ok(await page.locator('[data-testid="claim"] details.yb-explain').evaluate((d) => d.open));
  assert.match(await page.locator('[data-testid="claim"] .yb-steps').innerText(), /¥1,000\.00/, 'the in-scope part of the new bill');
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('copying the estimate as text brings the steps, fetching the explaining module if need be', async () => {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  await page.goto(`${site.server.origin}/#s=jilin-2008&r=prefecture&c=adult&p=2008-05-01&k=inpatient&l=city&d=2008-10-01&t=50000&o=2000`);
  await ready(page);
  await site.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.locator('.yb-copy-text').click();
  for (let i = 0; i < 300 && !(await page.evaluate(() => navigator.clipboard.readText())).includes('计算过程'); i += 1) await page.waitForTimeout(100);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /计算过程：/);
  assert.match(copied, /起付标准/);
  assert.equal(explainRequests(w).length, 2);
  await page.close();
});
