// Offline (issue 17): after a first visit the page works with the network gone — the service
// worker (sw.js) has the page, the engine and the pack of each scheme used — and a scheme whose
// pack was never fetched says it needs the network, as do the steps if they were never opened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, watch, ready, openExplanation } from './helpers.mjs';

const site = useSite();

async function cachedPacks(page) {
  return page.evaluate(async () => {
    const c = await caches.open('yibao-packs');
    return (await c.keys()).map((r) => r.url.split('/').pop());
  });
}

test('after a first visit the page works offline; a pack never fetched needs the network', async () => {
  const ctx = site.browser.context;
  const page = await ctx.newPage();
  const w = watch(page);
  const hash = '#s=jilin-2008&r=prefecture&c=adult&p=2008-05-01&k=inpatient&l=city&d=2008-10-01&t=50000&o=2000';
  await page.goto(`${site.server.origin}/${hash}`);
  await ready(page);
  await page.waitForSelector('body[data-offline="1"]', { timeout: 30000 });
  // the steps opened once: the explaining module is kept too
  await openExplanation(page);
  const fund = await page.locator('[data-testid="claim-hifp_pay"]').innerText();
  for (let i = 0; i < 100 && !(await cachedPacks(page)).some((n) => n.startsWith('jilin-2008.')); i += 1) await page.waitForTimeout(100);
  assert.ok((await cachedPacks(page)).some((n) => n.startsWith('jilin-2008.')), 'the pack used is cached');
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    for (const k of keys) {
      const c = await caches.open(k);
      if ((await c.keys()).some((r) => r.url.endsWith('/pkg/yibao_bg.wasm'))) return true;
    }
    return false;
  }, null, { timeout: 30000, polling: 200 });

  await ctx.setOffline(true);
  try {
    const off = await ctx.newPage();
    const w2 = watch(off);
    await off.goto(`${site.server.origin}/${hash}`);
    await ready(off);
    assert.equal(await off.locator('[data-testid="claim-hifp_pay"]').innerText(), fund);
    await openExplanation(off);
    // a scheme whose pack this browser never fetched
    await off.locator('select[name="scheme"]').selectOption('jiaxing-2008');
    const box = off.locator('[data-testid="pack-error"]');
    await box.waitFor({ timeout: 30000 });
    assert.equal(await box.locator('.yb-error').getAttribute('data-code'), 'pack_unavailable');
    assert.match(await box.innerText(), /需要联网/);
    // back to the scheme used: it works
    await off.locator('select[name="scheme"]').selectOption('jilin-2008');
    await off.waitForSelector('[data-testid="premium-individual"]', { timeout: 30000 });
    assert.deepEqual(w2.errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)), []);
    await off.close();
  } finally {
    await ctx.setOffline(false);
  }
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('offline, the steps never opened say they need the network; the figures stand', async () => {
  // a fresh browser profile: its first visit never opens the steps
  const { launch } = await import('./helpers.mjs');
  const b = await launch();
  try {
    const page = await b.context.newPage();
    await page.goto(`${site.server.origin}/#s=jilin-2008&r=prefecture&c=adult&k=inpatient&l=city&d=2008-10-01&t=50000&o=2000`);
    await ready(page);
    await page.waitForSelector('body[data-offline="1"]', { timeout: 30000 });
    for (let i = 0; i < 100 && !(await cachedPacks(page)).length; i += 1) await page.waitForTimeout(100);
    await b.context.setOffline(true);
    await page.reload();
    await ready(page);
    await page.locator('[data-testid="claim"] details.yb-explain summary').click();
    const err = page.locator('[data-testid="claim"] details.yb-explain .yb-error');
    await err.waitFor({ timeout: 30000 });
    assert.equal(await err.getAttribute('data-code'), 'explain_unavailable');
    assert.match(await err.innerText(), /需要联网/);
    assert.match(await page.locator('[data-testid="claim-hifp_pay"]').innerText(), /¥[\d,]+\.\d\d/);
  } finally {
    await b.stop();
  }
});

test('the next visit to a new version keeps the packs its catalogue names and drops the others', async () => {
  const { launch, startServer, DIST } = await import('./helpers.mjs');
  const { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = (await import('node:path')).default;
  // a copy of the site, so that a new version can be deployed over it
  const dir = mkdtempSync(path.join(tmpdir(), 'yibao-site-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await startServer({ dir });
  const b = await launch();
  try {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/#s=jilin-2008&r=prefecture&c=adult`);
    await ready(page);
    await page.waitForSelector('body[data-offline="1"]', { timeout: 30000 });
    for (let i = 0; i < 100 && !(await cachedPacks(page)).length; i += 1) await page.waitForTimeout(100);
    const kept = await cachedPacks(page);
    assert.equal(kept.length, 1);
    // a pack an earlier catalogue named, left in the cache
    await page.evaluate(async () => {
      const c = await caches.open('yibao-packs');
      await c.put(new Request('/packs/jilin-2008.000000000000.pack'), new Response(new Uint8Array([1, 2, 3])));
    });
    assert.equal((await cachedPacks(page)).length, 2);
    // a new version is deployed (another sw.js); the next visit installs it, and it prunes
    const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
    writeFileSync(path.join(dir, 'sw.js'), sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "next$1"'));
    await page.reload();
    await ready(page);
    await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('yibao-next')), null, { timeout: 30000, polling: 200 });
    for (let i = 0; i < 100 && (await cachedPacks(page)).length > 1; i += 1) await page.waitForTimeout(100);
    assert.deepEqual(await cachedPacks(page), kept);
    assert.ok(!(await page.evaluate(() => caches.keys())).some((k) => /^yibao-[0-9a-f]{16}$/.test(k)), 'the old version’s cache is gone');
  } finally {
    await b.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
