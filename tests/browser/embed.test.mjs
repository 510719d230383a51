// The embeddings: <yibao-calculator> in the demo host page, and the iframe that reports its height.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, watch, recordCspViolations, screenshot, pagePacks } from './helpers.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ csp: true });
  browser = await launch({ viewport: { width: 1024, height: 900 } });
  await recordCspViolations(browser.context);
  await browser.context.addInitScript(() => {
    window.__heights = [];
    window.addEventListener('message', (e) => {
      if (e.data && e.data.type === 'yibao:height') window.__heights.push(e.data.height);
    });
  });
});

after(async () => {
  await browser?.stop();
  await server?.stop();
});

function yuan(s) {
  const [i, f = ''] = String(s).split('.');
  return `¥${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(f + '00').slice(0, 2)}`;
}

test('the widget and the iframe work inside the demo host page', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await page.goto(`${server.origin}/demo-host.html`);
  const widget = page.locator('yibao-calculator');
  await page.waitForSelector('yibao-calculator[data-ready]', { timeout: 30000 });
  // Preset by attributes (shadow DOM is pierced by locators).
  assert.equal(await widget.locator('select[name="region"]').inputValue(), 'changchun');
  assert.equal(await widget.locator('select[name="category"]').inputValue(), 'adult');
  // The portal's hostile CSS does not reach inside.
  const bg = await widget.locator('button.yb-copy-text').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(bg, 'rgb(138, 28, 28)', 'accent attribute applied, portal CSS kept out');
  // Figures equal the engine.
  await widget.locator('input[name="total"]').fill('30000');
  await widget.locator('input[name="ownpay"]').fill('0');
  await page.waitForTimeout(450);
  const state = await widget.evaluate((el) => ({ ...el.calculator.state }));
  await pagePacks(page);
  const api = await page.evaluate(async (st) => {
    const m = await import('/pkg/yibao.js');
    await m.default();
    return m.claim({
      person: { scheme: st.scheme, region: st.region, category: st.category, statuses: st.statuses },
      claim: { kind: st.kind, level: st.level, date: st.date, medfee_sumamt: '30000', fulamt_ownpay_amt: '0' },
    });
  }, state);
  assert.equal(await widget.locator('[data-testid="claim-psn_part_amt"]').innerText(), yuan(api.psn_part_amt));
  assert.equal(await widget.locator('[data-testid="claim-hifp_pay"]').innerText(), yuan(api.hifp_pay));
  // The widget never touches the host's URL.
  assert.equal(await page.evaluate(() => location.hash), '');

  // The iframe reports its height and the host resizes it.
  const frame = page.locator('#frame');
  await page.waitForFunction(() => window.__heights.length > 0, null, { timeout: 30000 });
  await page.waitForFunction(() => Number(document.getElementById('frame').getAttribute('height')) > 600, null, { timeout: 30000 });
  const h1 = Number(await frame.getAttribute('height'));
  const heights = await page.evaluate(() => window.__heights);
  assert.ok(heights.includes(h1), `frame height ${h1} is a reported one (${heights})`);
  const box = await frame.boundingBox();
  assert.ok(Math.abs(box.height - h1) <= 4, `rendered ${box.height} vs ${h1}`);
  // Making the frame's content taller resizes it again.
  const inner = page.frameLocator('#frame');
  await inner.getByRole('button', { name: /添加一次/ }).click();
  await inner.getByRole('button', { name: /添加一次/ }).click();
  await page.waitForFunction((prev) => Number(document.getElementById('frame').getAttribute('height')) > prev, h1, { timeout: 10000 });
  assert.ok(Number(await frame.getAttribute('height')) > h1);
  assert.match(await inner.locator('[data-testid="premium-individual"]').innerText(), /^¥/);

  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  for (const f of page.frames()) assert.deepEqual(await f.evaluate(() => window.__csp || []), []);
  assert.deepEqual(w.errors, []);
  assert.deepEqual(w.requests.filter((u) => !u.startsWith(`${server.origin}/`)), []);
  await screenshot(page, 'desktop-demo-host');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await screenshot(page, 'phone-demo-host');
  await page.close();
});
