#!/usr/bin/env node
// Writes dist/sw.js (the service worker of the page and the iframe, issue 17) from www/sw.js: its
// VERSION, a hash of every file of the built site, so any change installs a new worker that
// refreshes the cache; and its SHELL, what is cached when it installs — the pages, their scripts
// and styles, the catalogue and the figures engine (the widget's first download). Run by
// ./build.sh after the site is minified.
//
//   node scripts/sw.mjs [--dist DIR]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const i = process.argv.indexOf('--dist');
const dist = resolve(i > 0 ? process.argv[i + 1] : join(ROOT, 'dist'));

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

const site = files(dist).filter((f) => relative(dist, f) !== 'sw.js');
const hash = createHash('sha256');
for (const f of site) hash.update(relative(dist, f)).update(readFileSync(f));
const version = hash.digest('hex').slice(0, 16);

const rel = (f) => relative(dist, f).split('\\').join('/');
const shell = [
  './',
  ...['index.html', 'embed.html', 'app.js', 'embed.js', 'ui.js', 'widget.js', 'calc.css', 'style.css', 'catalogue.js', 'favicon.svg'].filter((f) => existsSync(join(dist, f))),
  ...site.map(rel).filter((f) => f.startsWith('pkg/figures/') && !f.endsWith('.d.ts')),
];
const text = readFileSync(join(ROOT, 'www', 'sw.js'), 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace("['__SHELL__']", JSON.stringify(shell));
writeFileSync(join(dist, 'sw.js'), text);
console.log(`sw.js: version ${version}, ${shell.length} files cached on install`);
