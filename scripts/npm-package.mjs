#!/usr/bin/env node
// Writes the npm package (engine + widget) to dist-npm/ from the built dist/ (./build.sh runs it):
//
//   node scripts/npm-package.mjs [--dist DIR] [--out DIR]
//
// npm/package.json is the template (name, exports, types); the version comes from Cargo.toml, and
// `files` is what widget.js reaches — static imports, `new URL('…', import.meta.url)` and dynamic
// `import('./…')`, the same walk as scripts/size-check.mjs — plus every export target and the
// type files, so a module the widget starts to load is packed without anyone listing it. Pages
// (index.html, embed.html, demo-host.*) are not packed. Exits 1 when something is missing.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return resolve(ROOT, i > 0 ? process.argv[i + 1] : dflt);
};
const dist = arg('--dist', 'dist');
const out = arg('--out', 'dist-npm');

/** Every file (relative to dist) that `entry` reaches, eagerly or through a dynamic import. */
function reached(entry) {
  const seen = new Set();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    const path = join(dist, f);
    if (!f.endsWith('.js') || !existsSync(path)) continue;
    const src = readFileSync(path, 'utf8');
    const refs = [
      ...src.matchAll(/\bimport\s*(?:[^'"`;()]*?\s*from\s*)?['"](\.{1,2}\/[^'"]+)['"]/g),
      ...src.matchAll(/\bexport\s*[^'"`;]*?\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/g),
      ...src.matchAll(/new\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g),
      ...src.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g),
    ];
    for (const m of refs) {
      const rel = relative(dist, resolve(dirname(path), m[1])).split('\\').join('/');
      if (!rel.startsWith('..')) todo.push(rel);
    }
  }
  return [...seen];
}

const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
const version = cargo.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m)?.[1];
if (!version) throw new Error('no [package] version in Cargo.toml');

const pkg = JSON.parse(readFileSync(join(ROOT, 'npm', 'package.json'), 'utf8'));
delete pkg.$comment;
pkg.version = version;

const files = new Set(reached('widget.js'));
// the full module's wasm is reached through a computed URL (ui.js: wasmIn), the type files by none,
// the schemes' packs by their names in the catalogue (ui.js: loadPack)
for (const f of ['pkg/full/yibao_bg.wasm', 'pkg/yibao.d.ts', 'pkg/full/yibao.d.ts']) files.add(f);
for (const f of readdirSync(join(dist, 'packs'))) if (f.endsWith('.pack') || f === 'index.json') files.add(`packs/${f}`);
for (const target of Object.values(pkg.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))) {
  if (!target.includes('*') && !target.endsWith('package.json') && !target.endsWith('.d.ts')) files.add(target.replace(/^\.\//, ''));
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const missing = [];
for (const f of [...files].sort()) {
  const from = join(dist, f);
  if (!existsSync(from)) {
    missing.push(f);
    continue;
  }
  mkdirSync(dirname(join(out, f)), { recursive: true });
  cpSync(from, join(out, f));
}
for (const f of ['README.md', 'widget.d.ts']) {
  cpSync(join(ROOT, 'npm', f), join(out, f));
  files.add(f);
}
if (existsSync(join(ROOT, 'LICENSE'))) cpSync(join(ROOT, 'LICENSE'), join(out, 'LICENSE'));
pkg.files = [...files].filter((f) => f !== 'README.md').sort();
writeFileSync(join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
if (missing.length) {
  console.error(`npm package: missing in ${relative(ROOT, dist)}/: ${missing.join(', ')} (run ./build.sh)`);
  process.exitCode = 1;
} else {
  console.log(`npm package ${pkg.name}@${pkg.version}: ${pkg.files.length} files → ${relative(ROOT, out)}/`);
}
