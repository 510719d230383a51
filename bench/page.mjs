// Page metrics in headless Chromium (issue 4), against dist/ (run ./build.sh first) served by a
// small gzip-capable HTTP server on 127.0.0.1:
//   - bytes shipped by type (wasm, JS, CSS, HTML, policy data: the shown scheme's pack), raw and
//     as sent (gzip), from the actual responses;
//   - time to first result with 4× CPU throttling (CDP Emulation.setCPUThrottlingRate): navigation
//     start → the calculator's first result is in the DOM (data-ready, set right after the first
//     compute), and → painted (the next animation frame after it); then the same with a slow phone
//     network emulated as well (CDP Network.emulateNetworkConditions, Chrome DevTools' "Fast 3G":
//     1.6 Mbps down, 750 kbps up, 150 ms round trip);
//   - interaction latency: change the bill, time the synchronous recompute + re-render (the change
//     handler) and to the next frame, checking the fund figure changed;
//   - switching scheme (issue 17): at 4× on Fast 3G, choose a scheme whose pack is not loaded yet,
//     time to its premium painted (the pack's fetch, reading it, the first answer).
// Two pages: "widget" (a bare host page with one <yibao-calculator> and no preset, so the default
// scheme and its pack: what a portal embeds) and "page" (index.html, the full page).
//
//   node bench/page.mjs [--quick] [--json FILE] [--runs N]
// Targets (reported, not asserted): first result ≤ 1 s at 4× throttling (issue 4), tightened to
// ≤ 700 ms once the precompiled policies brought it to ~0.55 s (FIRST_RESULT_TARGET_MS); issue 11:
// first result painted ≤ 400 ms at 4×, ≤ 1.5 s at 4× on Fast 3G (PAINT_TARGET_MS); issue 17:
// switching scheme ≤ 300 ms on Fast 3G (SWITCH_TARGET_MS).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../tests/browser/helpers.mjs';

/** First result at 4× throttling, ms: the 1 s, tightened after it was beaten by ~2×. */
const FIRST_RESULT_TARGET_MS = 700;
/** First result painted (issue 11): at 4× CPU throttling, and at 4× on Fast 3G. */
const PAINT_TARGET_MS = { cpu: 400, fast3g: 1500 };
/** Switching to a scheme whose pack is not loaded, on Fast 3G (issue 17). */
const SWITCH_TARGET_MS = 300;
/** Chrome DevTools' "Fast 3G" preset: bytes per second, ms. */
const FAST_3G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
import { ROOT, quick, saveJson, table } from './lib.mjs';

const DIST = resolve(process.env.YIBAO_DIST || join(ROOT, 'dist'));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : quick ? 3 : 7;
const THROTTLE = 4;
const BILLS = ['20000', '35000', '8000', '60000', '12345.67', '47000', '3000', '90000'];
if (!existsSync(join(DIST, 'widget.js'))) {
  console.error(`${DIST}/widget.js not found: run ./build.sh first`);
  process.exit(1);
}

// ---------------------------------------------------------------- server

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.toml': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};
const WIDGET_HOST = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>bench: widget</title>
<script type="module" src="/widget.js"></script></head>
<body><yibao-calculator id="w" lang="zh"></yibao-calculator></body></html>`;
const gzCache = new Map();
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let body;
  let type;
  if (url.pathname === '/__bench/widget.html') {
    body = Buffer.from(WIDGET_HOST);
    type = TYPES['.html'];
  } else {
    let path = normalize(join(DIST, decodeURIComponent(url.pathname)));
    if (!path.startsWith(DIST)) return res.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return res.writeHead(404).end();
    body = readFileSync(path);
    type = TYPES[extname(path)] || 'application/octet-stream';
  }
  const headers = { 'Content-Type': type, 'Cache-Control': 'no-store' };
  if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && !type.startsWith('image/')) {
    const key = `${url.pathname}:${body.length}`;
    if (!gzCache.has(key)) gzCache.set(key, gzipSync(body, { level: 9 }));
    body = gzCache.get(key);
    headers['Content-Encoding'] = 'gzip';
    headers.Vary = 'Accept-Encoding';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers).end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const BASE = `http://127.0.0.1:${server.address().port}`;

// ---------------------------------------------------------------- browser

// the same Chromium launch as the browser tests (Debian's chromium, fresh profile, no background traffic)
const { context, stop } = await launch({ viewport: { width: 412, height: 915 } });

