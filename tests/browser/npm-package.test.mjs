// The npm package (issue 12): scripts/npm-package.mjs writes it from dist/, `npm pack` packs it
// (offline: a local folder), and the tarball is checked as a portal developer would use it —
// its metadata and contents, every module it ships importing only files it ships, the engine
// imported by name from node_modules in Node, and the widget loaded from node_modules in Chromium
// under the strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, DIST, startServer, launch, watch, recordCspViolations } from './helpers.mjs';

let tmp;
let packed; // npm pack --json output for the tarball
let site; // a portal's static folder with the package under node_modules/

before(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'yibao-npm-'));
  const src = path.join(tmp, 'src');
  execFileSync('node', [path.join(ROOT, 'scripts', 'npm-package.mjs'), '--dist', DIST, '--out', src], { stdio: 'pipe' });
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', tmp, `${src}/`], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  packed = JSON.parse(json)[0];
  site = path.join(tmp, 'site');
  const into = path.join(site, 'node_modules', 'yibao-calculator');
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['xzf', path.join(tmp, packed.filename), '-C', into, '--strip-components=1']);
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const cargoVersion = () => readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];

test('npm pack: name, version, types, exports and the files a portal needs, nothing else', () => {
  const files = new Set(packed.files.map((f) => f.path));
  assert.equal(packed.name, 'yibao-calculator');
  assert.equal(packed.version, cargoVersion(), 'the package version is the crate version');
  for (const f of ['package.json', 'README.md', 'widget.js', 'widget.d.ts', 'ui.js', 'calc.css',
    'pkg/yibao.js', 'pkg/yibao_bg.wasm', 'pkg/yibao.d.ts', 'pkg/full/yibao.js', 'pkg/full/yibao_bg.wasm', 'pkg/full/yibao.d.ts']) {
    assert.ok(files.has(f), `${f} is packed (${[...files]})`);
  }
  for (const f of files) {
    assert.doesNotMatch(f, /\.(rs|toml|html|mjs|py|sh)$|^(src|tests|www|policies|bench|fuzz|node_modules)\//, `${f} does not belong in the package`);
  }
  const pkg = JSON.parse(readFileSync(path.join(site, 'node_modules', 'yibao-calculator', 'package.json'), 'utf8'));
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.license, 'MIT');
  assert.ok(pkg.description.includes('医保测算'));
  assert.ok(files.has(pkg.types.replace(/^\.\//, '')), `types ${pkg.types} packed`);
  assert.ok(files.has(pkg.main.replace(/^\.\//, '')), `main ${pkg.main} packed`);
  for (const [k, v] of Object.entries(pkg.exports)) {
    for (const target of typeof v === 'string' ? [v] : Object.values(v)) {
      if (target.includes('*')) continue;
      assert.ok(files.has(target.replace(/^\.\//, '')), `export ${k} → ${target} packed`);
    }
  }
  // every relative import and asset URL in the shipped modules points at a shipped file
  for (const f of files) {
    if (!f.endsWith('.js')) continue;
    const text = readFileSync(path.join(site, 'node_modules', 'yibao-calculator', f), 'utf8');
    const refs = [...text.matchAll(/(?:from\s*|import\(\s*|new URL\(\s*)['"](\.{0,2}\/?[\w./-]+\.(?:js|css|wasm))['"]/g)].map((m) => m[1]);
    for (const r of refs) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(f), r));
      assert.ok(files.has(target), `${f} refers to ${r}, which is packed`);
    }
  }
  const types = readFileSync(path.join(site, 'node_modules', 'yibao-calculator', 'pkg', 'yibao.d.ts'), 'utf8');
  assert.match(types, /export function claim\(/);
  assert.match(readFileSync(path.join(site, 'node_modules', 'yibao-calculator', 'widget.d.ts'), 'utf8'), /'yibao-calculator': YibaoCalculatorElement/);
});

test('npm: the engine imported by package name in Node answers like the built module', () => {
  const script = `
    import { readFileSync } from 'node:fs';
    import { fileURLToPath } from 'node:url';
    import init, { claim, catalogue, loadPack } from 'yibao-calculator';
    import * as full from 'yibao-calculator/full';
    import CATALOGUE from 'yibao-calculator/catalogue.js';
    const wasm = (spec) => readFileSync(fileURLToPath(import.meta.resolve(spec)));
    await init({ module_or_path: wasm('yibao-calculator/pkg/yibao_bg.wasm') });
    // the engine starts empty: each scheme's pack, as the catalogue names it
    for (const [id, , , , , , hash] of CATALOGUE) loadPack(wasm(\`yibao-calculator/packs/\${id}.\${hash}.pack\`), hash);
    await full.default({ module_or_path: wasm('yibao-calculator/pkg/full/yibao_bg.wasm') });
    const req = { person: { scheme: 'jilin-2008', region: 'prefecture', category: 'adult', statuses: [] },
      paid_on: '2008-05-01', claim: { kind: 'inpatient', level: 'city', date: '2008-10-01',
      medfee_sumamt: '50000', fulamt_ownpay_amt: '2000' } };
    const r = claim(req);
    process.stdout.write(String([r.hifp_pay, r.psn_part_amt, catalogue().schemes.length, typeof full.loadPolicy, full.claim(req).hifp_pay].join(' ')));
  `;
  writeFileSync(path.join(site, 'check.mjs'), script);
  const got = execFileSync('node', ['check.mjs'], { cwd: site, encoding: 'utf8' }).split(' ');
  // the same request through the module ./build.sh built (dist/pkg), in this process
  const want = execFileSync('node', ['--input-type=module', '-e', `
    import { readFileSync } from 'node:fs';
    const { nodeEngine } = await import(${JSON.stringify(path.join(ROOT, 'tests', 'browser', 'helpers.mjs'))});
    const m = await nodeEngine();
    const r = m.claim({ person: { scheme: 'jilin-2008', region: 'prefecture', category: 'adult', statuses: [] },
      paid_on: '2008-05-01', claim: { kind: 'inpatient', level: 'city', date: '2008-10-01',
      medfee_sumamt: '50000', fulamt_ownpay_amt: '2000' } });
    process.stdout.write(String([r.hifp_pay, r.psn_part_amt, m.catalogue().schemes.length].join(' ')));
  `], { encoding: 'utf8' }).split(' ');
  assert.match(got[0], /^\d+\.\d\d$/);
  assert.deepEqual(got.slice(0, 3), want);
  assert.equal(got[3], 'function', 'yibao-calculator/full has loadPolicy');
  assert.equal(got[4], want[0]);
});

test('npm: the widget served from node_modules works under the CSP', async () => {
  writeFileSync(path.join(site, 'index.html'), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>portal</title>
<script type="module" src="/node_modules/yibao-calculator/widget.js"></script></head>
<body><yibao-calculator scheme="jilin-2008" region="changchun" category="adult"></yibao-calculator></body></html>`);
  writeFileSync(path.join(site, 'favicon.ico'), ''); // so the only requests are the package's
  const server = await startServer({ csp: true, dir: site });
  const browser = await launch();
  try {
    await recordCspViolations(browser.context);
    const page = await browser.context.newPage();
    const w = watch(page);
    await page.goto(`${server.origin}/index.html`);
    await page.waitForSelector('yibao-calculator[data-ready]', { timeout: 30000 });
    const widget = page.locator('yibao-calculator');
    assert.equal(await widget.locator('select[name="region"]').inputValue(), 'changchun');
    assert.match(await widget.locator('[data-testid="premium-individual"]').innerText(), /^¥[\d,]+\.\d\d$/);
    assert.match(await widget.locator('path.yb-line').getAttribute('d'), /^M[\d.]+,[\d.]+ L/);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(w.errors, []);
    assert.ok(existsSync(path.join(site, 'node_modules', 'yibao-calculator', 'calc.css')));
  } finally {
    await browser.stop();
    await server.stop();
  }
});
