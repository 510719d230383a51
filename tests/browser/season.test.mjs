// The family and the collection season on the page (issue 18): the household, 与上年相比, when to
// pay with its calendar file, the short answers to read out and send, the call-centre keys and
// layout, and the large-text mode — checked with axe-core in both modes and at 200 % zoom at
// 390 px (a 195 px wide viewport).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launch, watch, ready, ROOT } from './helpers.mjs';

// served without the CSP header and with bypassCSP, since axe is injected as a script
const site = { server: null, browser: null };
before(async () => {
  site.server = await startServer({ csp: false });
  site.browser = await launch({ bypassCSP: true });
});
after(async () => {
  await site.browser?.stop();
  await site.server?.stop();
});
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

const JILIN = 's=jilin-2016&r=jilin&c=urban_adult&cy=2026';
const FAMILY = 'm=urban_adult|urban_adult|student_child|urban_adult~dibao';

async function open(frag, { width = 390, height = 844 } = {}) {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width, height });
  const w = watch(page);
  await page.goto(`${site.server.origin}/#${frag}`);
  await ready(page);
  return { page, w };
}

/** The text the copy buttons put together (the fallback box holds it whether or not the
 *  clipboard answered). */
async function copied(page, which) {
  await page.locator(`.yb-qpanel .yb-copy-${which}`).click();
  await page.waitForFunction(() => document.querySelector('.yb-qpanel .yb-copy-fallback')?.value, null, { timeout: 5000 });
  return page.locator('.yb-qpanel .yb-copy-fallback').inputValue();
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

test('household: four members, the total, who pays what; members added and removed, kept in the link', async () => {
  const { page, w } = await open(`${JILIN}&q=household&${FAMILY}`);
  const hh = page.locator('[data-testid="household"]');
  await hh.locator('[data-testid="hh-total"]').waitFor({ timeout: 30000 });
  // 3 × (400 + 10 长护险) + (250 + 10): each member's own premium answer, summed (tests/household.rs)
  assert.equal(await hh.locator('[data-testid="hh-total"]').innerText(), '¥1,490.00');
  assert.equal(await hh.locator('[data-testid="hh-own-3"]').innerText(), '¥250.00');
  assert.equal(await hh.locator('[data-testid="hh-aid-3"]').innerText(), '¥150.00');
  assert.equal(await hh.locator('[data-testid="hh-subsidy"]').innerText(), '¥2,800.00');
  assert.match(await hh.locator('[data-testid="hh-table"] tr[data-member="0"]').innerText(), /2025·B·J3/);
  // a fifth member: a pupil with 特困 pays nothing, and the answer says why
  await hh.locator('[data-key="add-member"]').click();
  await page.locator('[data-key="m4-category"]').selectOption('student_child');
  await page.locator('[data-member="4"] .yb-statuses summary').click();
  await page.locator('[data-key="m4-tekun_support"]').check();
  await page.waitForFunction(() => document.querySelector('[data-testid="hh-total"]')?.textContent === '¥1,500.00', null, { timeout: 5000 });
  assert.match(await page.locator('[data-testid="hh-why"]').innerText(), /特困人员（全额资助）/);
  assert.match(decodeURIComponent(page.url()), /m=urban_adult\|urban_adult\|student_child\|urban_adult~dibao\|student_child~tekun_support/);
  // the link reproduces it
  const again = await site.browser.context.newPage();
  await again.goto(page.url());
  await ready(again);
  await again.locator('[data-testid="hh-total"]').waitFor({ timeout: 30000 });
  assert.equal(await again.locator('[data-testid="hh-total"]').innerText(), '¥1,500.00');
  await again.close();
  // removing the first member
  await page.locator('[data-key="m0-remove"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="hh-total"]')?.textContent === '¥1,090.00', null, { timeout: 5000 });
  // an unknown category in the link: an error naming the member, no partial answer
  await page.goto(`${site.server.origin}/#${JILIN}&q=household&m=urban_adult|pensioner`);
  await page.locator('[data-testid="household"] .yb-error').waitFor({ timeout: 30000 });
  assert.equal(await page.locator('[data-testid="household"] .yb-error').getAttribute('data-field'), 'members[1].category');
  assert.equal(await page.locator('[data-testid="hh-total"]').count(), 0);
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('与上年相比: 2025 → 2026 for a Jilin adult, both years sourced; 2023 says it has no source', async () => {
  const { page, w } = await open(`${JILIN}&q=diff&df=2025`);
  const t = page.locator('[data-testid="diff-table"]');
  await t.waitFor({ timeout: 30000 });
  const sub = await t.locator('tr[data-line="payer_government"]').innerText();
  assert.match(sub, /¥670\.00[\s\S]*2024·B·下限·N3[\s\S]*¥700\.00[\s\S]*2025·A\/B·下限·N4[\s\S]*\+¥30\.00/);
  const ind = await t.locator('tr[data-line="individual"]').innerText();
  assert.match(ind, /¥400\.00[\s\S]*2025·A·J1[\s\S]*¥400\.00[\s\S]*2025·B·J3[\s\S]*不变/);
  assert.equal(await page.locator('[data-testid="diff-sources-2025"] li[data-source="J1"]').count(), 1);
  assert.equal(await page.locator('[data-testid="diff-sources-2026"] li[data-source="J3"]').count(), 1);
  const short = await copied(page, 'short');
  const [first, link] = short.split('\n');
  assert.ok([...first].length <= 140, first);
  assert.match(first, /670\.00→¥700\.00/);
  assert.match(link, /^链接：http.*df=2025/);
  // a year without a source: said, not compared
  await page.locator('[data-key="df"]').selectOption('2023');
  await page.locator('[data-testid="diff-unsourced-2023"]').waitFor({ timeout: 5000 });
  assert.match(await page.locator('[data-testid="diff-unsourced-2023"]').innerText(), /有来源的医保年度/);
  assert.match(await page.locator('tr[data-line="individual"]').innerText(), /没有来源[\s\S]*—/);
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('何时缴费: the window, three choices and the bill in each, the .ics with the last day', async () => {
  const bill = 'k=inpatient&l=province&d=2026-04-01&t=50000&o=0';
  const { page, w } = await open(`${JILIN}&${bill}&q=decision&td=2026-03-10&pd=2026-02-20`);
  const t = page.locator('[data-testid="dc-table"]');
  await t.waitFor({ timeout: 30000 });
  assert.match(await page.locator('[data-testid="dc-window"]').innerText(), /2025-11-01 — 2026-02-28（已过 10 天）/);
  assert.equal(await page.locator('[data-testid="dc-from-today"]').innerText(), '2026-06-10');
  assert.equal(await page.locator('[data-testid="dc-cost-today"]').innerText(), '¥50,000.00');
  assert.equal(await page.locator('[data-testid="dc-from-chosen"]').innerText(), '2026-01-01');
  assert.equal(await page.locator('[data-testid="dc-cost-chosen"]').innerText(), '¥16,925.00');
  assert.equal(await page.locator('[data-testid="dc-cost-none"]').innerText(), '¥50,000.00');
  // the calendar file, built in the browser
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="dc-ics"]').click()]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const ics = Buffer.concat(chunks).toString('utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /\r\nDTSTART;VALUE=DATE:20260228\r\nDTEND;VALUE=DATE:20260301\r\n/);
  assert.match(ics, /SUMMARY:城乡居民医保 2026 年度集中缴费期最后一天/);
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
  // the short answer and the link that reproduces it, with today fixed
  const short = await copied(page, 'short');
  const [first, link] = short.split('\n');
  assert.ok([...first].length <= 140, first);
  assert.match(first, /2026-06-10起享受待遇/);
  assert.match(link, /td=2026-03-10/);
  const full = await copied(page, 'full');
  assert.match(full, /不在集中缴费期内，等待期 3 个月/);
  // without td=, today is the browser's date
  await page.goto(`${site.server.origin}/#${JILIN}&q=decision`);
  await page.locator('[data-testid="dc-table"]').waitFor({ timeout: 30000 });
  const browserToday = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  assert.match(await page.locator('[data-testid="decision"]').innerText(), new RegExp(`今天 ${browserToday}`));
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('household short answer: ≤ 140 characters and the link that reproduces it', async () => {
  const { page } = await open(`${JILIN}&q=household&${FAMILY}`);
  await page.locator('[data-testid="hh-total"]').waitFor({ timeout: 30000 });
  const [first, link] = (await copied(page, 'short')).split('\n');
  assert.ok([...first].length <= 140, first);
  assert.match(first, /一家4人共缴¥1,490\.00/);
  const url = link.replace(/^链接：/, '');
  const again = await site.browser.context.newPage();
  await again.goto(url);
  await ready(again);
  await again.locator('[data-testid="hh-total"]').waitFor({ timeout: 30000 });
  assert.equal(await again.locator('[data-testid="hh-total"]').innerText(), '¥1,490.00');
  await again.close();
  const full = await copied(page, 'full');
  assert.match(full, /4\. 城镇居民（成年，原城镇居民医保缴费档） · 城乡低保对象：个人缴费 ¥250\.00/);
  assert.match(full, /\[J3\] 吉医保联\[2025\]19号/);
  await page.close();
});

test('call-centre keys and layout: one keystroke per question, keyboard only', async () => {
  const { page, w } = await open(`${JILIN}&${FAMILY}`, { width: 1280, height: 900 });
  await page.locator('[data-testid="season"]').waitFor({ timeout: 30000 });
  // outside a field, 4 opens 与上年相比, 3 the household, 5 when to pay
  await page.locator('body').press('4');
  await page.locator('[data-testid="diff-table"]').waitFor({ timeout: 30000 });
  await page.keyboard.press('3');
  await page.locator('[data-testid="hh-total"]').waitFor({ timeout: 10000 });
  // inside a field, Alt+Shift+5
  await page.locator('[data-key="m0-category"]').focus();
  await page.keyboard.press('Alt+Shift+Digit5');
  await page.locator('[data-testid="dc-table"]').waitFor({ timeout: 10000 });
  // 1 goes to the premium card
  await page.locator('body').press('1');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'premium');
  // the layout: form and answers side by side at desktop width, kept in the link
  await page.locator('[data-key="cc"]').press('Enter');
  await page.waitForFunction(() => document.querySelector('.yb')?.classList.contains('yb-cc'), null, { timeout: 5000 });
  assert.match(page.url(), /cc=1/);
  const form = await page.locator('.yb-form').boundingBox();
  const results = await page.locator('.yb-results').boundingBox();
  assert.ok(form.x + form.width <= results.x + 1, JSON.stringify({ form, results }));
  assert.ok(results.y < form.y + form.height, 'the answers sit beside the form, not below it');
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('large text: 18 px text, 24 px figures, toggled on the page and kept in the link', async () => {
  const { page } = await open(`${JILIN}&q=household&${FAMILY}`);
  await page.locator('[data-testid="hh-total"]').waitFor({ timeout: 30000 });
  await page.locator('[data-key="lg"]').click();
  await page.waitForFunction(() => document.querySelector('.yb')?.classList.contains('yb-large'), null, { timeout: 5000 });
  assert.match(page.url(), /lg=1/);
  assert.equal(await page.locator('[data-key="lg"]').getAttribute('aria-pressed'), 'true');
  await page.locator('[data-testid="hh-total"]').waitFor({ timeout: 30000 });
  const sizes = await page.evaluate(() => {
    const small = [];
    for (const el of document.querySelectorAll('.yb *')) {
      if (el.closest('svg') || !el.checkVisibility()) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (own && parseFloat(getComputedStyle(el).fontSize) < 18) small.push(`${el.tagName}.${el.className}`);
    }
    const figs = [...document.querySelectorAll('.yb .yb-amount, .yb .yb-num')].map((el) => parseFloat(getComputedStyle(el).fontSize));
    return { small, minFig: Math.min(...figs), figs: figs.length };
  });
  assert.deepEqual(sizes.small, []);
  assert.ok(sizes.figs > 10 && sizes.minFig >= 24, JSON.stringify(sizes));
  await page.close();
});

for (const [name, frag, width] of [
  ['normal text, household', `${JILIN}&q=household&${FAMILY}`, 390],
  ['large text, diff', `${JILIN}&lg=1&q=diff&df=2025`, 390],
  ['large text at 200 % zoom (195 px), decision', `${JILIN}&lg=1&q=decision&td=2026-03-10&k=inpatient&l=province&d=2026-04-01&t=50000&o=0`, 195],
  ['large text at 200 % zoom (195 px), household', `${JILIN}&lg=1&q=household&${FAMILY}`, 195],
]) {
  test(`axe: ${name}`, async () => {
    const { page } = await open(frag, { width, height: 844 });
    await page.locator('.yb-qpanel .yb-copy-short').waitFor({ timeout: 30000 });
    const v = await axe(page);
    assert.deepEqual(v, [], JSON.stringify(v, null, 1));
    // nothing wider than the screen but the tables' own scroll boxes
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= width + 1, `page is ${wide} px wide at ${width}`);
    await page.close();
  });
}
