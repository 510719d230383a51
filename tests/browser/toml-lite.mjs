// A small TOML reader for tests/scenarios/*.toml: [[case]] tables of `key = value` lines whose
// values are strings, numbers, booleans, arrays and inline tables (arrays may span lines).
// Enough for the scenario files; not a general TOML parser.

export function parseScenarios(text) {
  const cases = [];
  let current = null;
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = stripComment(raw);
    if (!pending && !line.trim()) continue;
    if (!pending && /^\s*\[\[case\]\]\s*$/.test(line)) {
      current = {};
      cases.push(current);
      continue;
    }
    pending += (pending ? '\n' : '') + line;
    if (!balanced(pending)) continue;
    const stmt = pending;
    pending = '';
    if (!current) continue;
    const p = new Parser(stmt);
    const key = p.key();
    p.ws();
    p.expect('=');
    current[key] = p.value();
  }
  return cases;
}

function stripComment(line) {
  let inStr = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (inStr) {
      if (c === '\\') i += 1;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

function balanced(s) {
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < s.length; i += 1) {
    const c = s[i];
    if (inStr) {
      if (c === '\\') i += 1;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '[' || c === '{') depth += 1;
    else if (c === ']' || c === '}') depth -= 1;
  }
  return depth <= 0 && !inStr;
}

class Parser {
  constructor(s) {
    this.s = s;
    this.i = 0;
  }
  ws() {
    while (this.i < this.s.length && /[\s,]/.test(this.s[this.i]) && this.s[this.i] !== undefined) {
      if (this.s[this.i] === ',' && this.noComma) break;
      this.i += 1;
    }
  }
  expect(c) {
    this.ws();
    if (this.s[this.i] !== c) throw new Error(`expected ${c} at ${this.i} in ${this.s}`);
    this.i += 1;
  }
  key() {
    this.ws();
    if (this.s[this.i] === '"') return this.string();
    const m = /^[A-Za-z0-9_.\-]+/.exec(this.s.slice(this.i));
    if (!m) throw new Error(`bad key at ${this.i} in ${this.s}`);
    this.i += m[0].length;
    return m[0];
  }
  string() {
    this.i += 1;
    let out = '';
    while (this.s[this.i] !== '"') {
      const c = this.s[this.i];
      if (c === undefined) throw new Error('unterminated string');
      if (c === '\\') {
        const n = this.s[this.i + 1];
        if (n === 'u') {
          out += String.fromCodePoint(parseInt(this.s.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
          continue;
        }
        out += { n: '\n', t: '\t', '"': '"', '\\': '\\' }[n] ?? n;
        this.i += 2;
        continue;
      }
      out += c;
      this.i += 1;
    }
    this.i += 1;
    return out;
  }
  value() {
    this.ws();
    const c = this.s[this.i];
    if (c === '"') return this.string();
    if (c === '[') {
      this.i += 1;
      const arr = [];
      for (;;) {
        this.ws();
        if (this.s[this.i] === ']') {
          this.i += 1;
          return arr;
        }
        arr.push(this.value());
      }
    }
    if (c === '{') {
      this.i += 1;
      const obj = {};
      for (;;) {
        this.ws();
        if (this.s[this.i] === '}') {
          this.i += 1;
          return obj;
        }
        const k = this.key();
        this.expect('=');
        obj[k] = this.value();
      }
    }
    const m = /^(true|false|-?[0-9][0-9_]*(\.[0-9]+)?)/.exec(this.s.slice(this.i));
    if (!m) throw new Error(`bad value at ${this.i} in ${this.s}`);
    this.i += m[0].length;
    if (m[0] === 'true') return true;
    if (m[0] === 'false') return false;
    return Number(m[0].replace(/_/g, ''));
  }
}

/** Walks `a.b.0.c` / `payers[payer=central].amount` through a JSON value. */
export function walk(obj, path) {
  let cur = obj;
  for (const part of path.match(/[^.[\]]+(\[[^\]]*\])?/g) || []) {
    const m = /^([^[]+)(?:\[([^=\]]+)=([^\]]*)\])?$/.exec(part);
    if (!m) return undefined;
    cur = cur?.[m[1]];
    if (m[2] !== undefined) cur = Array.isArray(cur) ? cur.find((x) => String(x?.[m[2]]) === m[3]) : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}
