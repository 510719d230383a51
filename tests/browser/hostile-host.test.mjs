// The widget inside a hostile portal page (issue 12): the host's classic script patches
// Number.prototype, Object.prototype, Array.prototype, Array.from, JSON, fetch and Response in
// broken ways before the widget loads, and its global CSS styles everything it can reach. The
// widget must answer exactly as in a clean page — same figures, same chart path, same computed
// styles inside the shadow root — under the strict CSP, with no error logged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, launch, watch, recordCspViolations, screenshot } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TYPES = { html: 'text/html; charset=utf-8', js: 'text/javascript', css: 'text/css' };

let server;
let browser;

before(async () => {
  server = await startServer({ csp: true });
  browser = await launch({ viewport: { width: 1024, height: 900 } });
  await recordCspViolations(browser.context);
  // The two host pages and the hostile files, served from tests/browser/hostile/ with the CSP.
  await browser.context.route('**/__host/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    route.fulfill({
      status: 200,
      body: readFileSync(path.join(here, 'hostile', name)),
      headers: { 'content-type': TYPES[name.split('.').pop()], 'content-security-policy': CSP },
    });
  });
});

after(async () => {
  await browser?.stop();
  await server?.stop();
});

/** Opens a host page and reads what the widget shows, from inside its shadow root. */
async function open(name, total) {
  const page = await browser.context.newPage();
  const w = watch(page);
  await page.goto(`${server.origin}/__host/${name}`);
  await page.waitForSelector('yibao-calculator[data-ready]', { timeout: 30000 });
  const widget = page.locator('yibao-calculator');
  await widget.locator('path.yb-line').waitFor({ state: 'attached', timeout: 30000 });
  await widget.locator('input[name="total"]').fill(total);
  await widget.locator('input[name="ownpay"]').fill('1000');
  await page.waitForFunction(
    (want) => {
      const r = document.querySelector('yibao-calculator').shadowRoot;
      return r.querySelector('[data-testid="claim-medfee_sumamt"] td')?.textContent === want;
    },
    `¥${total.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.00`,
    { timeout: 10000 },
  );
  const seen = await widget.evaluate((el) => {
    const r = el.shadowRoot;
    const text = (sel) => r.querySelector(sel)?.textContent ?? null;
    const style = (sel, props) => {
      const cs = getComputedStyle(r.querySelector(sel));
      const o = {};
      for (const p of props) o[p] = cs.getPropertyValue(p);
      return o;
    };
    const inherited = ['font-size', 'font-family', 'font-style', 'font-weight', 'line-height', 'color',
      'letter-spacing', 'word-spacing', 'text-align', 'text-transform', 'text-indent', 'white-space',
      'cursor', 'text-shadow', 'visibility', 'box-sizing'];
    return {
      premium: text('[data-testid="premium-individual"]'),
      fund: text('[data-testid="claim-hifp_pay"]'),
      you: text('[data-testid="claim-psn_part_amt"]'),
      path: r.querySelector('path.yb-line').getAttribute('d'),
      pathDisplay: getComputedStyle(r.querySelector('path.yb-line')).display,
      root: style('.yb', inherited),
      label: style('.yb-field label', inherited),
      card: style('.yb-card', ['padding-top', 'padding-left', 'margin-bottom', 'border-top-width', 'background-color']),
      heading: style('.yb-premium h3, .yb-premium h2', ['font-size', 'text-transform', 'color']),
      button: style('button.yb-copy-text', ['background-color', 'border-top-style', 'padding-left', 'min-height']),
      allText: r.textContent,
    };
  });
  const frames = await page.evaluate(() => document.querySelectorAll('iframe').length);
  return { page, w, seen, frames };
}

test('the widget in a hostile host answers as in a clean one, draws its chart and logs no error', async () => {
  const clean = await open('clean.html', '30000');
  const hostile = await open('host.html', '30000');
  const { seen } = hostile;
  assert.equal(await hostile.page.evaluate(() => window.__patched), true, 'the host patched its built-ins');
  assert.equal(await hostile.page.evaluate(() => (1.5).toFixed(1)), 'NaN', 'Number.prototype.toFixed is broken in the host');

  // The chart line is drawn, with real coordinates, and the same as in the clean page.
  assert.match(seen.path, /^M\d+(\.\d)?,\d+(\.\d)?( L\d+(\.\d)?,\d+(\.\d)?){10,}$/, seen.path);
  assert.doesNotMatch(seen.path, /NaN/);
  assert.equal(seen.path, clean.seen.path);
  assert.notEqual(seen.pathDisplay, 'none', "the host's svg rules do not reach the shadow root");

  // The same figures (the request was not read from Object.prototype).
  assert.match(seen.fund, /^¥[\d,]+\.\d\d$/);
  assert.equal(seen.premium, clean.seen.premium);
  assert.equal(seen.fund, clean.seen.fund);
  assert.equal(seen.you, clean.seen.you);
  assert.doesNotMatch(seen.allText, /HOSTILE|NaN|hostile/, 'nothing of the polluted prototypes shows');

  // None of the host's CSS leaks in: inherited properties, rem lengths, element rules.
  assert.deepEqual(seen.root, clean.seen.root);
  assert.deepEqual(seen.label, clean.seen.label);
  assert.deepEqual(seen.card, clean.seen.card);
  assert.deepEqual(seen.heading, clean.seen.heading);
  assert.deepEqual(seen.button, clean.seen.button);
  assert.equal(seen.root['font-size'], '16px');
  assert.equal(seen.card['padding-top'], '12px', 'lengths do not follow the host root font size');

  // The loader frame is gone; no CSP violation, no error in either page.
  assert.equal(hostile.frames, 0);
  await screenshot(hostile.page, 'hostile-host');
  for (const x of [clean, hostile]) {
    assert.deepEqual(await x.page.evaluate(() => window.__csp), []);
    assert.deepEqual(x.w.errors, []);
  }
});

test('the widget loads a policy file in a hostile host (the full module, fetched without fetch)', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await page.goto(`${server.origin}/__host/host.html`);
  await page.waitForSelector('yibao-calculator[data-ready]', { timeout: 30000 });
  const widget = page.locator('yibao-calculator');
  const toml = readFileSync(path.join(here, '..', 'policies', 'siping-city.toml'), 'utf8');
  await widget.locator('input[type="file"]').setInputFiles({ name: 'siping.toml', mimeType: 'text/plain', buffer: Buffer.from(toml) });
  await widget.locator('.yb-action-status').filter({ hasText: 'jilin-2008-siping-test' }).waitFor({ timeout: 30000 });
  assert.equal(await widget.locator('select[name="region"]').inputValue(), 'siping');
  assert.match(await widget.locator('[data-testid="premium-individual"]').innerText(), /^¥[\d,]+\.\d\d$/);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(w.errors, []);
});
