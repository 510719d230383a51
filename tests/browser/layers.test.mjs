// The layers after the basic fund on the page: the stacked bar of who pays (统筹基金 / 大病保险 /
// 医疗救助 / 个人) for a bill and for the year, and the "断保后什么时候能报销" panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, watch, ready } from './helpers.mjs';

const site = useSite();

const DIBAO = 's=jilin-2016&r=jilin&c=urban_adult&st=dibao&cy=2026&k=inpatient&l=province&d=2026-03-01&t=300000&o=0';

test('a 低保 resident\'s 300,000 bill: the bar shows each fund and what is left', async () => {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  await page.goto(`${site.server.origin}/#${DIBAO}&y=inpatient~province~2026-03-01~150000~0~|inpatient~province~2026-06-01~150000~0~`);
  await ready(page);
  const bar = page.locator('[data-testid="claim"] [data-testid="layers-bar"]');
  await bar.waitFor({ timeout: 10000 });
  // tests/scenarios/layers.toml: hifp 33,075; hifmi 190,557.85; maf 50,000; psn 26,367.15
  assert.match(await bar.locator('[data-testid="bar-hifp"]').innerText(), /¥33,075\.00/);
  assert.match(await bar.locator('[data-testid="bar-hifmi"]').innerText(), /¥190,557\.85/);
  assert.match(await bar.locator('[data-testid="bar-maf"]').innerText(), /¥50,000\.00/);
  assert.match(await bar.locator('[data-testid="bar-psn"]').innerText(), /¥26,367\.15/);
  assert.match(await page.locator('[data-testid="claim-psn_part_amt"]').innerText(), /¥26,367\.15/);
  // the chart marks where 大病保险 starts
  assert.equal(await page.locator('.yb-mark-hifmi').count(), 1);
  assert.match(await page.locator('.yb-mark-hifmi').textContent(), /大病保险起付/);
  // the breakdown's rows are what the basic fund left; the layers' part of them is shown too
  assert.match(await page.locator('[data-testid="claim-hifmi-less"]').innerText(), /其中由大病保险支付[\s\S]*−¥190,557\.85/);
  assert.match(await page.locator('[data-testid="claim-maf-less"]').innerText(), /−¥50,000\.00/);
  // the year: the same totals, and each layer's threshold and what is left of it
  const yb = page.locator('[data-testid="year-result"] [data-testid="layers-bar"]');
  await yb.waitFor({ timeout: 10000 });
  assert.match(await yb.locator('[data-testid="bar-psn"]').innerText(), /¥26,367\.15/);
  assert.match(await yb.locator('[data-testid="layer-hifmi"]').innerText(), /¥9,736\.00/);
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('the enrolment panel and the claim answer alike: two years missed, paid in March → covered from July', async () => {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  await page.goto(`${site.server.origin}/#${DIBAO}`);
  await ready(page);
  const panel = page.locator('[data-testid="enrol-panel"]');
  await panel.waitFor({ timeout: 10000 });
  // nothing said: in the window, enrolled last year: covered from the start of the coverage year
  assert.equal(await panel.locator('[data-testid="enrol-from"]').innerText(), '2026-01-01');
  assert.match(await page.locator('[data-testid="claim"]').textContent(), /未说明参保情况/);
  // the person's 参保情况: two years without cover, paid on 2026-03-10, outside the window
  const fields = page.locator('[data-testid="enrol-fields"]');
  await fields.locator('summary').click();
  await fields.locator('select[name="iw"]').selectOption('no');
  await fields.locator('input[name="ms"]').fill('2');
  await fields.locator('input[name="ms"]').dispatchEvent('change');
  await page.locator('input[name="paid_on"]').fill('2026-03-10');
  await page.locator('input[name="date"]').fill('2026-05-01');
  // 国办发〔2024〕38号: 3 fixed + 1 for the second year of break = 4 months
  await page.waitForFunction(() => document.querySelector('[data-testid="enrol-from"]')?.textContent === '2026-07-10', null, { timeout: 5000 });
  assert.match(await panel.innerText(), /断保 2 年/);
  assert.match(await panel.locator('[data-testid="enrol-max"]').innerText(), /¥400,000\.00/);
  // the claim on 2026-05-01 falls before it: the fund pays nothing and says why
  const claim = page.locator('[data-testid="claim"]');
  await page.waitForFunction(() => /2026-07-10/.test(document.querySelector('[data-testid="claim"]')?.innerText || ''), null, { timeout: 5000 });
  assert.match(await page.locator('[data-testid="claim-hifp_pay"]').innerText(), /¥0\.00/);
  assert.match(await claim.textContent(), /待遇开始日 2026-07-10 之前/);
  // the link keeps it
  assert.match(page.url(), /iw=no/);
  assert.match(page.url(), /ms=2/);
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('schemes without layer rules: no panel, no layer in the bar', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.origin}/#s=jilin-2008&r=prefecture&c=adult&p=2008-05-01&k=inpatient&l=city&d=2008-10-01&t=50000&o=2000`);
  await ready(page);
  await page.locator('[data-testid="claim"] [data-testid="layers-bar"]').waitFor({ timeout: 10000 });
  assert.equal(await page.locator('[data-testid="bar-hifmi"]').count(), 0);
  assert.equal(await page.locator('[data-testid="claim-hifmi-less"]').count(), 0);
  assert.equal(await page.locator('.yb-mark-hifmi').count(), 0);
  assert.equal(await page.locator('[data-testid="enrol-panel"]').count(), 0);
  await page.close();
});
