// Shared set-up for the browser tests: a static server for dist/ and Debian's headless Chromium
// driven by playwright-core. Nothing here downloads anything.
import { before, after } from 'node:test';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const SHOTS = path.join(here, 'screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Starts tests/browser/server.py on a free port (serving `dir`, dist/ by default); resolves to { origin, stop }. */
export async function startServer({ csp = true, dir = DIST } = {}) {
  if (dir === DIST && !existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run ./build.sh first');
  }
  const args = [path.join(here, 'server.py'), '0', dir];
  if (csp) args.push('--csp');
  const proc = spawn('python3', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let buf = '';
    const t = setTimeout(() => reject(new Error('server did not start')), 10000);
    proc.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/READY (\d+)/);
      if (m) {
        clearTimeout(t);
        resolve(Number(m[1]));
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once('exit', resolve);
      proc.kill('SIGTERM');
    }),
  };
}

/** Launches headless Chromium with a fresh profile; resolves to { context, stop }. */
export async function launch(options = {}) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'yibao-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    ...options,
  });
  return {
    context,
    stop: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Records every request and CSP violation / console error of a page. */
export function watch(page) {
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { requests, errors };
}

/** Adds a listener (before any script runs) collecting securitypolicyviolation events. */
export async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Waits for the page's calculator to have computed. */
export async function ready(page) {
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  await page.waitForSelector('[data-testid="premium"]', { timeout: 30000 });
}

/**
 * The site served and a browser launched before a test file's tests, both stopped after them:
 * `site.server` and `site.browser` are set once the file's `before` has run.
 */
export function useSite({ csp = true } = {}) {
  const site = { server: null, browser: null };
  before(async () => {
    site.server = await startServer({ csp });
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.stop();
    await site.server?.stop();
  });
  return site;
}

/**
 * Every built-in pack (dist/catalogue.js names them) loaded into the engine module at `modUrl`
 * in the page, as the calculator loads one when its scheme is shown; call before `page.evaluate`
 * code that imports the module and asks about any scheme.
 */
export async function pagePacks(page, modUrl = '/pkg/yibao.js') {
  await page.evaluate(async (modUrl) => {
    const m = await import(modUrl);
    await m.default();
    const cat = (await import('/catalogue.js')).default;
    for (const row of cat) {
      const [id, hash] = [row[0], row[6]];
      const res = await fetch(`/packs/${id}.${hash}.pack`);
      m.loadPack(new Uint8Array(await res.arrayBuffer()), hash);
    }
  }, modUrl);
}

/** The engine module in `dir` (under dist/), initialised in Node, with every built-in pack. */
export async function nodeEngine(dir = 'pkg') {
  const { pathToFileURL } = await import('node:url');
  const api = await import(pathToFileURL(path.join(DIST, dir, 'yibao.js')).href);
  api.initSync({ module: readFileSync(path.join(DIST, dir, 'yibao_bg.wasm')) });
  const cat = (await import(pathToFileURL(path.join(DIST, 'catalogue.js')).href)).default;
  for (const row of cat) api.loadPack(readFileSync(path.join(DIST, 'packs', `${row[0]}.${row[6]}.pack`)), row[6]);
  return api;
}

/**
 * Opens a result card's explanation (issue 17: the steps are worded when opened, by the explaining
 * module) and waits for its steps; `scope` is a page or a locator (a widget).
 */
export async function openExplanation(scope, card = 'claim') {
  const box = scope.locator(`[data-testid="${card}"] details.yb-explain`);
  if (!(await box.evaluate((d) => d.open))) await box.locator('summary').first().click();
  await box.locator('.yb-steps > li').first().waitFor({ timeout: 30000 });
  return box;
}
