// One crossing each way for the figures calls (claimFigures, yearFigures; issue 11).
//
// Reading a request field by field from Rust costs a `Reflect.get` and a string copy per field,
// and writing a result costs one per figure: most of a figures call's time. Here the request is
// flattened to one string (fields joined by control characters that a request's ids, dates and
// amounts never contain) and the answer comes back as one string split into the object.
//
// The flattening is only a fast path. Whenever a request is anything but the plain shape (an
// unknown or inherited enumerable key, a value of another type, a separator inside a value, a
// list past the reader's limit) it returns `undefined`, and Rust reads the object field by field
// as before, so every error message is the reader's own (src/wasm/input.rs).

const US = '\x1f'; // between fields
const RS = '\x1e'; // between claims
const GS = '\x1d'; // between list items (statuses, order)
const LIST_LIMIT = 100000;

const clean = (v) => typeof v === 'string' && v.indexOf(US) < 0 && v.indexOf(RS) < 0 && v.indexOf(GS) < 0;
const absent = (v) => v === undefined || v === null;

/** `o` is an object whose enumerable keys (own or inherited) are all in `known`. */
function plain(o, known) {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return false;
  for (const k in o) if (known.indexOf(k) < 0) return false;
  return true;
}

/** A required string, an optional one ('' absent, '=' + value present), a flag ('', '1', '0'). */
const req = (v) => (clean(v) ? v : undefined);
const opt = (v) => (absent(v) ? '' : clean(v) ? `=${v}` : undefined);
const flag = (v) => (absent(v) ? '' : v === true ? '1' : v === false ? '0' : undefined);

function person(p) {
  if (!plain(p, ['scheme', 'region', 'category', 'statuses'])) return undefined;
  let st = '';
  const s = p.statuses;
  if (!absent(s)) {
    if (!Array.isArray(s) || s.length > LIST_LIMIT) return undefined;
    for (let i = 0; i < s.length; i++) {
      if (!clean(s[i])) return undefined;
      st += i ? GS + s[i] : s[i];
    }
  }
  const f = [req(p.scheme), req(p.region), req(p.category), st];
  return join(f);
}

function claim(c) {
  if (!plain(c, ['kind', 'level', 'date', 'medfee_sumamt', 'fulamt_ownpay_amt', 'disease'])) return undefined;
  return join([req(c.kind), req(c.level), req(c.date), req(c.medfee_sumamt), opt(c.fulamt_ownpay_amt), opt(c.disease)]);
}

/** The fields joined by US, or undefined when one of them could not be flattened. */
function join(f) {
  let out = '';
  for (let i = 0; i < f.length; i++) {
    if (f[i] === undefined) return undefined;
    out += i ? US + f[i] : f[i];
  }
  return out;
}

/** person, paid_on, renewed_without_break, explain: the head of both requests. */
function head(r, rest) {
  if (!plain(r, ['person', 'paid_on', 'renewed_without_break', 'explain', rest])) return undefined;
  return join([person(r.person), opt(r.paid_on), flag(r.renewed_without_break), flag(r.explain)]);
}

/** A ClaimRequest as one string: its head, US, the claim's six fields. */
export function flatClaim(r) {
  const h = head(r, 'claim');
  const c = h === undefined || absent(r.claim) ? undefined : claim(r.claim);
  return c === undefined ? undefined : h + US + c;
}

/** A YearRequest as one string: its head, then RS and each claim's six fields. */
export function flatYear(r) {
  const h = head(r, 'claims');
  const cs = h === undefined ? undefined : r.claims;
  if (!Array.isArray(cs) || cs.length > LIST_LIMIT) return undefined;
  let out = h;
  for (let i = 0; i < cs.length; i++) {
    const c = claim(cs[i]);
    if (c === undefined) return undefined;
    out += RS + c;
  }
  return out;
}

const CLAIM = ['medfee_sumamt', 'fulamt_ownpay_amt', 'inscp_scp_amt', 'act_pay_dedc', 'hifp_pay', 'psn_part_amt', 'coinsurance_amt', 'above_limit_amt', 'waiting_amt', 'limit', 'limit_used', 'assumed', 'hifmi_pay', 'maf_pay'];
const TOTALS = ['medfee_sumamt', 'fulamt_ownpay_amt', 'inscp_scp_amt', 'act_pay_dedc', 'hifp_pay', 'psn_part_amt', 'fund_pay_sumamt', 'coinsurance_amt', 'above_limit_amt', 'waiting_amt', 'hifmi_pay', 'maf_pay'];

/** ClaimFigures from its fields joined by US (waiting_amt '' when absent, assumed '1'/'0'). */
function claimOf(s) {
  const f = s.split(US);
  const o = {};
  for (let i = 0; i < CLAIM.length; i++) {
    const k = CLAIM[i];
    if (k === 'assumed') o[k] = f[i] === '1';
    else if (k !== 'waiting_amt' || f[i] !== '') o[k] = f[i];
  }
  return o;
}

export function claimFiguresOf(s) {
  return claimOf(s);
}

/** YearFigures from: assumed US order (GS-joined) US the totals, then RS and each claim. */
export function yearFiguresOf(s) {
  const parts = s.split(RS);
  const h = parts[0].split(US);
  const claims = [];
  for (let i = 1; i < parts.length; i++) claims.push(claimOf(parts[i]));
  const order = [];
  if (h[1] !== '') {
    const o = h[1].split(GS);
    for (let i = 0; i < o.length; i++) order.push(+o[i]);
  }
  const totals = {};
  for (let i = 0; i < TOTALS.length; i++) totals[TOTALS[i]] = h[2 + i];
  return { claims, order, totals, assumed: h[0] === '1' };
}
