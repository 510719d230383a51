// The calculator's state: what the resident entered, kept in the URL fragment (ids, dates and
// amounts only; never sent to a server), made consistent with the catalogue, and turned into the
// engine's requests.
import { defaultCoverageYear } from '../years.js';

const DEFAULT_TOTAL = '10000';
const DEFAULT_OWNPAY = '500';
// Issue 18: large text, call-centre layout, the question shown, household members, the year the
// diff compares with, the decision's payment date, "today" when a link fixes it, its bill date.
const SEASON_KEYS = ['lg', 'cc', 'q', 'm', 'df', 'pd', 'td'];

/** State → fragment string (without '#'). Only ids, dates and amounts; never sent to a server. */
export function encodeState(st) {
  const p = new URLSearchParams();
  const put = (k, v) => {
    if (v !== undefined && v !== null && v !== '') p.set(k, v);
  };
  put('lang', st.lang);
  put('s', st.scheme);
  put('r', st.region);
  put('c', st.category);
  put('cy', st.cy);
  put('ct', st.city);
  if (st.statuses && st.statuses.length) p.set('st', st.statuses.join(','));
  put('p', st.paid_on);
  put('rw', st.renewed);
  put('iw', st.iw);
  if (Number(st.ms)) p.set('ms', st.ms);
  if (Number(st.xp)) p.set('xp', st.xp);
  put('nb', st.nb);
  put('k', st.kind);
  put('dz', st.disease);
  put('l', st.level);
  put('d', st.date);
  if (st.total !== undefined) p.set('t', st.total);
  if (st.ownpay !== undefined) p.set('o', st.ownpay);
  for (const k of SEASON_KEYS) put(k, st[k]);
  if (st.year && st.year.length) {
    p.set(
      'y',
      st.year.map((a) => [a.kind, a.level, a.date, a.total, a.ownpay, a.disease || ''].join('~')).join('|'),
    );
  }
  return p.toString();
}

