// The policy editor page (issue 12): a portal team fills in a city's figures for a framework; the
// page shows the findings `yibao check` gives, live; the exported file passes the real CLI check;
// an out-of-range value shows the framework's error (the same message the CLI prints for that
// file); the preview calculator uses the draft; a city file can be imported to edit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, startServer, launch, watch, recordCspViolations, screenshot } from './helpers.mjs';

let server;
let browser;
let tmp;

before(async () => {
  server = await startServer({ csp: true });
  browser = await launch({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  await recordCspViolations(browser.context);
  tmp = mkdtempSync(path.join(tmpdir(), 'yibao-editor-'));
});

after(async () => {
  await browser?.stop();
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** `yibao check FILE` with the project's own binary (cargo builds it if needed). */
function cliCheck(file) {
  const r = spawnSync('cargo', ['run', '-q', '--bin', 'yibao', '--', 'check', file], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const COMMUNITY = 'benefits.inpatient.deductibles[adult/community].amount';

async function open() {
  const page = await browser.context.newPage();
  const w = watch(page);
  await page.goto(`${server.origin}/editor.html`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  return { page, w };
}

/** Waits for the check to have run on a draft containing `text` (update() writes the draft and
 * its findings together), then reads the findings. */
async function checked(page, text) {
  await page.waitForFunction((t) => document.getElementById('toml').value.includes(t) && document.getElementById('findings').childElementCount > 0, text, { timeout: 10000 });
  return page.locator('#findings').innerText();
}

async function exported(page, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
  const file = path.join(tmp, name);
  await dl.saveAs(file);
  return file;
}

test('editor: fill a city, check passes, export is accepted by yibao check; out of range shows the framework error', async () => {
  const { page, w } = await open();
  await page.locator('#framework').selectOption('jilin-2008');
  await page.waitForFunction(() => document.getElementById('meta-id').value === 'jilin-2008-city');
  // each local figure has its range and clause beside it
  const row = page.locator(`#figures tr[data-label="${COMMUNITY}"]`);
  assert.match(await row.locator('.ed-range').innerText(), /100 — 200/);
  assert.match(await row.locator('.ed-clause').innerText(), /吉政办发\[2008\]12号 二\(五\)2 起付标准/);
  // the city's document
  const fill = async (id, v) => page.locator(`#${id}`).fill(v);
  await fill('meta-id', 'jilin-2008-editor-test');
  await fill('meta-name_zh', '编辑器测试市城镇居民基本医疗保险');
  await fill('meta-name_en', 'Editor test city resident insurance');
  await fill('meta-doc', '测试市政发〔2008〕1号');
  await fill('meta-title_zh', '测试市城镇居民基本医疗保险实施办法');
  await fill('meta-issuer_zh', '测试市人民政府');
  await fill('meta-issuer_en', 'Test City Government');
  await fill('meta-issued', '2008-06-01');
  await fill('meta-effective_from', '2008-07-01');
  await fill('meta-effective_from_clause', '第三十条');
  await fill('region-id', 'editor_test_city');
  await page.locator('#region-tier').selectOption('prefecture');
  await fill('region-name_zh', '测试市');
  await fill('region-name_en', 'Test City');
  await fill('region-clause', '二(四)1');
  // a community deductible of 150 (inside 100–200), stated by the city's document
  await row.locator('input[inputmode="decimal"]').fill('150');
  await row.locator('input[id$="-clause"]').fill('第十条');
  // a ratio inside a list inside a list (segment ratios by level): the whole schedules list is written
  const RATIO = 'benefits.inpatient.schedules[adult].levels[community].ratios[0]';
  const ratio = page.locator(`#figures tr[data-label="${RATIO}"]`);
  assert.match(await ratio.locator('.ed-range').innerText(), /0\.30 — 0\.70/);
  await ratio.locator('input[inputmode="decimal"]').fill('0.68');
  await ratio.locator('input[id$="-clause"]').fill('第十一条');
  assert.match(await checked(page, 'clause = "第十一条"'), /检查通过/);
  assert.match(await checked(page, 'clause = "第十条"'), /检查通过/);
  const toml = await page.locator('#toml').inputValue();
  assert.match(toml, /\[\[overrides\.benefits\.inpatient\.deductibles\]\]/);
  assert.match(toml, /amount = \{ value = "150", basis = "stated", doc = "测试市政发〔2008〕1号", clause = "第十条" \}/);
  assert.match(toml, /\[\[overrides\.benefits\.inpatient\.schedules\]\]/);
  assert.match(toml, /ratios = \[\{ value = "0\.68", basis = "stated", doc = "测试市政发〔2008〕1号", clause = "第十一条" \}, \{ value = "0\.70", basis = "assumed"/);
  const good = await exported(page, 'good.toml');
  assert.equal(readFileSync(good, 'utf8'), toml, 'the download is the file shown');
  const cli = cliCheck(good);
  assert.equal(cli.code, 0, `${cli.out}${cli.err}`);
  assert.match(cli.out, /检查通过：1 个文件/);

  // the preview calculator uses the draft: its region, and the community deductible of 150
  await page.waitForFunction(() => document.body.dataset.preview === 'editor_test_city', null, { timeout: 30000 });
  const preview = page.locator('#preview');
  assert.equal(await preview.locator('select[name="region"]').inputValue(), 'editor_test_city');
  assert.equal(await preview.locator('[data-testid="compare"] tr[data-level="community"] td').first().innerText(), '¥150.00');

  // the pack of the draft's scheme, with the TOML beside it: the same bytes `yibao pack` writes
  assert.equal(await page.locator('#export-pack').isDisabled(), false);
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.locator('#export-pack').click();
  await page.waitForFunction(() => document.getElementById('pack-status').dataset.file, null, { timeout: 30000 });
  for (let i = 0; i < 50 && downloads.length < 2; i += 1) await page.waitForTimeout(100);
  const names = downloads.map((d) => d.suggestedFilename()).sort((a, b) => Number(b.endsWith('.pack')) - Number(a.endsWith('.pack')));
  assert.equal(names.length, 2, names.join(' '));
  assert.match(names[0], /^jilin-2008\.[0-9a-f]{12}\.pack$/);
  assert.equal(names[1], 'jilin-2008-editor-test.toml');
  const packFile = path.join(tmp, names[0]);
  for (const d of downloads) await d.saveAs(path.join(tmp, d.suggestedFilename()));
  assert.equal(readFileSync(path.join(tmp, names[1]), 'utf8'), toml, 'the TOML beside the pack is the draft');
  // the CLI given the same file under the same name (the name is kept in the pack, as in errors)
  const bin = path.join(ROOT, process.env.CARGO_TARGET_DIR || 'target', 'debug', 'yibao');
  const r = spawnSync(bin, ['pack', names[1], '--out', 'cli-pack', '--json'], { cwd: tmp, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const cliPack = JSON.parse(r.stdout)[0];
  assert.equal(cliPack.file, names[0], 'the editor names the pack as yibao pack does');
  assert.ok(readFileSync(packFile).equals(readFileSync(path.join(tmp, cliPack.path))), 'the editor writes the bytes yibao pack writes');
  assert.match(await page.locator('#pack-status').innerText(), /policy-pack=/);

  // out of range: the framework's error, on the row and in the findings, as the CLI gives it
  await row.locator('input[inputmode="decimal"]').fill('250');
  const findings = await checked(page, 'value = "250"');
  assert.match(findings, /取值 250 超出框架允许的范围 100—200/);
  assert.equal(await page.locator(`#findings li[data-field="${COMMUNITY}"]`).getAttribute('data-code'), 'policy_out_of_range');
  assert.equal(await row.locator('input[inputmode="decimal"]').getAttribute('aria-invalid'), 'true');
  assert.match(await row.locator('.ed-row-error').innerText(), /超出框架允许的范围 100—200/);
  const bad = await exported(page, 'bad.toml');
  const cliBad = cliCheck(bad);
  assert.equal(cliBad.code, 1, cliBad.out);
  const line = cliBad.out.split('\n').find((l) => l.includes(COMMUNITY));
  assert.ok(line, cliBad.out);
  const shown = await page.locator(`#findings li[data-field="${COMMUNITY}"]`).innerText();
  const cliMessage = line.slice(line.indexOf(`${COMMUNITY}: `) + COMMUNITY.length + 2).replace(/ \(依据 .*\)$/, '');
  assert.ok(shown.includes(cliMessage), `page shows the CLI's message ${cliMessage}: ${shown}`);
  await screenshot(page, 'editor');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(w.errors, []);
});

test('editor: import a city file to edit it', async () => {
  const { page, w } = await open();
  await page.locator('#framework').selectOption('jiangsu-2007');
  await page.locator('#import').setInputFiles(path.join(ROOT, 'tests', 'policies', 'siping-city.toml'));
  await page.waitForFunction(() => document.getElementById('meta-id').value === 'jilin-2008-siping-test', null, { timeout: 10000 });
  assert.equal(await page.locator('#framework').inputValue(), 'jilin-2008');
  assert.equal(await page.locator('#region-id').inputValue(), 'siping');
  const row = page.locator(`#figures tr[data-label="${COMMUNITY}"]`);
  assert.equal(await row.locator('input[inputmode="decimal"]').inputValue(), '150');
  assert.equal(await row.locator('input[id$="-clause"]').inputValue(), '第十条');
  assert.match(await checked(page, 'value = "150"'), /检查通过/);
  // a file that is not a city file is refused with a reason
  await page.locator('#import').setInputFiles({ name: 'x.toml', mimeType: 'text/plain', buffer: Buffer.from('[meta]\nid = "x"\nkind = "framework"\n') });
  await page.waitForFunction(() => /不是城市政策文件/.test(document.getElementById('import-status').textContent), null, { timeout: 10000 });
  assert.deepEqual(w.errors, []);
});
