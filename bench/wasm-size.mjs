// What dominates the wasm's size: code bytes per crate (from the name section) and the data
// segment (embedded policy TOML and string constants). A twiggy-like breakdown without twiggy.
//
//   node bench/wasm-size.mjs [FILE.wasm] [--top N]
// FILE needs a name section. For the shipped form with names, bench/run.sh (size step) makes one
// the way build.sh builds pkg/ but keeping names: cargo build (CARGO_PROFILE_RELEASE_STRIP=false),
// wasm-bindgen --keep-debug, wasm-opt -Oz -g --strip-dwarf. The name section itself is not counted
// in "code"; the shipped file is the same code and data without it. FILE defaults to
// $BENCH_OUT/named/yibao_bg.wasm (target/bench/named/…).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { ROOT, table } from './lib.mjs';

const args = process.argv.slice(2);
const topIdx = args.indexOf('--top');
const top = topIdx >= 0 ? Number(args[topIdx + 1]) : 25;
const file =
  args.find((a, i) => !a.startsWith('--') && i !== topIdx + 1) ||
  resolve(process.env.BENCH_OUT || resolve(ROOT, 'target/bench'), 'named/yibao_bg.wasm');
const b = readFileSync(file);

let p = 8;
const leb = () => {
  let r = 0;
  let sh = 0;
  let x;
  do {
    x = b[p++];
    r += (x & 0x7f) * 2 ** sh;
    sh += 7;
  } while (x & 0x80);
  return r;
};
const str = () => {
  const n = leb();
  const s = b.subarray(p, p + n).toString('utf8');
  p += n;
  return s;
};

const sections = {};
let imports = 0;
const bodies = [];
const names = new Map();
let data = [];
while (p < b.length) {
  const id = b[p++];
  const len = leb();
  const end = p + len;
  let name = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id] || `#${id}`;
  if (id === 0) {
    const q = p;
    name = `custom:${str()}`;
    if (name === 'custom:name') {
      while (p < end) {
        const sub = b[p++];
        const sl = leb();
        const se = p + sl;
        if (sub === 1) {
          const n = leb();
          for (let i = 0; i < n; i++) {
            const idx = leb();
            names.set(idx, str());
          }
        }
        p = se;
      }
    }
    p = q;
  } else if (id === 2) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      str();
      str();
      const kind = b[p++];
      if (kind === 0) {
        leb();
        imports++;
      } else if (kind === 1) {
        p++;
        const f = leb();
        leb();
        if (f & 1) leb();
      } else if (kind === 2) {
        const f = leb();
        leb();
        if (f & 1) leb();
      } else if (kind === 3) {
        p += 2;
      } else p++;
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      const sz = leb();
      bodies.push({ idx: imports + i, size: sz, bytes: b.subarray(p, p + sz) });
      p += sz;
    }
  } else if (id === 11) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      const flag = leb();
      if (flag === 2) leb();
      if (flag !== 1) {
        while (b[p] !== 0x0b) p++;
        p++;
      }
      const sz = leb();
      data.push(b.subarray(p, p + sz));
      p += sz;
    }
  }
  sections[name] = (sections[name] || 0) + len;
  p = end;
}

const demangle = (s) => {
  // legacy Rust mangling: _ZN<len><seg>...E
  if (!s.startsWith('_ZN')) return s;
  const out = [];
  let i = 3;
  while (i < s.length && s[i] !== 'E') {
    let n = 0;
    while (/[0-9]/.test(s[i])) n = n * 10 + Number(s[i++]);
    out.push(s.slice(i, i + n));
    i += n;
  }
  return out.filter((x) => !/^h[0-9a-f]{16}$/.test(x)).join('::');
};

const clean = (full) =>
  demangle(full)
    .replace(/\$LT\$/g, '<')
    .replace(/\$GT\$/g, '>')
    .replace(/\$u20\$/g, ' ')
    .replace(/\$RF\$/g, '&')
    .replace(/\$C\$/g, ',')
    .replace(/\$u7b\$/g, '{')
    .replace(/\$u7d\$/g, '}')
    .replace(/\.\./g, '::')
    .replace(/^_</, '<');

// What the bytes are for, first match wins; v0-mangled names (_R...) are matched on their text.
const CATEGORIES = [
  ['exported API entry points (wasm-bindgen shims, engine code inlined)', /shim/],
  ['policy loading: serde Deserialize (TOML → model structs)', /(Deserializ|Visitor|visit_|SeqAccess|MapAccess|EnumAccess|deserialize)/],
  ['toml parser', /toml/],
  ['result conversion to JS (Serialize, serde-wasm-bindgen)', /(Serializ|serialize|serde_wasm_bindgen)/],
  ['engine: claims', /yibao::claim/],
  ['engine: premiums', /yibao::premium/],
  ['engine: explanations', /yibao::explain/],
  ['engine: validation and lint', /yibao::policy::(validate|lint)/],
  ['engine: other (engine, api, money, date, load)', /yibao/],
  ['rust_decimal', /rust_decimal/],
  ['wasm-bindgen / js-sys glue', /(wasm_bindgen|js_sys|__wbg|__wbindgen)/],
  ['core::fmt and float formatting', /(fmt|flt2dec|dragon|grisu|[Dd]isplay|Debug)/],
  ['allocator and collections', /(dlmalloc|alloc|hashbrown|RawVec|Vec|BTree|String)/],
  ['core / std other', /(core|std)/],
];
const crateOf = (full) => {
  const s = clean(full);
  for (const [c, re] of CATEGORIES) if (re.test(s)) return c;
  return 'other';
};

const byCrate = new Map();
const bytesByCrate = new Map();
const fns = [];
let code = 0;
for (const { idx, size } of bodies) {
  const n = names.get(idx) || `func[${idx}]`;
  const c = names.size ? crateOf(n) : '(no names)';
  byCrate.set(c, (byCrate.get(c) || 0) + size);
  if (!bytesByCrate.has(c)) bytesByCrate.set(c, []);
  bytesByCrate.get(c).push(bodies.find((x) => x.idx === idx).bytes);
  fns.push({ name: clean(n), size });
  code += size;
}

const dataBytes = Buffer.concat(data);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pct = (n, t) => `${((100 * n) / t).toFixed(1)} %`;

console.log(`${file}: ${kb(b.length)} raw, ${kb(gzipSync(b, { level: 9 }).length)} gzip -9`);
console.log(
  table(
    Object.entries(sections)
      .sort((a, b) => b[1] - a[1])
      .map(([s, n]) => ({ section: s, bytes: n, share: pct(n, b.length) })),
    ['section', 'bytes', 'share'],
  ),
);
console.log(
  `\ncode by what it is for (${bodies.length} functions, ${kb(code)}; "gzip alone": that part's bodies gzipped on their own, a rough guide to what removing it saves)`,
);
console.log(
  table(
    [...byCrate.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([c, n]) => ({ what: c, bytes: n, share: pct(n, code), 'gzip alone': gzipSync(Buffer.concat(bytesByCrate.get(c)), { level: 9 }).length })),
    ['what', 'bytes', 'share', 'gzip alone'],
  ),
);
console.log(`\nlargest functions`);
console.log(
  table(
    fns
      .sort((a, b) => b.size - a.size)
      .slice(0, top)
      .map((f) => ({ function: f.name.length > 110 ? `${f.name.slice(0, 107)}...` : f.name, bytes: f.size })),
    ['function', 'bytes'],
  ),
);
console.log(`\ndata segments: ${kb(dataBytes.length)} raw, ${kb(gzipSync(dataBytes, { level: 9 }).length)} gzip -9`);