export function decodeState(frag) {
  const p = new URLSearchParams(String(frag || '').replace(/^#/, ''));
  const st = {};
  const get = (k, name) => {
    if (p.has(k)) st[name] = p.get(k);
  };
  get('lang', 'lang');
  get('s', 'scheme');
  get('r', 'region');
  get('c', 'category');
  get('cy', 'cy');
  get('ct', 'city');
  if (p.has('st')) st.statuses = p.get('st').split(',').filter(Boolean);
  get('p', 'paid_on');
  get('rw', 'renewed');
  get('iw', 'iw');
  get('ms', 'ms');
  get('xp', 'xp');
  get('nb', 'nb');
  get('k', 'kind');
  get('dz', 'disease');
  get('l', 'level');
  get('d', 'date');
  get('t', 'total');
  get('o', 'ownpay');
  for (const k of SEASON_KEYS) get(k, k);
  if (p.has('y')) {
    st.year = p
      .get('y')
      .split('|')
      .filter(Boolean)
      .slice(0, 50)
      .map((row) => {
        const [kind, level, date, total, ownpay, disease] = row.split('~');
        return { kind, level, date, total: total ?? '', ownpay: ownpay ?? '', disease: disease || '' };
      });
  }
  return st;
}

/** With no scheme chosen: the first with figures for today's coverage year (a resident asks about
 *  now), else the first. */
export function currentScheme(list) {
  const now = new Date().getFullYear();
  return list.find((sc) => (sc.years || []).some((y) => y.year === now && y.status !== 'not_found')) || list[0];
}

export function defaultDate(sc, cy) {
  // A scheme still in force: the middle of the coverage year shown. Otherwise the first day the
  // policy is in force, moved on a few months so a claim falls inside the benefit year. Links
  // carry the date, so the result does not depend on today.
  if (!sc.effective_to && /^\d{4}$/.test(cy || '') && `${cy}-07-01` > sc.effective_from) return `${cy}-07-01`;
  const from = sc.effective_from || '2008-01-01';
  const [y, m] = from.split('-');
  const mm = Number(m) + 6;
  const date = mm > 12 ? `${Number(y) + 1}-${String(mm - 12).padStart(2, '0')}-01` : `${y}-${String(mm).padStart(2, '0')}-01`;
  if (sc.effective_to && date > sc.effective_to) return from;
  return date;
}

/** Methods of the calculator (mixed into it by shell.js): the state against the catalogue. */
export const stateMethods = {
  scheme() {
    const list = this.catalogue.schemes;
    return list.find((x) => x.id === this.state.scheme) || currentScheme(list);
  },


  /** Makes the state consistent with the catalogue (ids that exist, statuses that apply). */
  normalise() {
    const st = this.state;
    const sc = this.scheme();
    if (!sc) return;
    st.scheme = sc.id;
    if (!sc.regions.some((r) => r.id === st.region)) st.region = sc.regions[0]?.id || '';
    if (!sc.categories.some((c) => c.id === st.category)) st.category = sc.categories[0]?.id || '';
    const okStatus = new Set(this.statuses().map((x) => x.id));
    st.statuses = (st.statuses || []).filter((x) => okStatus.has(x));
    const kinds = this.kinds();
    if (!kinds.some((k) => k.id === st.kind)) st.kind = kinds[0]?.id || '';
    const kind = kinds.find((k) => k.id === st.kind);
    const levels = this.levels(kind);
    if (!levels.some((l) => l.id === st.level)) st.level = levels[0]?.id || '';
    if (kind && kind.diseases.length) {
      if (!kind.diseases.some((d) => d.id === st.disease)) st.disease = kind.diseases[0].id;
    } else st.disease = '';
    // the coverage year: as chosen, else the one the contribution date pays for (the engine
    // answers it, see compute), else today's if the scheme has figures for it
    if (!/^\d{4}$/.test(String(st.cy || ''))) st.cy = st.paid_on ? '' : String(defaultCoverageYear(sc));
    if (!st.date) st.date = defaultDate(sc, st.cy);
    if (st.total === undefined) st.total = DEFAULT_TOTAL;
    if (st.ownpay === undefined) st.ownpay = DEFAULT_OWNPAY;
    if (!Array.isArray(st.year)) st.year = [];
  },

  statuses() {
    const sc = this.scheme();
    if (!sc) return [];
    return sc.statuses.filter((x) => !x.categories.length || x.categories.includes(this.state.category));
  },

  kinds() {
    const sc = this.scheme();
    if (!sc) return [];
    return sc.claim_kinds.filter((k) => !k.categories.length || k.categories.includes(this.state.category));
  },

  levels(kind) {
    const sc = this.scheme();
    if (!sc) return [];
    if (!kind || !kind.levels.length) return sc.levels;
    return sc.levels.filter((l) => kind.levels.includes(l.id));
  },

  person() {
    const st = this.state;
    return { scheme: st.scheme, region: st.region, category: st.category, statuses: [...st.statuses] };
  },

  claimInput(src = this.state) {
    const c = {
      kind: src.kind,
      level: src.level,
      date: src.date,
      medfee_sumamt: String(src.total ?? '').trim(),
      fulamt_ownpay_amt: String(src.ownpay ?? '').trim() || '0',
    };
    if (src.disease) c.disease = src.disease;
    return c;
  },

  paidOn() {
    return this.state.paid_on ? this.state.paid_on : null;
  },

  /** The request's `enrolment` (how the person enrolled for the coverage year the contribution
   *  date pays for): null when nothing is said, so the engine takes the continuous, in-window
   *  case and says so. Counts as strings of whole years. */
  enrolmentIn() {
    const st = this.state;
    const count = (v) => (/^\d{1,3}$/.test(String(v || '').trim()) ? String(Number(v)) : '0');
    const e = {
      paid_in_window: st.iw === 'yes' ? true : st.iw === 'no' ? false : null,
      years_missed: count(st.ms),
      extra_years_paid: count(st.xp),
      exempt: st.nb === '1' ? 'newborn' : null,
    };
    const said = e.paid_in_window !== null || e.years_missed !== '0' || e.extra_years_paid !== '0' || e.exempt;
    return said ? e : null;
  },

  /** renewed_without_break from the form: null when not said. */
  renewed() {
    const r = this.state.renewed;
    return r === 'yes' ? true : r === 'no' ? false : null;
  },

  /** Takes the coverage year the engine answered for (from the contribution date). */
  adoptYear(year) {
    this.state.cy = year;
    const sel = this.form.querySelector('select[name="cy"]');
    if (sel && [...sel.options].some((o) => o.value === year)) sel.value = year;
    this.saveFragment();
  },

  saveFragment() {
    const frag = encodeState(this.state);
    this.fragment = frag;
    if (this.opts.syncFragment) {
      this.lastFragment = frag;
      if (location.hash.slice(1) !== frag) history.replaceState(null, '', `#${frag}`);
    }
  },
};