// Records when the first result lands: the page sets body[data-ready], the widget its element's.
const READY_HOOK = () => {
  window.__yb = { ready: null };
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-ready]')) {
      window.__yb.ready = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => {
          window.__yb.frame = performance.now();
        }, 0),
      );
      obs.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
};

function kindOf(url, type) {
  if (/\.wasm(\?|$)/.test(url) || type.includes('wasm')) return 'wasm';
  if (type.includes('javascript')) return 'js';
  if (type.includes('css')) return 'css';
  if (type.includes('html')) return 'html';
  if (/\.(toml|json|pack)(\?|$)/.test(url) || /\/catalogue\.js(\?|$)/.test(url)) return 'policy data';
  return 'other';
}

async function openPage(path, throttle, network = null) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await page.addInitScript(READY_HOOK);
  await page.goto(`${BASE}${path}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__yb && window.__yb.frame, null, { timeout: 120_000 });
  await page.locator('[data-testid="claim-hifp_pay"]').first().waitFor({ timeout: 30_000 });
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      ready: window.__yb.ready,
      frame: window.__yb.frame,
      dcl: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
    };
  });
  return { page, cdp, responses, t };
}

async function bytesOf(responses) {
  const rows = [];
  for (const r of responses) {
    const url = r.url();
    if (!url.startsWith(BASE)) continue;
    const type = r.headers()['content-type'] || '';
    const body = await r.body().catch(() => Buffer.alloc(0));
    const sizes = await r.request().sizes();
    rows.push({ url: url.slice(BASE.length), kind: kindOf(url, type), raw: body.length, sent: sizes.responseBodySize, gzip: r.headers()['content-encoding'] === 'gzip' });
  }
  return rows;
}

/** Changes the bill and times the recompute; returns ms per change. */
async function interact(page) {
  return page.evaluate(async (bills) => {
    const host = document.querySelector('yibao-calculator');
    const root = host ? host.shadowRoot : document;
    const out = [];
    for (const bill of bills) {
      const input = root.querySelector('input[name="total"]');
      const before = root.querySelector('[data-testid="claim-hifp_pay"]').textContent;
      input.value = bill;
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const t1 = performance.now();
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      const t2 = performance.now();
      const after = root.querySelector('[data-testid="claim-hifp_pay"]').textContent;
      out.push({ bill, handler: t1 - t0, frame: t2 - t0, changed: after !== before, after });
    }
    return out;
  }, BILLS);
}

/**
 * Chooses the first scheme whose pack is not loaded yet and times it: from the change to its
 * premium in the DOM and to the next frame (the pack fetched, read, the first answer painted).
 */
async function switchScheme(page) {
  return page.evaluate(async () => {
    const host = document.querySelector('yibao-calculator');
    const root = host ? host.shadowRoot : document;
    const sel = root.querySelector('select[name="scheme"]');
    const current = sel.value;
    const target = [...sel.options].map((o) => o.value).find((v) => v !== current);
    const t0 = performance.now();
    sel.value = target;
    sel.dispatchEvent(new Event('change', { bubbles: true }));
    const shown = () => {
      const s = root.querySelector('select[name="scheme"]');
      return s && s.value === target && root.querySelector('[data-testid="premium"]') && !root.querySelector('[data-testid="pack-loading"]');
    };
    await new Promise((ok) => {
      if (shown()) return ok();
      const obs = new MutationObserver(() => {
        if (shown()) {
          obs.disconnect();
          ok();
        }
      });
      obs.observe(root, { subtree: true, childList: true });
    });
    const t1 = performance.now();
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    return { target, dom: t1 - t0, frame: performance.now() - t0 };
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const results = {};
try {
  for (const [name, path] of [
    ['widget', '/__bench/widget.html'],
    ['page', '/index.html'],
  ]) {
    const firsts = [];
    let bytes = null;
    let inter4 = null;
    let inter1 = null;
    for (let i = 0; i < RUNS; i++) {
      const { page, cdp, responses, t } = await openPage(path, THROTTLE);
      firsts.push(t);
      if (i === 0) {
        bytes = await bytesOf(responses);
        inter4 = await interact(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        inter1 = await interact(page);
      }
      await page.close();
    }
    // the same at 4× on Fast 3G (first result), then switching to another scheme
    const slow = [];
    const switches = [];
    for (let i = 0; i < RUNS; i++) {
      const { page, t } = await openPage(path, THROTTLE, FAST_3G);
      slow.push(t);
      switches.push(await switchScheme(page));
      await page.close();
    }
    const byKind = {};
    for (const b of bytes) {
      const k = (byKind[b.kind] ||= { kind: b.kind, files: 0, raw: 0, sent: 0 });
      k.files++;
      k.raw += b.raw;
      k.sent += b.sent;
    }
    const unchanged = [...inter4, ...inter1].filter((x) => !x.changed).length;
    results[name] = {
      path,
      bytes,
      by_kind: Object.values(byKind),
      first_result_ms: { median: median(firsts.map((x) => x.ready)), runs: firsts.map((x) => x.ready) },
      first_frame_ms: { median: median(firsts.map((x) => x.frame)), runs: firsts.map((x) => x.frame) },
      fast3g: {
        first_result_ms: { median: median(slow.map((x) => x.ready)), runs: slow.map((x) => x.ready) },
        first_frame_ms: { median: median(slow.map((x) => x.frame)), runs: slow.map((x) => x.frame) },
        load_event_ms: { median: median(slow.map((x) => x.load)) },
        switch_scheme_ms: { dom: median(switches.map((x) => x.dom)), frame: median(switches.map((x) => x.frame)), runs: switches },
      },
      load_event_ms: { median: median(firsts.map((x) => x.load)) },
      interaction_4x_ms: { handler: median(inter4.map((x) => x.handler)), frame: median(inter4.map((x) => x.frame)), samples: inter4 },
      interaction_1x_ms: { handler: median(inter1.map((x) => x.handler)), frame: median(inter1.map((x) => x.frame)), samples: inter1 },
      unchanged_results: unchanged,
    };
  }
} finally {
  await stop();
  server.close();
}

for (const [name, r] of Object.entries(results)) {
  const tot = r.by_kind.reduce((a, k) => ({ raw: a.raw + k.raw, sent: a.sent + k.sent }), { raw: 0, sent: 0 });
  console.log(`\n${name} (${r.path}) — bytes shipped, from the responses (sent = gzip as served)`);
  console.log(
    table(
      [...r.by_kind, { kind: 'total', files: r.bytes.length, ...tot }].map((k) => ({ kind: k.kind, files: k.files, raw: kb(k.raw), sent: kb(k.sent) })),
      ['kind', 'files', 'raw', 'sent'],
    ),
  );
  const met = (x, target) => `target ≤ ${target} ms ${x <= target ? 'met' : 'MISSED'}`;
  console.log(
    `first result at ${THROTTLE}× CPU throttling: in the DOM ${ms(r.first_result_ms.median)} (${met(r.first_result_ms.median, FIRST_RESULT_TARGET_MS)}), painted ${ms(r.first_frame_ms.median)} (${met(r.first_frame_ms.median, PAINT_TARGET_MS.cpu)}); load event ${ms(r.load_event_ms.median)}; median of ${RUNS}`,
  );
  const g = r.fast3g;
  console.log(
    `first result at ${THROTTLE}× on Fast 3G (1.6 Mbps, 150 ms RTT): in the DOM ${ms(g.first_result_ms.median)}, painted ${ms(g.first_frame_ms.median)} (${met(g.first_frame_ms.median, PAINT_TARGET_MS.fast3g)}); load event ${ms(g.load_event_ms.median)}; median of ${RUNS}`,
  );
  console.log(
    `switching to a scheme whose pack is not loaded (${g.switch_scheme_ms.runs[0].target}), at ${THROTTLE}× on Fast 3G: in the DOM ${ms(g.switch_scheme_ms.dom)}, painted ${ms(g.switch_scheme_ms.frame)} (${met(g.switch_scheme_ms.frame, SWITCH_TARGET_MS)}); median of ${RUNS}`,
  );
  console.log(
    `recompute after changing the bill: ${ms(r.interaction_4x_ms.handler)} handler / ${ms(r.interaction_4x_ms.frame)} to next frame at ${THROTTLE}×; ${ms(r.interaction_1x_ms.handler)} / ${ms(r.interaction_1x_ms.frame)} unthrottled (median of ${BILLS.length} changes)`,
  );
  if (r.unchanged_results) console.log(`WARNING: ${r.unchanged_results} change(s) did not update the fund figure`);
}
saveJson('page', { throttle: THROTTLE, runs: RUNS, first_result_target_ms: FIRST_RESULT_TARGET_MS, paint_target_ms: PAINT_TARGET_MS, switch_target_ms: SWITCH_TARGET_MS, fast3g: FAST_3G, results });
