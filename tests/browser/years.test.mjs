// The coverage year (医保年度) on the page: the selector, the year's provenance and add-ons, the
// banner for figures that are not that year's, sources one tap away, the hardship classes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, watch, screenshot, ready, pagePacks } from './helpers.mjs';

const site = useSite();

async function open(hash) {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  await page.goto(`${site.server.origin}/#${hash}`);
  await ready(page);
  return { page, w };
}

const text = async (page, sel) => (await page.locator(sel).first().innerText()).trim();

test('Jilin 2026: 400, the 长护 add-on on its own line, the notice and its grade one tap away', async () => {
  const { page, w } = await open('s=jilin-2016&r=jilin&c=urban_adult&cy=2026');
  assert.equal(await text(page, '[data-testid="premium-individual"]'), '¥400.00');
  assert.equal(await page.locator('[data-testid="period"]').getAttribute('data-status'), 'notice');
  assert.match(await text(page, '[data-testid="period"]'), /集中缴费期 2025-11-01 至 2026-02-28/);
  assert.match(await text(page, '[data-testid="addon-ltc"]'), /¥10\.00.*合计 ¥410\.00/s);
  // the sources, folded, and opened with one tap
  const sources = page.locator('[data-testid="sources"]');
  assert.equal(await sources.evaluate((d) => d.open), false);
  await sources.locator('summary').click();
  const shown = await sources.innerText();
  assert.match(shown, /吉医保联\[2025\]19号/);
  assert.match(shown, /官方媒体报道、政府网页的镜像或转引/);
  assert.match(shown, /big5\.cri\.cn/);
  // the add-on's own source tap says its grade in words
  assert.match(await text(page, '[data-testid="addon-ltc"] .yb-src summary'), /来源：官方媒体报道、政府网页的镜像或转引/);
  // no status: the year's hardship classes and what they pay
  const table = await text(page, '[data-testid="hardship-classes"]');
  assert.match(table, /定额资助/);
  assert.match(table, /全额资助/);
  await screenshot(page, 'year-2026');
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('choosing 2027 shows a projection with a banner; the link keeps the year', async () => {
  const { page, w } = await open('s=jilin-2016&r=jilin&c=urban_adult&cy=2026');
  await page.selectOption('select[name="cy"]', '2027');
  await page.waitForSelector('[data-testid="period"][data-status="projection"]');
  assert.match(await text(page, '[data-testid="premium"] [data-testid="stale-banner"]'), /最新有来源的医保年度为 2026/);
  assert.match(await page.evaluate(() => location.hash), /cy=2027/);
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('a year no source covers is refused, not answered with another year', async () => {
  const { page } = await open('s=jilin-2008&r=prefecture&c=adult&cy=2013');
  assert.equal(await page.locator('[data-testid="premium"] [data-code="year_not_sourced"]').count(), 1);
  assert.match(await text(page, '[data-testid="premium"] .yb-error'), /2008年我省暂按70元执行/);
  assert.equal(await page.locator('[data-testid="premium-individual"]').count(), 0);
  await page.close();
});

test('without a year the page shows the latest sourced year up to today, and a claim then carries a banner', async () => {
  const { page } = await open('s=jilin-2016&r=jilin&c=urban_adult');
  const cy = await page.locator('select[name="cy"]').inputValue();
  const now = new Date().getFullYear();
  const sourced = [2017, 2024, 2025, 2026, 2027].filter((y) => y <= now);
  assert.equal(Number(cy), sourced.includes(now) ? now : Math.max(...sourced));
  assert.match(await page.evaluate(() => location.hash), new RegExp(`cy=${cy}`));
  // the default stay falls in that year; the benefit figures rest on 2017-era assumptions
  assert.equal(await page.locator('input[name="date"]').inputValue(), `${cy}-07-01`);
  assert.match(await text(page, '[data-testid="claim"] [data-testid="stale-banner"]'), /2017/);
  await page.close();
});

test('a first visit shows a scheme with figures for today’s coverage year, and that year', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.origin}/`);
  await ready(page);
  const now = new Date().getFullYear();
  await pagePacks(page);
  const cat = await page.evaluate(async () => {
    const m = await import('/pkg/yibao.js');
    await m.default();
    return m.catalogue();
  });
  const current = cat.schemes.find((s) => s.years.some((y) => y.year === now && y.status !== 'not_found'));
  assert.equal(await page.locator('select[name="scheme"]').inputValue(), (current || cat.schemes[0]).id);
  if (current) {
    assert.equal(await page.locator('select[name="cy"]').inputValue(), String(now));
    assert.equal(await page.locator('[data-testid="premium"] .yb-error').count(), 0);
  }
  await page.close();
});
