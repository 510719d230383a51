// On a phone (390 px wide) the key figures stay in view next to the inputs that change them
// (issue 12): the summary bar shows what you pay this year and what this bill costs you while the
// first field, and later the bill's fields, are on screen; it follows each change; and it equals
// the full results further down. Screenshots: tests/browser/screenshots/phone-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, watch, recordCspViolations, ready, SHOTS } from './helpers.mjs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const VIEW = { width: 390, height: 844 };
let server;
let browser;

before(async () => {
  server = await startServer({ csp: true });
  browser = await launch({ viewport: VIEW, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await recordCspViolations(browser.context);
});

after(async () => {
  await browser?.stop();
  await server?.stop();
});

/** The element's box relative to the viewport. */
const box = (loc) => loc.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
});
const inView = (b) => b.top >= 0 && b.bottom <= VIEW.height && b.left >= 0 && b.right <= VIEW.width;

async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) }); // the viewport: what the phone shows
}

test('phone: the summary is in view with the first field and with the bill, and follows the inputs', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await page.goto(`${server.origin}/#s=jilin-2008&r=prefecture&c=adult&k=inpatient&l=city&d=2008-10-01&t=50000&o=2000&p=2008-05-01`);
  await ready(page);
  assert.equal(await page.evaluate(() => window.innerWidth), 390);
  const summary = page.locator('[data-testid="summary"]');

  // At the top: the first field and the summary are both on screen; the full results are not.
  const first = page.locator('select[name="scheme"]');
  assert.ok(inView(await box(first)), 'first field on screen');
  assert.ok(inView(await box(summary)), `summary on screen: ${JSON.stringify(await box(summary))}`);
  const results = await box(page.locator('[data-testid="premium"]'));
  assert.ok(results.top > VIEW.height, `the full results start below the screen (${results.top})`);
  assert.equal(await summary.locator('[data-testid="summary-premium"]').innerText(), await page.locator('[data-testid="premium-individual"]').innerText());
  assert.equal(await summary.locator('[data-testid="summary-you"]').innerText(), '¥25,300.00');
  // The summary does not cover the field it sits above.
  const s0 = await box(summary);
  assert.ok((await box(first)).bottom <= s0.top, 'the first field is not under the summary');
  await shot(page, 'phone-top');

  // Scrolled to the bill: its total field and the summary are on screen together.
  const total = page.locator('input[name="total"]');
  await total.scrollIntoViewIfNeeded();
  await total.fill('30000');
  await page.waitForFunction(() => document.querySelector('[data-testid="summary-you"]').textContent !== '¥25,300.00', null, { timeout: 10000 });
  assert.ok(inView(await box(total)), 'total field on screen');
  assert.ok(inView(await box(summary)), 'summary on screen while editing the bill');
  const you = await page.locator('[data-testid="claim-psn_part_amt"]').innerText();
  assert.equal(await summary.locator('[data-testid="summary-you"]').innerText(), you);
  await shot(page, 'phone-bill');

  // A category change moves the premium in the summary too.
  await page.locator('select[name="category"]').selectOption('student_child');
  await page.waitForFunction(() => document.querySelector('[data-testid="summary-premium"]').textContent === document.querySelector('[data-testid="premium-individual"]').textContent, null, { timeout: 10000 });

  assert.match(await page.evaluate(() => location.hash), /t=30000/);

  // Nothing is wider than the phone.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(w.errors, []);
});

test('phone: the widget keeps its summary in view too', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await page.goto(`${server.origin}/demo-host.html`);
  await page.waitForSelector('yibao-calculator[data-ready]', { timeout: 30000 });
  const widget = page.locator('yibao-calculator');
  const total = widget.locator('input[name="total"]');
  await total.scrollIntoViewIfNeeded();
  const summary = widget.locator('[data-testid="summary"]');
  assert.ok(inView(await box(total)), 'total field on screen');
  assert.ok(inView(await box(summary)), `summary on screen: ${JSON.stringify(await box(summary))}`);
  assert.equal(await summary.locator('[data-testid="summary-you"]').innerText(), await widget.locator('[data-testid="claim-psn_part_amt"]').innerText());
  await shot(page, 'phone-widget');
  assert.deepEqual(w.errors, []);
});
