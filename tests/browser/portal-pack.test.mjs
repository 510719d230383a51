// A portal's own figures at pack cost (issue 17): the pack `yibao pack` writes for a city file,
// served by the portal and named in `<yibao-calculator policy-pack="…">` (or handed to the element
// as bytes), is the widget's only scheme — with no built-in pack and no full module fetched — and
// answers as the CLI does with the same file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, useSite, watch } from './helpers.mjs';

const site = useSite();
let tmp;
let pack;
const bin = path.join(ROOT, process.env.CARGO_TARGET_DIR || 'target', 'debug', 'yibao');

before(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'yibao-portal-'));
  // the README's "adding a city" file, as a portal team would write it
  writeFileSync(path.join(tmp, 'siping.toml'), readFileSync(path.join(ROOT, 'tests/policies/siping-city.toml')));
  spawnSync('cargo', ['build', '-q', '--bin', 'yibao'], { cwd: ROOT, stdio: 'inherit' });
  const r = spawnSync(bin, ['pack', 'siping.toml', '--out', 'out', '--json'], { cwd: tmp, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const w = JSON.parse(r.stdout)[0];
  pack = { name: w.file, bytes: readFileSync(path.join(tmp, w.path)) };
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const cliPremium = () => {
  const r = spawnSync(bin, ['premium', '--policy', 'siping.toml', '--scheme', 'jilin-2008', '--region', 'siping', '--category', 'adult', '--json'], { cwd: tmp, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
};

/** "160" → "¥160.00". */
const yuan = (v) => {
  const [i, f = ''] = String(v).split('.');
  return `¥${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(f + '00').slice(0, 2)}`;
};

/** A host page under /portal/ serving `html`, and the pack beside it. */
async function portal(page, html, bytes = pack.bytes) {
  await page.route('**/portal/index.html', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><title>portal</title>${html}` }));
  await page.route(`**/portal/${pack.name}`, (route) => route.fulfill({ contentType: 'application/octet-stream', body: bytes }));
  await page.goto(`${site.server.origin}/portal/index.html`);
}

test('policy-pack: the portal’s scheme is the only one, answering as the CLI does with its file', async () => {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  await portal(page, `<script type="module" src="/widget.js"></script><yibao-calculator region="siping" policy-pack="/portal/${pack.name}"></yibao-calculator>`);
  const el = page.locator('yibao-calculator');
  await page.waitForSelector('yibao-calculator[data-ready]', { timeout: 30000 });
  await el.locator('[data-testid="premium-individual"]').waitFor({ timeout: 30000 });
  assert.deepEqual(await el.locator('select[name="scheme"] option').evaluateAll((os) => os.map((o) => o.value)), ['jilin-2008']);
  assert.ok((await el.locator('select[name="region"] option').evaluateAll((os) => os.map((o) => o.value))).includes('siping'));
  assert.equal(await el.locator('select[name="region"]').inputValue(), 'siping');
  assert.equal(await el.locator('[data-testid="premium-individual"]').innerText(), yuan(cliPremium().individual));
  // the widget and the portal's pack only: no built-in pack, no full module
  assert.deepEqual(w.requests.filter((u) => u.includes('/packs/') || u.includes('/pkg/full/')), []);
  assert.ok(w.requests.some((u) => u.endsWith(`/portal/${pack.name}`)));
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('policy-pack from script: the bytes as a Uint8Array; a damaged pack is an error, not a figure', async () => {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  await portal(page, '<script type="module" src="/widget.js"></script><div id="host"></div>');
  await page.waitForFunction(() => customElements.get('yibao-calculator'));
  const bytes = [...pack.bytes];
  await page.evaluate((b) => {
    const el = document.createElement('yibao-calculator');
    el.policyPack = new Uint8Array(b);
    el.setAttribute('region', 'siping');
    document.getElementById('host').append(el);
  }, bytes);
  const el = page.locator('yibao-calculator');
  await el.locator('[data-testid="premium-individual"]').waitFor({ timeout: 30000 });
  assert.equal(await el.locator('[data-testid="premium-individual"]').innerText(), yuan(cliPremium().individual));
  assert.deepEqual(w.requests.filter((u) => u.includes('/packs/') || u.includes('/pkg/full/')), []);
  await page.close();

  const bad = await site.browser.context.newPage();
  const damaged = Buffer.from(pack.bytes);
  damaged[100] ^= 1;
  await portal(bad, `<script type="module" src="/widget.js"></script><yibao-calculator policy-pack="/portal/${pack.name}"></yibao-calculator>`, damaged);
  const err = bad.locator('yibao-calculator .yb-error');
  await err.waitFor({ timeout: 30000 });
  assert.equal(await err.getAttribute('data-code'), 'pack_invalid');
  assert.equal(await bad.locator('yibao-calculator [data-testid="premium"]').count(), 0);
  await bad.close();
});
