// axe-core on the page (Chinese and English, with results and errors showing) and the demo host.
// Served without the CSP header and with bypassCSP, since axe is injected as a script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launch, ROOT } from './helpers.mjs';

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
let server;
let browser;

before(async () => {
  server = await startServer({ csp: false });
  browser = await launch({ bypassCSP: true });
});

after(async () => {
  await browser?.stop();
  await server?.stop();
});

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const r = await page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return r;
}

const pages = [
  ['index, Chinese', '/#s=jilin-2008&r=prefecture&c=adult&p=2008-05-01&k=inpatient&l=city&d=2008-10-01&t=50000&o=2000&y=inpatient~city~2008-09-01~30000~0~'],
  ['index, English', '/#lang=en&s=jilin-2008&r=changchun&c=student_child&k=inpatient&l=county&d=2008-10-01&t=8000&o=0'],
  ['index, bad input and not eligible', '/#s=jilin-2008&r=prefecture&c=adult&st=employee_insured&k=inpatient&l=city&d=2008-10-01&t=abc&o=0'],
  ['index, scheme without benefits', '/#s=jiangsu-2007'],
];

for (const [name, url] of pages) {
  test(`axe: ${name}`, async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}${url}`);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
    if (await page.locator('details').count()) {
      await page.locator('details').first().evaluate((d) => { d.open = true; });
    }
    const v = await axe(page);
    assert.deepEqual(v, [], JSON.stringify(v, null, 1));
    await page.close();
  });
}

test('axe: demo host page with the widget', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/demo-host.html`);
  await page.waitForSelector('yibao-calculator[data-ready]', { timeout: 30000 });
  await page.waitForFunction(() => Number(document.getElementById('frame').getAttribute('height')) > 600, null, { timeout: 30000 });
  const v = await axe(page);
  assert.deepEqual(v, [], JSON.stringify(v, null, 1));
  await page.close();
});

test('axe: the city picker open, and the policy editor page with a finding and its preview', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  await page.locator('[data-key="city"]').click();
  await page.locator('[data-key="city"]').pressSequentially('sp');
  await page.locator('.yb-picker [role="option"]').first().waitFor({ timeout: 10000 });
  await page.keyboard.press('ArrowDown');
  let v = await axe(page);
  assert.deepEqual(v, [], JSON.stringify(v, null, 1));

  await page.goto(`${server.origin}/editor.html`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  await page.locator('#figures tbody input[inputmode="decimal"]').first().fill('5');
  await page.waitForFunction(() => document.querySelector('#findings li'), null, { timeout: 10000 });
  v = await axe(page);
  assert.deepEqual(v, [], JSON.stringify(v, null, 1));
  await page.close();
});
