// Where each figure comes from, at a glance (issue 16): beside every figure of a claim and a
// premium — on the page, in the steps and in the copied text — its source year and grade or
// basis, so a 2026 大病保险 band and a 2008-pilot deductible never look alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, watch, ready, openExplanation } from './helpers.mjs';

const site = useSite();

test('a 2026 Jilin claim and premium show each figure\'s year and grade', async () => {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  await page.goto(`${site.server.origin}/#s=jilin-2016&r=jilin&c=urban_adult&st=dibao&cy=2026&k=inpatient&l=province&d=2026-03-01&t=300000&o=0`);
  await ready(page);
  const claim = page.locator('[data-testid="claim"]');
  // the steps are worded when opened (issue 17)
  await openExplanation(page);
  await claim.locator('[data-step="critical_band_1"]').waitFor({ timeout: 10000 });
  // the 2026 大病保险 band (J7, a 2026-01-15 press report: grade B) and the 2008 pilot's
  // deductible (an assumption) carry different tags
  assert.match(await claim.locator('[data-step="critical_band_1"] > details > summary').innerText(), /2026·B/);
  assert.match(await claim.locator('[data-step="deductible"] > details > summary').innerText(), /2008·假设/);
  assert.doesNotMatch(await claim.locator('[data-step="deductible"] > details > summary').innerText(), /2026/);
  // the 大病保险 threshold: a grade-C lead, an assumption
  assert.match(await claim.locator('[data-step="critical_threshold"] > details > summary').innerText(), /2023·C·假设/);
  // the premium: the individual share (J3, grade B) and the subsidy floor (N4, A/B)
  const prem = page.locator('[data-testid="premium"]');
  assert.match(await prem.locator('[data-testid="premium-individual-origin"]').innerText(), /2025·B/);
  assert.match(await prem.locator('[data-testid="payer-government"]').innerText(), /2025·A\/B·下限/);
  // the copied text keeps them
  await site.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
  await page.getByRole('button', { name: /复制为文字/ }).click();
  for (let i = 0; i < 300 && !(await page.evaluate(() => navigator.clipboard.readText())).includes('计算过程'); i += 1) await page.waitForTimeout(100);
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(clip, /2008·假设/);
  assert.match(clip, /2026·B/);
  assert.match(clip, /¥250\.00〔2025·B〕/);
  assert.deepEqual(w.errors, []);
  await page.close();
});
