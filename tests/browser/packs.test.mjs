// Policy packs in the widget (issue 17): the page fetches the pack of the scheme it shows (the
// default one beside the engine), another scheme's pack when it is chosen, and a pack that is
// damaged, not the one the catalogue names, written for a newer engine or not reachable is a
// bilingual error with a retry — never a wrong figure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useSite, watch, ready, DIST } from './helpers.mjs';

const site = useSite();
const CATALOGUE = (await import(pathToFileURL(path.join(DIST, 'catalogue.js')).href)).default;
const packOf = (id) => {
  const row = CATALOGUE.find((r) => r[0] === id);
  return { file: `${id}.${row[6]}.pack`, hash: row[6] };
};
const bytesOf = (id) => readFileSync(path.join(DIST, 'packs', packOf(id).file));

/** FNV-1a 64 over `b`, as the engine seals a pack (src/engine/pack.rs). */
function reseal(b) {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < b.length - 8; i += 1) h = ((h ^ BigInt(b[i])) * 0x100000001b3n) & 0xffffffffffffffffn;
  for (let i = 0; i < 8; i += 1) b[b.length - 8 + i] = Number((h >> BigInt(8 * i)) & 0xffn);
  return b;
}

const packRequests = (w) => w.requests.filter((u) => u.includes('/packs/')).map((u) => u.split('/packs/')[1]);

test('the default scheme’s pack comes with the engine; another scheme’s when it is chosen', async () => {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  await page.goto(`${site.server.origin}/`);
  await ready(page);
  const first = await page.locator('select[name="scheme"]').inputValue();
  assert.deepEqual(packRequests(w), [packOf(first).file], 'only the shown scheme’s pack');
  const other = first === 'jilin-2008' ? 'jiaxing-2008' : 'jilin-2008';
  await page.locator('select[name="scheme"]').selectOption(other);
  await page.waitForSelector('[data-testid="premium-individual"]', { timeout: 15000 });
  assert.equal(await page.locator('select[name="scheme"]').inputValue(), other);
  assert.deepEqual(packRequests(w), [packOf(first).file, packOf(other).file]);
  // back to the first: already in the engine, nothing fetched
  await page.locator('select[name="scheme"]').selectOption(first);
  await page.waitForSelector('[data-testid="premium-individual"]', { timeout: 15000 });
  assert.equal(packRequests(w).length, 2);
  assert.deepEqual(w.errors, []);
  await page.close();
});

/** Opens jilin-2008 with its pack answered by `fulfil(route)`; returns the page and its error box. */
async function failing(fulfil) {
  const page = await site.browser.context.newPage();
  const w = watch(page);
  const { file } = packOf('jilin-2008');
  // what an earlier page of this browser kept for offline use (sw.js) would stand in for a pack
  // the network fails to give: start without it
  const cdp = await site.browser.context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: site.server.origin, storageTypes: 'cache_storage,service_workers' });
  let served = 0;
  await page.route(`**/packs/${file}`, (route) => {
    served += 1;
    return fulfil(route, served);
  });
  await page.goto(`${site.server.origin}/#s=jilin-2008&r=prefecture&c=adult`);
  const box = page.locator('[data-testid="pack-error"]');
  await box.waitFor({ timeout: 15000 });
  return { page, w, box, file };
}

async function retryWorks(page, file) {
  await page.unroute(`**/packs/${file}`);
  await page.locator('.yb-retry').click();
  await page.waitForSelector('[data-testid="premium-individual"]', { timeout: 15000 });
  assert.equal(await page.locator('[data-testid="pack-error"]').count(), 0);
}

test('a damaged pack is an error with a retry, and the retry loads it', async () => {
  const b = bytesOf('jilin-2008');
  b[b.length >> 1] ^= 0x20;
  const { page, w, box, file } = await failing((route) => route.fulfill({ body: b, contentType: 'application/octet-stream' }));
  assert.equal(await box.locator('.yb-error').getAttribute('data-code'), 'pack_invalid');
  assert.match(await box.innerText(), /政策包已损坏/);
  assert.equal(await page.locator('[data-testid="premium"]').count(), 0, 'no figure from a damaged pack');
  await retryWorks(page, file);
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('another pack under the name (a stale cache) and a pack for a newer engine are refused', async () => {
  const other = bytesOf('jiaxing-2008');
  let got = await failing((route) => route.fulfill({ body: other }));
  assert.equal(await got.box.locator('.yb-error').getAttribute('data-code'), 'pack_invalid');
  assert.match(await got.box.innerText(), /不是所要的版本/);
  await got.page.close();

  const newer = reseal(bytesOf('jilin-2008'));
  newer[4] = 2; // the format after this one
  reseal(newer);
  got = await failing((route) => route.fulfill({ body: newer }));
  assert.equal(await got.box.locator('.yb-error').getAttribute('data-code'), 'pack_version');
  assert.match(await got.box.innerText(), /需要更新版本的计算器/);
  // in English too
  await got.page.locator('.yb-retry').waitFor();
  await got.page.close();
});

test('a pack that cannot be fetched says so, in both languages; the retry fetches again', async () => {
  const { page, box, file } = await failing((route) => route.abort('connectionfailed'));
  assert.equal(await box.locator('.yb-error').getAttribute('data-code'), 'pack_unavailable');
  assert.match(await box.innerText(), /下载失败/);
  await retryWorks(page, file);
  await page.close();

  const en = await site.browser.context.newPage();
  await en.route(`**/packs/${file}`, (route) => route.fulfill({ status: 404, body: '' }));
  await en.goto(`${site.server.origin}/#lang=en&s=jilin-2008&r=prefecture&c=adult`);
  const b2 = en.locator('[data-testid="pack-error"]');
  await b2.waitFor({ timeout: 15000 });
  assert.match(await b2.innerText(), /could not be downloaded \(HTTP 404\)/);
  assert.match(await b2.locator('.yb-retry').innerText(), /Try again/);
  await en.close();
});
