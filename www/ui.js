// 医保测算 — the calculator UI shared by the page (index.html, embed.html) and the
// <yibao-calculator> widget. Everything is computed in the browser by the wasm engine; nothing is
// sent anywhere. No innerHTML with data: every node is built with the DOM API, so a loaded policy
// file cannot inject markup. Money arrives as decimal strings and is formatted as strings.

import init, * as api from './pkg/yibao.js';
import { coverageYearLabels, coverageYearSelect, defaultCoverageYear, hardshipTable, periodPanel, sourceTap, staleBanner } from './years.js';
import { bare, cityField, compileWasm, fix1, guardApi, summaryBar, updateSummary } from './extras.js';

let engineReady = null;
let fullReady = null;

/**
 * Loads the wasm module once and returns the API, guarded against what a host page may have
 * patched (extras.js: fetched with a fresh realm's fetch, requests and answers copied bare).
 */
export function loadEngine() {
  if (!engineReady) {
    engineReady = init({ module_or_path: compileWasm(new URL('./pkg/yibao_bg.wasm', import.meta.url)) }).then(() => guardApi(api));
  }
  return engineReady;
}

/** A wasm file's URL in `dir`: a parameter, so scripts/size-check.mjs (which follows literal
 * `new URL('…', import.meta.url)`) does not count the full module as loaded eagerly. */
const wasmIn = (dir) => new URL(`${dir}/yibao_bg.wasm`, import.meta.url);

/**
 * The full module (pkg/full/), which can also read policy files (loadPolicy): loaded only when
 * someone loads a file, so the widget does not download the TOML parser and validation otherwise.
 */
export function loadFullEngine() {
  if (!fullReady) {
    fullReady = import('./pkg/full/yibao.js').then(async (full) => {
      await full.default({ module_or_path: compileWasm(wasmIn('pkg/full')) });
      return guardApi(full);
    });
    fullReady.catch(() => {
      fullReady = null;
    });
  }
  return fullReady;
}

// ---------------------------------------------------------------- formatting

/** "1234.5" → "¥1,234.50" without floats. */
export function yuan(s) {
  if (s === null || s === undefined || s === '') return '—';
  let str = String(s).trim();
  let sign = '';
  if (str.startsWith('-')) {
    sign = '-';
    str = str.slice(1);
  }
  const [int = '0', frac = ''] = str.split('.');
  const grouped = (int.replace(/^0+(?=\d)/, '') || '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${grouped}.${(frac + '00').slice(0, 2)}`;
}

/** "0.5563" → "55.63%" by moving the decimal point in the string. */
export function percent(s) {
  if (s === null || s === undefined || s === '') return '—';
  const [int = '0', frac = ''] = String(s).trim().split('.');
  const f = frac.padEnd(2, '0');
  let whole = (int + f.slice(0, 2)).replace(/^0+(?=\d)/, '');
  let rest = f.slice(2).replace(/0+$/, '');
  return rest ? `${whole}.${rest}%` : `${whole}%`;
}

/** True when a decimal string is zero ("0", "0.00", "-0.00"). */
export function isZero(s) {
  return s === null || s === undefined || /^-?0*(\.0*)?$/.test(String(s).trim());
}

/** Coordinates for the chart only (never for money shown to people). */
function coord(s) {
  const n = Number(String(s).replace(/[¥,\s]/g, ''));
  return Number.isFinite(n) ? n : NaN;
}

// ---------------------------------------------------------------- words

const T = {
  title: ['医保测算', 'Medical insurance calculator'],
  subtitle: [
    '城乡居民基本医疗保险：缴费与报销估算。全部在您的浏览器中计算，不上传任何数据。',
    "Resident basic medical insurance: premiums and reimbursement. Computed in your browser; nothing is sent anywhere.",
  ],
  lang: ['English', '中文'],
  langLabel: ['Switch to English', '切换到中文'],
  who: ['参保人', 'Who'],
  scheme: ['参保方案', 'Scheme'],
  region: ['统筹地区', 'Region'],
  category: ['人员类别', 'Category'],
  statuses: ['困难群体与特殊情况', 'Hardship statuses and situations'],
  noStatuses: ['（本类别无可选项）', '(none for this category)'],
  paidOn: ['缴费日期（可不填）', 'Contribution date (optional)'],
  paidOnHint: [
    '用于确定待遇年度和等待期；不填则按已过等待期计算。',
    'Starts the benefit year and waiting period; if empty the waiting period counts as served.',
  ],
  renewed: ['此后每年连续缴费、没有中断吗？', 'Paid every year since, without a break?'],
  renewedOpts: [
    ['未说明（按连续计算）', '是（续保不再设等待期）', '否（每次年度缴费后都有等待期）'],
    ['Not said (taken as yes)', 'Yes (no new waiting period)', 'No (each annual payment starts one)'],
  ],
  bill: ['一次就医', 'One bill'],
  kind: ['费用类型', 'Kind of claim'],
  disease: ['门诊大病病种', 'Major outpatient disease'],
  level: ['医疗机构级别', 'Hospital level'],
  date: ['入院（就诊）日期', 'Admission (visit) date'],
  medfee: ['医疗费总额', 'Total bill'],
  ownpay: ['全自费金额', 'Out-of-scope part'],
  ownpayHint: ['不在医保目录内、完全自费的部分', 'Items outside the insurance lists, paid entirely by you'],
  yuanUnit: ['元', 'yuan'],
  eligibility: ['能否参保', 'May you enrol?'],
  eligible: ['可以参加本方案。', 'You may enrol in this scheme.'],
  notEligible: ['不能参加本方案。', 'You may not enrol in this scheme.'],
  sendTo: ['应参加', 'Belongs in'],
  warning: ['请注意', 'Note'],
  premium: ['缴费', 'Premium'],
  youPayYear: ['您每年缴纳', 'You pay per year'],
  standard: ['缴费标准', 'Contribution standard'],
  subsidyClass: ['适用补助类别', 'Subsidy class applied'],
  payer: ['承担方', 'Payer'],
  amount: ['金额', 'Amount'],
  range: ['可能范围', 'Possible range'],
  basisCol: ['依据', 'Source'],
  individual: ['个人缴费', 'Individual'],
  subsidyTotal: ['补助合计（各出资方）', 'Subsidies in total (all payers)'],
  unassigned: ['未指明承担者', 'Assigned to no one'],
  unassignedExplain: [
    '文件规定的缴费标准中有这一部分没有指明由谁承担；本测算不把它算到您或任何一级财政头上。',
    'The document does not say who pays this part of the standard; it is charged neither to you nor to any government here.',
  ],
  paymentOptions: ['缴费方式', 'Ways to pay'],
  notices: ['提示', 'Notices'],
  steps: ['计算过程（点击展开）', 'How it was computed (tap to open)'],
  assumptions: ['本结果依赖的地方性取值', 'Local figures this rests on'],
  claim: ['报销估算', 'Reimbursement estimate'],
  fundPays: ['统筹基金支付', 'Fund pays'],
  youPay: ['个人负担', 'You pay'],
  inScope: ['符合政策范围金额', 'In-scope cost'],
  deductible: ['起付标准', 'Deductible'],
  coins: ['比例自付', 'Co-payment'],
  aboveLimit: ['超过最高支付限额', 'Above the annual limit'],
  waiting: ['等待期内不予支付', 'Not paid (waiting period)'],
  ratio: ['统筹基金支付比例', 'Fund share'],
  limit: ['最高支付限额', 'Annual limit'],
  benefitYear: ['待遇年度', 'Benefit year'],
  rangeNote: ['随地方取值可能在', 'With local figures it could be'],
  to: ['至', 'to'],
  assumed: ['含假设', 'assumed'],
  clause: ['依据', 'Clause'],
  figure: ['取值', 'Figure'],
  value: ['数值', 'Value'],
  chart: ['个人负担随医疗费总额变化', 'Your share as the bill grows'],
  chartNote: [
    '横轴：医疗费总额（假设全部在政策范围内）；纵轴：个人负担。竖线标出起付标准、分段界点和最高支付限额。',
    'Across: total bill (all in scope); up: what you pay. Lines mark the deductible, segment edges and the annual limit.',
  ],
  chartYou: ['本次', 'this bill'],
  segmentEdge: ['分段界点', 'Segment edge'],
  compare: ['同一笔费用在各级医疗机构', 'The same bill at each hospital level'],
  year: ['一年内多次住院', 'Several admissions in a year'],
  yearHint: [
    '添加几次住院，看最高支付限额如何被逐次用掉。',
    'Add admissions and watch the annual limit being used up.',
  ],
  addAdmission: ['添加一次（用上面的费用）', 'Add one (with the bill above)'],
  remove: ['删除', 'Remove'],
  admission: ['第 {n} 次', 'No. {n}'],
  noAdmissions: ['还没有添加。', 'None added yet.'],
  totals: ['全年合计', 'Year totals'],
  yearTable: ['各次住院明细', 'Admissions in detail'],
  used: ['已用', 'Used'],
  remaining: ['剩余', 'Remaining'],
  limitKindEligible: ['（限制计入的医疗费用）', '(caps eligible cost)'],
  limitKindFund: ['（限制基金支付额）', '(caps fund payment)'],
  actions: ['保存与分享', 'Save and share'],
  copyText: ['复制为文字', 'Copy as text'],
  copyLink: ['复制链接', 'Copy link'],
  print: ['打印', 'Print'],
  copied: ['已复制到剪贴板。', 'Copied to the clipboard.'],
  copyFailed: ['无法访问剪贴板，请手动选择下方文字复制。', 'No clipboard access; select the text below and copy it.'],
  loadPolicy: ['加载本地政策文件（TOML）', 'Load a local policy file (TOML)'],
  loaded: ['已加载政策：', 'Loaded policy: '],
  loading: ['正在加载计算引擎…', 'Loading the calculator…'],
  noPolicies: ['没有可用的政策文件。', 'No policies are loaded.'],
  fixInput: ['请检查输入：', 'Please check: '],
  error: ['无法计算', 'Cannot compute'],
  benefitsAbsent: ['本方案不测算报销', 'No reimbursement estimate for this scheme'],
  footer: [
    '估算结果仅供参考，以当地医保经办机构结算为准。',
    'An estimate only; your local insurance office settles the actual amount.',
  ],
  dateCol: ['日期', 'Date'],
  levelCol: ['级别', 'Level'],
  summaryHead: ['医保测算结果', 'Insurance estimate'],
  link: ['链接', 'Link'],
  and: ['，', ', '],
};

export class I18n {
  constructor(lang) {
    this.lang = lang === 'en' ? 'en' : 'zh';
  }
  get i() {
    return this.lang === 'en' ? 1 : 0;
  }
  t(key, vars) {
    const pair = T[key];
    let s = pair ? pair[this.i] : key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, v);
    return s;
  }
  /** Picks `x.name_zh`/`x.name_en` (or another stem). */
  n(obj, stem = 'name') {
    if (!obj) return '';
    return (this.lang === 'en' ? obj[`${stem}_en`] : obj[`${stem}_zh`]) || obj[`${stem}_zh`] || '';
  }
  /** The document's Chinese term with the English alongside (or the reverse in English). */
  term(key) {
    const [zh, en] = T[key];
    return this.pair(zh, en);
  }
  /** A labelled object's names, both languages, current one first. */
  names(obj, stem = 'name') {
    return this.pair(obj[`${stem}_zh`] || '', obj[`${stem}_en`] || '');
  }
  pair(zh, en) {
    return this.lang === 'en'
      ? [en, ' ', h('span', { class: 'yb-alt', lang: 'zh-CN' }, zh)]
      : [zh, ' ', h('span', { class: 'yb-alt', lang: 'en' }, en)];
  }
}

// ---------------------------------------------------------------- DOM helpers

export function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, kids);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function s(tag, props, ...kids) {
  const el = document.createElementNS(SVG_NS, tag);
  setProps(el, props);
  append(el, kids);
  return el;
}

function setProps(el, props) {
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else if (k === 'selected') el.selected = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** Like Element.append/replaceChildren but skipping null/false and flattening arrays. */
function add(el, ...kids) {
  append(el, kids);
}
function replace(el, ...kids) {
  el.replaceChildren();
  append(el, kids);
}

function append(el, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k === null || k === undefined || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
}

let uid = 0;
function nextId(stem) {
  uid += 1;
  return `yb-${stem}-${uid}`;
}

// ---------------------------------------------------------------- state and the URL fragment

const DEFAULT_TOTAL = '10000';
const DEFAULT_OWNPAY = '500';

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
  put('k', st.kind);
  put('dz', st.disease);
  put('l', st.level);
  put('d', st.date);
  if (st.total !== undefined) p.set('t', st.total);
  if (st.ownpay !== undefined) p.set('o', st.ownpay);
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
  get('k', 'kind');
  get('dz', 'disease');
  get('l', 'level');
  get('d', 'date');
  get('t', 'total');
  get('o', 'ownpay');
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

// ---------------------------------------------------------------- the calculator

/**
 * Mounts the calculator into `root` (an element or a shadow root).
 * options: { lang, preset: {scheme, region, category, ...}, headingLevel, syncFragment, onChange }
 */
export async function mountCalculator(root, options = {}) {
  const calc = new Calculator(root, options);
  await calc.start();
  return calc;
}

class Calculator {
  constructor(root, options) {
    this.root = root;
    this.opts = options;
    this.hl = options.headingLevel || 2;
    const fromFrag = options.syncFragment ? decodeState(location.hash) : {};
    // No prototype: a host's Object.prototype.paid_on (or date, disease…) must not read as input.
    this.state = bare({ statuses: [], year: [], ...(options.preset || {}), ...fromFrag });
    this.i18n = new I18n(this.state.lang || options.lang || 'zh');
    this.state.lang = this.i18n.lang;
    this.openDetails = new Set();
    this.timer = null;
    this.last = {};
  }

  async start() {
    this.container = h('div', { class: 'yb', lang: this.i18n.lang === 'en' ? 'en' : 'zh-CN' });
    this.root.append(this.container);
    this.container.append(h('p', { class: 'yb-loading', role: 'status' }, this.i18n.t('loading')));
    try {
      this.api = await loadEngine();
      this.catalogue = this.api.catalogue();
    } catch (e) {
      this.container.replaceChildren(errorBox(this.i18n, e));
      return;
    }
    if (this.opts.syncFragment) {
      window.addEventListener('hashchange', () => {
        if (location.hash.slice(1) === this.lastFragment) return;
        this.state = bare({ statuses: [], year: [], ...decodeState(location.hash) });
        this.i18n = new I18n(this.state.lang || this.i18n.lang);
        this.build();
      });
    }
    window.addEventListener('beforeprint', () => this.forDetails((d) => {
      d.dataset.wasOpen = d.open ? '1' : '';
      d.open = true;
    }));
    window.addEventListener('afterprint', () => this.forDetails((d) => {
      d.open = d.dataset.wasOpen === '1';
    }));
    this.build();
  }

  forDetails(fn) {
    for (const d of this.container.querySelectorAll('details')) fn(d);
  }

  scheme() {
    const list = this.catalogue.schemes;
    return list.find((x) => x.id === this.state.scheme) || currentScheme(list);
  }

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
  }

  statuses() {
    const sc = this.scheme();
    if (!sc) return [];
    return sc.statuses.filter((x) => !x.categories.length || x.categories.includes(this.state.category));
  }

  kinds() {
    const sc = this.scheme();
    if (!sc) return [];
    return sc.claim_kinds.filter((k) => !k.categories.length || k.categories.includes(this.state.category));
  }

  levels(kind) {
    const sc = this.scheme();
    if (!sc) return [];
    if (!kind || !kind.levels.length) return sc.levels;
    return sc.levels.filter((l) => kind.levels.includes(l.id));
  }

  person() {
    const st = this.state;
    return { scheme: st.scheme, region: st.region, category: st.category, statuses: [...st.statuses] };
  }

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
  }

  paidOn() {
    return this.state.paid_on ? this.state.paid_on : null;
  }

  /** renewed_without_break from the form: null when not said. */
  renewed() {
    const r = this.state.renewed;
    return r === 'yes' ? true : r === 'no' ? false : null;
  }

  // ------------------------------------------------------------ building the form

  build() {
    const { i18n } = this;
    const hadFocus = this.container.querySelector(':focus')?.dataset?.key;
    this.container.lang = i18n.lang === 'en' ? 'en' : 'zh-CN';
    this.container.replaceChildren();
    if (!this.catalogue.schemes.length) {
      this.container.append(h('p', { class: 'yb-error', role: 'alert' }, i18n.t('noPolicies')));
      return;
    }
    this.normalise();
    const H = (n, ...kids) => h(`h${Math.min(6, this.hl + n)}`, {}, ...kids);

    const head = h(
      'div',
      { class: 'yb-head' },
      H(0, i18n.t('title')),
      h(
        'button',
        {
          type: 'button',
          class: 'yb-lang',
          'data-key': 'lang',
          lang: i18n.lang === 'en' ? 'zh-CN' : 'en',
          'aria-label': i18n.t('langLabel'),
          onclick: () => {
            this.state.lang = i18n.lang === 'en' ? 'zh' : 'en';
            this.i18n = new I18n(this.state.lang);
            this.build();
            this.container.querySelector('.yb-lang')?.focus();
          },
        },
        i18n.t('lang'),
      ),
    );
    const intro = h('p', { class: 'yb-intro' }, i18n.t('subtitle'));

    this.form = h('form', { class: 'yb-form', novalidate: true, onsubmit: (e) => e.preventDefault() });
    this.form.append(this.personFieldset(H), this.billFieldset(H));
    this.form.addEventListener('change', (e) => this.onInput(e, true));
    this.form.addEventListener('input', (e) => this.onInput(e, false));

    this.live = h('div', { class: 'yb-results', 'aria-live': 'polite', 'data-testid': 'results' });
    this.detail = h('div', { class: 'yb-detail' });
    this.yearBox = h('section', { class: 'yb-card yb-year', 'aria-label': i18n.t('year') });
    this.actions = this.actionsBar(H);

    this.summary = summaryBar(i18n);
    this.container.append(head, intro, this.form, this.summary, this.live, this.detail, this.yearBox, this.actions);
    this.container.append(h('p', { class: 'yb-foot' }, i18n.t('footer')));
    this.compute();
    if (hadFocus) this.container.querySelector(`[data-key="${hadFocus}"]`)?.focus();
  }

  field(key, labelKids, control, hint) {
    const id = nextId(key);
    control.id = id;
    control.dataset.key = key;
    const kids = [h('label', { for: id }, labelKids), control];
    if (hint) {
      const hid = `${id}-hint`;
      control.setAttribute('aria-describedby', hid);
      kids.push(h('p', { class: 'yb-hint', id: hid }, hint));
    }
    kids.push(h('p', { class: 'yb-field-error', id: `${id}-err`, hidden: true }));
    return h('div', { class: `yb-field yb-field-${key}` }, kids);
  }

  select(key, items, current) {
    return h(
      'select',
      { name: key },
      items.map((it) => h('option', { value: it.id, selected: it.id === current }, this.i18n.n(it))),
    );
  }

  personFieldset() {
    const { i18n, state: st } = this;
    const sc = this.scheme();
    const sts = this.statuses();
    const statusBox = h(
      'fieldset',
      { class: 'yb-statuses' },
      h('legend', {}, i18n.t('statuses')),
      sts.length
        ? sts.map((x) => {
            const id = nextId('st');
            return h(
              'div',
              { class: 'yb-check' },
              h('input', {
                type: 'checkbox',
                id,
                name: 'status',
                value: x.id,
                'data-key': `st-${x.id}`,
                checked: st.statuses.includes(x.id),
              }),
              h('label', { for: id }, i18n.n(x)),
            );
          })
        : h('p', { class: 'yb-hint' }, i18n.t('noStatuses')),
    );
    return h(
      'fieldset',
      { class: 'yb-card yb-who' },
      h('legend', {}, i18n.t('who')),
      cityField(this),
      this.field('scheme', i18n.t('scheme'), this.select('scheme', this.catalogue.schemes, st.scheme)),
      h('p', { class: 'yb-doc' }, `${sc.doc} ${sc.title_zh}`),
      this.field('region', i18n.t('region'), this.select('region', sc.regions, st.region)),
      this.field('category', i18n.t('category'), this.select('category', sc.categories, st.category)),
      this.field('cy', coverageYearLabels(i18n.lang).label, coverageYearSelect(i18n.lang, sc, st.cy), coverageYearLabels(i18n.lang).hint),
      statusBox,
      this.field(
        'paid_on',
        i18n.t('paidOn'),
        h('input', { type: 'date', name: 'paid_on', value: st.paid_on || '' }),
        i18n.t('paidOnHint'),
      ),
      sc.benefit_year === 'contribution'
        ? this.field(
            'renewed',
            i18n.t('renewed'),
            this.select(
              'renewed',
              ['', 'yes', 'no'].map((id, i) => ({ id, name_zh: T.renewedOpts[0][i], name_en: T.renewedOpts[1][i] })),
              st.renewed || '',
            ),
          )
        : null,
    );
  }

  billFieldset() {
    const { i18n, state: st } = this;
    const sc = this.scheme();
    const kinds = this.kinds();
    const box = h('fieldset', { class: 'yb-card yb-bill' }, h('legend', {}, i18n.t('bill')));
    if (!kinds.length) {
      add(box, 
        h(
          'p',
          { class: 'yb-notice' },
          sc.benefits_absent_zh ? i18n.n(sc, 'benefits_absent') : i18n.t('benefitsAbsent'),
        ),
      );
      return box;
    }
    const kind = kinds.find((k) => k.id === st.kind);
    add(box, this.field('kind', i18n.t('kind'), this.select('kind', kinds, st.kind)));
    if (kind && kind.diseases.length) {
      add(box, this.field('disease', i18n.t('disease'), this.select('disease', kind.diseases, st.disease)));
    }
    add(box, 
      this.field('level', i18n.t('level'), this.select('level', this.levels(kind), st.level)),
      this.field('date', i18n.t('date'), h('input', { type: 'date', name: 'date', value: st.date, required: true })),
      this.field(
        'total',
        [i18n.term('medfee'), ` (${i18n.t('yuanUnit')})`],
        h('input', { type: 'text', inputmode: 'decimal', name: 'total', value: st.total, autocomplete: 'off' }),
      ),
      this.field(
        'ownpay',
        [i18n.term('ownpay'), ` (${i18n.t('yuanUnit')})`],
        h('input', { type: 'text', inputmode: 'decimal', name: 'ownpay', value: st.ownpay, autocomplete: 'off' }),
        i18n.t('ownpayHint'),
      ),
    );
    return box;
  }

  onInput(e, committed) {
    const t = e.target;
    if (!t || !t.name) return;
    const st = this.state;
    const structural = ['scheme', 'region', 'category', 'kind', 'status'];
    if (t.name === 'status') {
      const boxes = this.form.querySelectorAll('input[name="status"]');
      st.statuses = [...boxes].filter((b) => b.checked).map((b) => b.value);
    } else if (t.closest('.yb-year-row')) {
      return; // handled by the year editor
    } else {
      st[t.name] = t.value;
    }
    if (!committed && (t.type === 'text' || t.type === 'date')) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.compute(), 250);
      return;
    }
    if (!committed) return;
    if (structural.includes(t.name) && t.name !== 'status') {
      if (t.name === 'scheme' || t.name === 'region') st.city = ''; // chosen by hand, not from the picker
      if (t.name === 'scheme') {
        st.region = st.category = st.kind = st.level = st.disease = st.renewed = '';
        st.statuses = [];
        st.date = '';
        st.cy = '';
        st.year = [];
      }
      this.build();
      this.container.querySelector(`[data-key="${t.name}"]`)?.focus();
      return;
    }
    clearTimeout(this.timer);
    this.compute();
  }

  // ------------------------------------------------------------ computing

  call(fn, arg) {
    try {
      return { ok: this.api[fn](arg) };
    } catch (e) {
      return { err: e };
    }
  }

  compute() {
    const { i18n } = this;
    this.normalise();
    this.saveFragment();
    this.clearFieldErrors();
    const person = this.person();
    const elig = this.call('eligibility', person);
    const prem = this.call('premium', { person, date: this.paidOn(), year: this.state.cy || null });
    if (!this.state.cy && prem.ok) this.adoptYear(String(prem.ok.period.year));
    const kinds = this.kinds();
    let claim = null;
    let compare = null;
    if (kinds.length) {
      const req = { person, paid_on: this.paidOn(), renewed_without_break: this.renewed(), claim: this.claimInput() };
      claim = this.call('claim', req);
      if (claim.ok) compare = this.call('compare', { ...req, explain: false }); // the table shows figures only
      if (claim.err) this.markField(claim.err);
    }
    this.last = { elig, prem, claim, compare };

    const H = (n, ...kids) => h(`h${Math.min(6, this.hl + n)}`, {}, ...kids);
    updateSummary(this.summary, prem, kinds.length ? claim : null);
    replace(this.live, 
      this.renderEligibility(H, elig, prem),
      this.renderPremium(H, prem),
      kinds.length ? this.renderClaim(H, claim) : null,
    );
    const detail = [];
    if (claim && claim.ok) {
      detail.push(this.renderChart(H, claim.ok));
      if (compare) detail.push(this.renderCompare(H, compare));
    }
    detail.push(this.layerSlot((m) => m.enrolPanel(this)));
    replace(this.detail, ...detail.filter(Boolean));
    this.renderYear(H);
    this.restoreDetails();
    if (this.opts.onChange) this.opts.onChange(this);
  }

  /** Takes the coverage year the engine answered for (from the contribution date). */
  adoptYear(year) {
    this.state.cy = year;
    const sel = this.form.querySelector('select[name="cy"]');
    if (sel && [...sel.options].some((o) => o.value === year)) sel.value = year;
    this.saveFragment();
  }

  saveFragment() {
    const frag = encodeState(this.state);
    this.fragment = frag;
    if (this.opts.syncFragment) {
      this.lastFragment = frag;
      if (location.hash.slice(1) !== frag) history.replaceState(null, '', `#${frag}`);
    }
  }

  clearFieldErrors() {
    for (const el of this.form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const p of this.form.querySelectorAll('.yb-field-error')) {
      p.hidden = true;
      p.textContent = '';
    }
  }

  markField(err) {
    const f = String(err.field || '');
    const key = f.endsWith('medfee_sumamt')
      ? 'total'
      : f.endsWith('fulamt_ownpay_amt')
        ? 'ownpay'
        : f.endsWith('date')
          ? 'date'
          : null;
    const keys = err.code === 'out_of_scope_exceeds_total' ? ['ownpay'] : key ? [key] : [];
    for (const k of keys) {
      const input = this.form.querySelector(`[data-key="${k}"]`);
      if (!input) continue;
      input.setAttribute('aria-invalid', 'true');
      const p = this.form.querySelector(`#${input.id}-err`);
      if (p) {
        p.textContent = errMsg(this.i18n, err);
        p.hidden = false;
        const d = input.getAttribute('aria-describedby') || '';
        if (!d.includes(p.id)) input.setAttribute('aria-describedby', `${d} ${p.id}`.trim());
      }
    }
  }

  details(key, summaryKids, bodyKids, cls) {
    const d = h('details', { class: cls || '', 'data-open-key': key }, h('summary', {}, summaryKids), bodyKids);
    if (this.openDetails.has(key)) d.open = true;
    d.addEventListener('toggle', () => {
      if (d.open) this.openDetails.add(key);
      else this.openDetails.delete(key);
    });
    return d;
  }

  restoreDetails() {
    for (const d of this.container.querySelectorAll('details[data-open-key]')) {
      if (this.openDetails.has(d.dataset.openKey)) d.open = true;
    }
  }

  // ------------------------------------------------------------ rendering results

  renderEligibility(H, elig, prem) {
    const { i18n } = this;
    const box = h('section', { class: 'yb-card yb-elig', 'data-testid': 'eligibility' }, H(1, i18n.t('eligibility')));
    const notElig = (msg, clause, sendTo) =>
      h(
        'div',
        { class: 'yb-bad' },
        h('p', { class: 'yb-verdict' }, i18n.t('notEligible')),
        h('p', {}, msg),
        clause ? h('p', { class: 'yb-clause' }, `${i18n.t('clause')}：${clause}`) : null,
        sendTo ? h('p', { class: 'yb-sendto' }, `${i18n.t('sendTo')}：${sendTo}`) : null,
      );
    if (elig.err) {
      const e = elig.err;
      if (e.code === 'not_eligible') add(box, notElig(errMsg(i18n, e), e.clause, i18n.n(e, 'send_to')));
      else add(box, errorBox(i18n, e));
      return box;
    }
    const r = elig.ok;
    if (r.eligible) add(box, h('p', { class: 'yb-ok' }, i18n.t('eligible')));
    for (const v of r.verdicts) {
      if (v.verdict === 'excluded') {
        add(box, notElig(i18n.n(v, 'reason'), `${v.doc} ${v.clause}`, i18n.n(v, 'send_to')));
      } else {
        add(box, 
          h(
            'div',
            { class: 'yb-warn' },
            h('p', {}, `${i18n.t('warning')}：${i18n.n(v, 'reason')}`),
            h('p', { class: 'yb-clause' }, `${i18n.t('clause')}：${v.doc} ${v.clause}`),
            i18n.n(v, 'send_to') ? h('p', {}, `${i18n.t('sendTo')}：${i18n.n(v, 'send_to')}`) : null,
          ),
        );
      }
    }
    return box;
  }

  renderPremium(H, prem) {
    const { i18n } = this;
    const box = h('section', { class: 'yb-card yb-premium', 'data-testid': 'premium' }, H(1, i18n.t('premium')));
    if (prem.err) {
      add(box, errorBox(i18n, prem.err));
      return box;
    }
    const p = prem.ok;
    add(box, 
      h(
        'p',
        { class: 'yb-headline' },
        h('span', { class: 'yb-headline-label' }, i18n.t('youPayYear')),
        ' ',
        h('strong', { class: 'yb-amount', 'data-testid': 'premium-individual' }, yuan(p.individual)),
        rangeNote(i18n, p.ranges.individual),
      ),
      periodPanel(i18n.lang, p),
    );
    const rows = [
      [i18n.term('standard'), p.standard, p.ranges.standard, '', 'premium-standard'],
      [i18n.term('individual'), p.individual, p.ranges.individual, '', 'premium-individual-row'],
      ...p.payers.map((x) => [i18n.names(x), x.amount, x.range, `${x.doc} ${x.clause}`, `payer-${x.payer}`]),
      [i18n.term('subsidyTotal'), p.subsidy_total, p.ranges.subsidy_total, '', 'premium-subsidy'],
    ];
    const table = h(
      'table',
      { class: 'yb-table' },
      h('caption', {}, `${i18n.t('subsidyClass')}：${i18n.n(p.subsidy_class)}（${p.subsidy_class.doc} ${p.subsidy_class.clause}）`),
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, i18n.t('payer')), h('th', { scope: 'col' }, i18n.t('amount')), h('th', { scope: 'col' }, i18n.t('range')), h('th', { scope: 'col', class: 'yb-col-cite' }, i18n.t('basisCol'))),
      ),
      h(
        'tbody',
        {},
        rows.map(([label, amount, range, cite, tid]) =>
          h(
            'tr',
            { 'data-testid': tid },
            h('th', { scope: 'row' }, label),
            h('td', { class: 'yb-num' }, yuan(amount)),
            h('td', { class: 'yb-num' }, range && range.low !== range.high ? `${yuan(range.low)} – ${yuan(range.high)}` : '—'),
            h('td', { class: 'yb-cite yb-col-cite' }, cite),
          ),
        ),
      ),
    );
    add(box, table, hardshipTable(i18n.lang, p));
    if (!isZero(p.unassigned)) {
      add(box, 
        h(
          'div',
          { class: 'yb-warn yb-unassigned', 'data-testid': 'premium-unassigned' },
          h('p', {}, h('strong', {}, `${i18n.t('unassigned')}：${yuan(p.unassigned)}`)),
          h('p', {}, i18n.t('unassignedExplain')),
        ),
      );
    }
    add(box, this.noticeList(p.payment_options, 'paymentOptions'));
    add(box, this.noticeList(p.notices, 'notices'));
    add(box, this.assumptionList('prem-assume', p.assumptions));
    add(box, this.stepList('prem', p.steps));
    return box;
  }

  renderClaim(H, claim) {
    const { i18n } = this;
    const box = h('section', { class: 'yb-card yb-claim', 'data-testid': 'claim' }, H(1, i18n.t('claim')));
    if (!claim || claim.err) {
      add(box, errorBox(i18n, claim.err));
      return box;
    }
    const c = claim.ok;
    add(box, staleBanner(i18n.lang, c.notices));
    add(box, 
      h(
        'div',
        { class: 'yb-split' },
        h(
          'p',
          { class: 'yb-big yb-fund' },
          h('span', {}, i18n.term('fundPays')),
          h('strong', { class: 'yb-amount', 'data-testid': 'claim-hifp_pay' }, yuan(c.hifp_pay)),
          rangeNote(i18n, c.ranges.hifp_pay),
        ),
        h(
          'p',
          { class: 'yb-big yb-you' },
          h('span', {}, i18n.term('youPay')),
          h('strong', { class: 'yb-amount', 'data-testid': 'claim-psn_part_amt' }, yuan(c.psn_part_amt)),
          rangeNote(i18n, c.ranges.psn_part_amt),
        ),
      ),
    );
    const row = (key, value, tid, fmt = yuan) =>
      h('tr', { 'data-testid': tid }, h('th', { scope: 'row' }, i18n.term(key)), h('td', { class: 'yb-num' }, fmt(value)));
    add(box, 
      h(
        'table',
        { class: 'yb-table yb-breakdown' },
        h('caption', {}, `${i18n.n(c, 'kind')} · ${i18n.n(c, 'level')} · ${c.date}；${i18n.t('benefitYear')} ${c.benefit_year_start} – ${c.benefit_year_end}`),
        h(
          'tbody',
          {},
          row('medfee', c.medfee_sumamt, 'claim-medfee_sumamt'),
          row('ownpay', c.fulamt_ownpay_amt, 'claim-fulamt_ownpay_amt'),
          row('inScope', c.inscp_scp_amt, 'claim-inscp_scp_amt'),
          row('deductible', c.act_pay_dedc, 'claim-act_pay_dedc'),
          row('coins', c.coinsurance_amt, 'claim-coinsurance_amt'),
          isZero(c.above_limit_amt) ? null : row('aboveLimit', c.above_limit_amt, 'claim-above_limit_amt'),
          isZero(c.waiting_amt) ? null : row('waiting', c.waiting_amt, 'claim-waiting_amt'),
          row('ratio', c.pool_prop_selfpay, 'claim-pool_prop_selfpay', percent),
        ),
      ),
    );
    add(box, this.layerSlot((m) => m.bar(i18n.lang, c)));
    add(box, this.noticeList(c.notices, 'notices'));
    add(box, this.assumptionList('claim-assume', c.assumptions));
    add(box, this.stepList('claim', c.steps));
    return box;
  }

  /** A slot filled once www/layers.js is loaded (a dynamic import, outside the widget's budget). */
  layerSlot(fill) {
    const slot = h('div', { class: 'yb-layers-slot' });
    import('./layers.js').then((m) => replace(slot, fill(m)), () => {});
    return slot;
  }

  noticeList(list, key) {
    if (!list || !list.length) return null;
    const { i18n } = this;
    return h(
      'div',
      { class: 'yb-notices' },
      h('p', { class: 'yb-subhead' }, i18n.t(key)),
      h(
        'ul',
        {},
        list.map((n) =>
          h('li', { class: `yb-notice-${n.kind}` }, i18n.lang === 'en' ? n.en : n.zh, ' ', h('span', { class: 'yb-cite' }, `（${n.doc} ${n.clause}）`)),
        ),
      ),
    );
  }

  assumptionList(key, list) {
    if (!list || !list.length) return null;
    const { i18n } = this;
    return this.details(
      key,
      [h('span', { class: 'yb-assumed-mark', 'aria-hidden': 'true' }, '≈ '), i18n.t('assumptions'), ` (${list.length})`],
      h('ul', { class: 'yb-figs' }, list.map((f) => h('li', {}, figure(i18n, f)))),
      'yb-assumptions',
    );
  }

  stepList(prefix, steps) {
    if (!steps || !steps.length) return null;
    const { i18n } = this;
    return h(
      'div',
      { class: 'yb-steps-box' },
      h('p', { class: 'yb-subhead' }, i18n.t('steps')),
      h(
        'ol',
        { class: 'yb-steps' },
        steps.map((st) => {
          const assumed = st.figures.some((f) => f.basis !== 'stated' && f.basis !== 'derived');
          return h(
            'li',
            { 'data-step': st.id },
            this.details(
              `${prefix}-${st.id}`,
              [
                h('span', { class: 'yb-step-title' }, i18n.n(st, 'title')),
                st.amount !== undefined ? h('span', { class: 'yb-step-amount' }, yuan(st.amount)) : null,
                assumed ? h('span', { class: 'yb-badge' }, i18n.t('assumed')) : null,
              ],
              [
                h('p', {}, i18n.n(st, 'text')),
                h('p', { class: 'yb-clause' }, `${i18n.t('clause')}：${st.doc} ${st.clause}`),
                st.figures.length ? h('ul', { class: 'yb-figs' }, st.figures.map((f) => h('li', {}, figure(i18n, f)))) : null,
              ],
            ),
          );
        }),
      ),
    );
  }

  // ------------------------------------------------------------ chart

  chartData(c) {
    // One engine call computes every point (assumed values, no explanation) and where the
    // annual limit starts to bite; the curve assumes an all-in-scope bill of each size.
    const total = coord(c.medfee_sumamt);
    const lim = coord(c.limit);
    const dedStep = c.steps.find((st) => st.id === 'deductible');
    const dedc = dedStep && dedStep.figures[0] ? coord(dedStep.figures[0].raw) : coord(c.act_pay_dedc);
    let xmax = Math.max(Number.isFinite(total) ? total * 1.5 : 0, Number.isFinite(lim) && c.limit_kind === 'eligible_cost' ? lim * 1.6 : 0, Number.isFinite(dedc) ? dedc * 5 : 0, 1000);
    xmax = niceCeil(xmax);
    const N = 40;
    const totals = [];
    for (let i = 0; i <= N; i += 1) totals.push(String(Math.round((xmax * i) / N)));
    let curve;
    try {
      curve = this.api.curve({ person: this.person(), paid_on: this.paidOn(), claim: { ...this.claimInput(), fulamt_ownpay_amt: '0' }, totals });
    } catch {
      return { points: [], marks: [], xmax, you: { x: total, y: coord(c.psn_part_amt) } };
    }
    const points = curve.points.map((p) => ({ x: coord(p.medfee_sumamt), y: coord(p.psn_part_amt), above: !isZero(p.above_limit_amt) }));
    const marks = [];
    const d = coord(curve.deductible);
    if (Number.isFinite(d) && d > 0) marks.push({ x: d, label: this.i18n.t('deductible'), cls: 'ded' });
    for (const e of curve.edges) {
      const x = coord(e);
      if (Number.isFinite(x) && x > 0 && x < xmax && !marks.some((m) => m.x === x)) marks.push({ x, label: this.i18n.t('segmentEdge'), cls: 'edge' });
    }
    if (curve.limit_from !== undefined) marks.push({ x: coord(curve.limit_from), label: this.i18n.t('limit'), cls: 'lim' });
    return { points, marks, xmax, you: { x: total, y: coord(c.psn_part_amt) } };
  }

  renderChart(H, c) {
    const { i18n } = this;
    const { points, marks, xmax, you } = this.chartData(c);
    if (points.length < 2) return null;
    const W = 480;
    const HT = 280;
    const L = 48;
    const R = 16;
    const TOP = 16;
    const B = 40;
    const ymax = niceCeil(Math.max(...points.map((p) => p.y), you.y || 0, 1));
    const X = (v) => L + ((W - L - R) * v) / xmax;
    const Y = (v) => TOP + (HT - TOP - B) * (1 - v / ymax);
    const fmtAxis = (v) => (v >= 10000 ? `${trimNum(v / 10000)}${i18n.lang === 'en' ? '0k' : '万'}` : String(Math.round(v)));
    const axisLabel = (v) => (i18n.lang === 'en' && v >= 10000 ? `${trimNum(v / 1000)}k` : fmtAxis(v));
    const ticks = [0, 0.25, 0.5, 0.75, 1];
    const titleId = nextId('chart-title');
    const descId = nextId('chart-desc');
    const path = points.map((p, i) => `${i ? 'L' : 'M'}${fix1(X(p.x))},${fix1(Y(p.y))}`).join(' ');
    const svg = s(
      'svg',
      { viewBox: `0 0 ${W} ${HT}`, class: 'yb-chart', role: 'img', 'aria-labelledby': `${titleId} ${descId}` },
      s('title', { id: titleId }, i18n.t('chart')),
      s('desc', { id: descId }, i18n.t('chartNote')),
      ticks.map((t) =>
        s(
          'g',
          { class: 'yb-grid' },
          s('line', { x1: L, x2: W - R, y1: Y(t * ymax), y2: Y(t * ymax) }),
          s('text', { x: L - 6, y: Y(t * ymax) + 4, 'text-anchor': 'end' }, axisLabel(t * ymax)),
          s('text', { x: X(t * xmax), y: HT - B + 16, 'text-anchor': 'middle' }, axisLabel(t * xmax)),
        ),
      ),
      s('line', { class: 'yb-axis', x1: L, x2: W - R, y1: Y(0), y2: Y(0) }),
      s('line', { class: 'yb-axis', x1: L, x2: L, y1: TOP, y2: Y(0) }),
      marks
        .filter((m) => m.x <= xmax)
        .map((m, i) =>
          s(
            'g',
            { class: `yb-mark yb-mark-${m.cls}` },
            s('line', { x1: X(m.x), x2: X(m.x), y1: TOP, y2: Y(0) }),
            s('text', { x: X(m.x) + 3, y: TOP + 12 + (i % 3) * 13 }, m.label),
          ),
        ),
      s('path', { class: 'yb-line', d: path, fill: 'none' }),
      Number.isFinite(you.x) && you.x <= xmax
        ? s(
            'g',
            { class: 'yb-you-dot' },
            s('circle', { cx: X(you.x), cy: Y(you.y), r: 5 }),
            s('text', { x: X(you.x) + 8, y: Y(you.y) - 8 }, `${i18n.t('chartYou')} ${yuan(String(c.psn_part_amt))}`),
          )
        : null,
      s('text', { class: 'yb-axis-title', x: (W + L) / 2, y: HT - 6, 'text-anchor': 'middle' }, `${i18n.t('medfee')} (¥)`),
    );
    return h(
      'section',
      { class: 'yb-card yb-chart-box', 'data-testid': 'chart' },
      H(1, i18n.t('chart')),
      svg,
      h('p', { class: 'yb-hint' }, i18n.t('chartNote')),
    );
  }

  // ------------------------------------------------------------ compare

  renderCompare(H, compare) {
    const { i18n } = this;
    const box = h('section', { class: 'yb-card yb-compare', 'data-testid': 'compare' }, H(1, i18n.t('compare')));
    if (compare.err) {
      add(box, errorBox(i18n, compare.err));
      return box;
    }
    add(box, 
      h(
        'div',
        { class: 'yb-scroll', tabindex: '0', role: 'region', 'aria-label': i18n.t('compare') },
        h(
          'table',
          { class: 'yb-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, i18n.t('level')),
              h('th', { scope: 'col' }, i18n.t('deductible')),
              h('th', { scope: 'col' }, i18n.t('fundPays')),
              h('th', { scope: 'col' }, i18n.t('youPay')),
              h('th', { scope: 'col' }, i18n.t('ratio')),
            ),
          ),
          h(
            'tbody',
            {},
            compare.ok.rows.map((row) =>
              h(
                'tr',
                { class: row.level === this.state.level ? 'yb-current' : '', 'data-level': row.level },
                h('th', { scope: 'row' }, i18n.n(row)),
                row.result
                  ? [
                      h('td', { class: 'yb-num' }, yuan(row.result.act_pay_dedc)),
                      h('td', { class: 'yb-num', 'data-testid': 'compare-hifp_pay' }, yuan(row.result.hifp_pay)),
                      h('td', { class: 'yb-num', 'data-testid': 'compare-psn_part_amt' }, yuan(row.result.psn_part_amt)),
                      h('td', { class: 'yb-num' }, percent(row.result.pool_prop_selfpay)),
                    ]
                  : h('td', { colspan: 4 }, row.error ? errMsg(i18n, row.error) : '—'),
              ),
            ),
          ),
        ),
      ),
    );
    return box;
  }

  // ------------------------------------------------------------ year

  renderYear(H) {
    const { i18n, state: st } = this;
    const box = this.yearBox;
    replace(box, H(1, i18n.t('year')), h('p', { class: 'yb-hint' }, i18n.t('yearHint')));
    if (!this.kinds().length) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    const sc = this.scheme();
    const list = h('ol', { class: 'yb-year-list' });
    st.year.forEach((a, idx) => {
      const kind = sc.claim_kinds.find((k) => k.id === a.kind);
      const levels = this.levels(kind);
      const upd = (key) => (e) => {
        a[key] = e.target.value;
        if (e.type === 'change' || key === 'level') this.recomputeYearSoon(0);
        else this.recomputeYearSoon(250);
      };
      const fid = (k) => nextId(`y${idx}-${k}`);
      const ids = { date: fid('date'), level: fid('level'), total: fid('total'), ownpay: fid('ownpay') };
      list.append(
        h(
          'li',
          { class: 'yb-year-row', 'data-index': idx },
          h('span', { class: 'yb-year-n' }, `${i18n.t('admission', { n: idx + 1 })} · ${kind ? i18n.n(kind) : a.kind}`),
          h('label', { for: ids.date }, i18n.t('date')),
          h('input', { id: ids.date, type: 'date', name: 'ydate', value: a.date, oninput: upd('date'), onchange: upd('date') }),
          h('label', { for: ids.level }, i18n.t('level')),
          h('select', { id: ids.level, name: 'ylevel', onchange: upd('level') }, levels.map((l) => h('option', { value: l.id, selected: l.id === a.level }, i18n.n(l)))),
          h('label', { for: ids.total }, i18n.t('medfee')),
          h('input', { id: ids.total, type: 'text', inputmode: 'decimal', name: 'ytotal', value: a.total, autocomplete: 'off', oninput: upd('total'), onchange: upd('total') }),
          h('label', { for: ids.ownpay }, i18n.t('ownpay')),
          h('input', { id: ids.ownpay, type: 'text', inputmode: 'decimal', name: 'yownpay', value: a.ownpay, autocomplete: 'off', oninput: upd('ownpay'), onchange: upd('ownpay') }),
          h(
            'button',
            {
              type: 'button',
              class: 'yb-remove',
              'aria-label': `${i18n.t('remove')} ${i18n.t('admission', { n: idx + 1 })}`,
              onclick: () => {
                st.year.splice(idx, 1);
                this.saveFragment();
                this.renderYear(H);
                this.yearBox.querySelector('.yb-add')?.focus();
              },
            },
            i18n.t('remove'),
          ),
        ),
      );
    });
    add(box, 
      st.year.length ? list : h('p', { class: 'yb-hint' }, i18n.t('noAdmissions')),
      h(
        'button',
        {
          type: 'button',
          class: 'yb-add',
          onclick: () => {
            st.year.push({ kind: st.kind, level: st.level, date: st.date, total: st.total, ownpay: st.ownpay, disease: st.disease || '' });
            this.saveFragment();
            this.renderYear(H);
            const inputs = this.yearBox.querySelectorAll('.yb-year-row input[name="ydate"]');
            inputs[inputs.length - 1]?.focus();
          },
        },
        i18n.t('addAdmission'),
      ),
    );
    this.yearResult = h('div', { class: 'yb-year-result', 'aria-live': 'polite', 'data-testid': 'year-result' });
    add(box, this.yearResult);
    this.computeYear(H);
  }

  recomputeYearSoon(ms) {
    clearTimeout(this.yearTimer);
    const H = (n, ...kids) => h(`h${Math.min(6, this.hl + n)}`, {}, ...kids);
    this.yearTimer = setTimeout(() => {
      this.saveFragment();
      this.computeYear(H);
    }, ms);
  }

  computeYear(H) {
    const { i18n, state: st } = this;
    const out = this.yearResult;
    if (!out) return;
    if (!st.year.length) {
      replace(out, );
      this.last.year = null;
      return;
    }
    const req = { person: this.person(), paid_on: this.paidOn(), renewed_without_break: this.renewed(), claims: st.year.map((a) => this.claimInput(a)) };
    const y = this.call('year', req);
    this.last.year = y;
    if (y.err) {
      replace(out, errorBox(i18n, y.err));
      if (this.opts.onChange) this.opts.onChange(this);
      return;
    }
    const r = y.ok;
    const rows = r.claims.map((c, i) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, `${i18n.t('admission', { n: r.order[i] + 1 })} ${c.date}`),
        h('td', {}, i18n.n(c, 'level')),
        h('td', { class: 'yb-num' }, yuan(c.medfee_sumamt)),
        h('td', { class: 'yb-num' }, yuan(c.hifp_pay)),
        h('td', { class: 'yb-num' }, yuan(c.psn_part_amt)),
        h('td', { class: 'yb-num' }, yuan(c.above_limit_amt)),
      ),
    );
    const t = r.totals;
    replace(out, 
      h(
        'div',
        { class: 'yb-scroll', tabindex: '0', role: 'region', 'aria-label': i18n.t('yearTable') },
        h(
          'table',
          { class: 'yb-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, i18n.t('dateCol')),
              h('th', { scope: 'col' }, i18n.t('levelCol')),
              h('th', { scope: 'col' }, i18n.t('medfee')),
              h('th', { scope: 'col' }, i18n.t('fundPays')),
              h('th', { scope: 'col' }, i18n.t('youPay')),
              h('th', { scope: 'col' }, i18n.t('aboveLimit')),
            ),
          ),
          h('tbody', {}, rows),
          h(
            'tfoot',
            {},
            h(
              'tr',
              { 'data-testid': 'year-totals' },
              h('th', { scope: 'row', colspan: 2 }, i18n.t('totals')),
              h('td', { class: 'yb-num' }, yuan(t.medfee_sumamt)),
              h('td', { class: 'yb-num', 'data-testid': 'year-hifp_pay' }, yuan(t.hifp_pay)),
              h('td', { class: 'yb-num', 'data-testid': 'year-psn_part_amt' }, yuan(t.psn_part_amt)),
              h('td', { class: 'yb-num' }, yuan(t.above_limit_amt)),
            ),
          ),
        ),
      ),
      r.limits.map((l, i) => {
        const id = nextId('limit');
        return h(
          'div',
          { class: 'yb-limit', 'data-testid': 'year-limit' },
          h(
            'label',
            { for: id },
            i18n.term('limit'),
            ` ${l.benefit_year_start} – ${l.benefit_year_end} ${i18n.t(l.limit_kind === 'fund_payment' ? 'limitKindFund' : 'limitKindEligible')}`,
          ),
          h('meter', { id, min: '0', max: l.limit, value: l.used, low: '0', high: l.limit, optimum: '0' }, `${yuan(l.used)} / ${yuan(l.limit)}`),
          h(
            'p',
            { class: 'yb-limit-figs' },
            `${i18n.t('used')} ${yuan(l.used)} / ${yuan(l.limit)}${i18n.t('and')}${i18n.t('remaining')} `,
            h('strong', { 'data-testid': `year-remaining-${i}` }, yuan(l.remaining)),
            h('span', { class: 'yb-cite' }, `（${l.doc} ${l.clause}）`),
          ),
        );
      }),
      this.noticeList(r.notices, 'notices'),
      this.layerSlot((m) => m.bar(i18n.lang, t, r.layers)),
    );
    if (this.opts.onChange) this.opts.onChange(this);
  }

  // ------------------------------------------------------------ actions

  actionsBar(H) {
    const { i18n } = this;
    const status = h('p', { class: 'yb-action-status', role: 'status' });
    const fileId = nextId('policy');
    const fileInput = h('input', { type: 'file', id: fileId, accept: '.toml,text/plain', class: 'yb-file' });
    fileInput.addEventListener('change', async () => {
      const f = fileInput.files && fileInput.files[0];
      if (!f) return;
      const text = await f.text();
      try {
        const full = await loadFullEngine();
        const loaded = full.loadPolicy(f.name, text);
        this.api = full;
        this.catalogue = this.api.catalogue();
        this.state.scheme = loaded.scheme;
        if (loaded.regions && loaded.regions.length) this.state.region = loaded.regions[0];
        this.build();
        const st2 = this.container.querySelector('.yb-action-status');
        if (st2) st2.textContent = `${i18n.t('loaded')}${loaded.id}`;
      } catch (e) {
        const list = Array.isArray(e.errors) && e.errors.length ? e.errors : [e];
        status.replaceChildren(
          h('span', { class: 'yb-error' }, `${i18n.t('error')}：`),
          h('ul', {}, list.map((x) => h('li', {}, [x.file, x.field].filter(Boolean).join(' · '), x.file || x.field ? '：' : '', errMsg(i18n, x)))),
        );
      }
    });
    const copyBox = h('textarea', { class: 'yb-copy-fallback', readonly: true, hidden: true, 'aria-label': i18n.t('copyText'), rows: '8' });
    const copy = async (text) => {
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = i18n.t('copied');
        copyBox.hidden = true;
      } catch {
        copyBox.value = text;
        copyBox.hidden = false;
        copyBox.select();
        status.textContent = i18n.t('copyFailed');
      }
    };
    return h(
      'section',
      { class: 'yb-card yb-actions', 'aria-label': i18n.t('actions') },
      H(1, i18n.t('actions')),
      h(
        'div',
        { class: 'yb-buttons' },
        h('button', { type: 'button', class: 'yb-copy-text', onclick: () => copy(this.summaryText()) }, i18n.t('copyText')),
        this.opts.syncFragment
          ? h('button', { type: 'button', class: 'yb-copy-link', onclick: () => copy(location.href) }, i18n.t('copyLink'))
          : null,
        h('button', { type: 'button', class: 'yb-print', onclick: () => window.print() }, i18n.t('print')),
      ),
      h('div', { class: 'yb-field' }, h('label', { for: fileId }, i18n.t('loadPolicy')), fileInput),
      status,
      copyBox,
    );
  }

  /** The estimate and its explanation in plain text (Chinese by default) for a message. */
  summaryText() {
    const { i18n, state: st } = this;
    const en = i18n.lang === 'en';
    const sc = this.scheme();
    const L = [];
    const nm = (list, id) => i18n.n((list || []).find((x) => x.id === id)) || id;
    L.push(`【${i18n.t('summaryHead')}】`);
    L.push(`${i18n.t('scheme')}：${i18n.n(sc)}（${sc.doc}）`);
    L.push(`${i18n.t('region')}：${nm(sc.regions, st.region)}；${i18n.t('category')}：${nm(sc.categories, st.category)}`);
    if (st.statuses.length) L.push(`${i18n.t('statuses')}：${st.statuses.map((x) => nm(sc.statuses, x)).join('、')}`);
    const { elig, prem, claim, year } = this.last;
    if (elig && elig.err) L.push(`${i18n.t('eligibility')}：${errMsg(i18n, elig.err)}`);
    else if (elig && elig.ok) {
      L.push(`${i18n.t('eligibility')}：${elig.ok.eligible ? i18n.t('eligible') : i18n.t('notEligible')}`);
      for (const v of elig.ok.verdicts) L.push(`  - ${i18n.n(v, 'reason')}（${v.doc} ${v.clause}）${i18n.n(v, 'send_to') ? `${i18n.t('sendTo')}：${i18n.n(v, 'send_to')}` : ''}`);
    }
    if (prem && prem.ok) {
      const p = prem.ok;
      L.push('');
      L.push(`${i18n.t('premium')}：${i18n.t('youPayYear')} ${yuan(p.individual)}${rangeText(i18n, p.ranges.individual)}；${i18n.t('standard')} ${yuan(p.standard)}`);
      for (const x of p.payers) L.push(`  - ${i18n.n(x)} ${yuan(x.amount)}${rangeText(i18n, x.range)}（${x.doc} ${x.clause}）`);
      if (!isZero(p.unassigned)) L.push(`  - ${i18n.t('unassigned')} ${yuan(p.unassigned)}：${i18n.t('unassignedExplain')}`);
    }
    if (claim && claim.ok) {
      const c = claim.ok;
      L.push('');
      L.push(`${i18n.t('claim')}：${i18n.n(c, 'kind')}，${i18n.n(c, 'level')}，${c.date}`);
      L.push(`  ${i18n.t('medfee')} ${yuan(c.medfee_sumamt)}，${i18n.t('ownpay')} ${yuan(c.fulamt_ownpay_amt)}`);
      L.push(`  ${i18n.t('fundPays')} ${yuan(c.hifp_pay)}${rangeText(i18n, c.ranges.hifp_pay)}`);
      L.push(`  ${i18n.t('youPay')} ${yuan(c.psn_part_amt)}${rangeText(i18n, c.ranges.psn_part_amt)}`);
      L.push(en ? '  How it was computed:' : '  计算过程：');
      c.steps.forEach((x, i) => L.push(`  ${i + 1}. ${i18n.n(x, 'title')}：${i18n.n(x, 'text')}（${i18n.t('clause')} ${x.doc} ${x.clause}）`));
      for (const n of c.notices) L.push(`  * ${en ? n.en : n.zh}`);
    } else if (claim && claim.err) {
      L.push('');
      L.push(`${i18n.t('claim')}：${errMsg(i18n, claim.err)}`);
    }
    if (year && year.ok) {
      const t = year.ok.totals;
      L.push('');
      L.push(`${i18n.t('year')}（${year.ok.claims.length}）：${i18n.t('fundPays')} ${yuan(t.hifp_pay)}，${i18n.t('youPay')} ${yuan(t.psn_part_amt)}`);
      for (const l of year.ok.limits) L.push(`  ${i18n.t('limit')} ${yuan(l.limit)}：${i18n.t('used')} ${yuan(l.used)}，${i18n.t('remaining')} ${yuan(l.remaining)}`);
    }
    L.push('');
    L.push(i18n.t('footer'));
    if (this.opts.syncFragment) L.push(`${i18n.t('link')}：${location.href}`);
    return L.join('\n');
  }
}

// ---------------------------------------------------------------- small renderers

/** With no scheme chosen: the first with figures for today's coverage year (a resident asks about
 *  now), else the first. */
function currentScheme(list) {
  const now = new Date().getFullYear();
  return list.find((sc) => (sc.years || []).some((y) => y.year === now && y.status !== 'not_found')) || list[0];
}

function defaultDate(sc, cy) {
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

function niceCeil(v) {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function trimNum(v) {
  return String(Math.round(v * 10) / 10);
}

function errMsg(i18n, e) {
  if (!e) return '';
  if (i18n.lang === 'en') return e.message_en || e.message || String(e);
  return e.message_zh || e.message || String(e);
}

function errorBox(i18n, e) {
  const code = e && e.code ? e.code : 'error';
  const prefix = code === 'not_eligible' ? '' : /^invalid_|out_of_scope/.test(code) ? i18n.t('fixInput') : `${i18n.t('error')}：`;
  return h(
    'div',
    { class: 'yb-error', 'data-code': code },
    h('p', {}, prefix ? h('strong', {}, prefix) : null, errMsg(i18n, e)),
    e && e.clause ? h('p', { class: 'yb-clause' }, `${i18n.t('clause')}：${e.clause}`) : null,
    e && i18n.n(e, 'send_to') ? h('p', { class: 'yb-sendto' }, `${i18n.t('sendTo')}：${i18n.n(e, 'send_to')}`) : null,
  );
}

function rangeText(i18n, r) {
  if (!r || r.low === r.high) return '';
  return i18n.lang === 'en' ? ` (could be ${yuan(r.low)}–${yuan(r.high)})` : `（可能在 ${yuan(r.low)}—${yuan(r.high)} 之间）`;
}

function rangeNote(i18n, r) {
  if (!r || r.low === r.high) return null;
  return h(
    'span',
    { class: 'yb-range' },
    h('span', { class: 'yb-assumed-mark', 'aria-hidden': 'true' }, '≈'),
    ` ${i18n.t('rangeNote')} ${yuan(r.low)} ${i18n.t('to')} ${yuan(r.high)}`,
  );
}

function figure(i18n, f) {
  const assumed = f.basis !== 'stated' && f.basis !== 'derived';
  return h(
    'span',
    { class: assumed ? 'yb-fig yb-fig-assumed' : 'yb-fig' },
    h('span', { class: 'yb-fig-label' }, i18n.n(f, 'label')),
    '：',
    h('strong', {}, f.value),
    ' ',
    h('span', { class: 'yb-basis' }, `[${i18n.n(f, 'basis')}]`),
    f.min !== undefined || f.max !== undefined ? h('span', { class: 'yb-fig-range' }, ` ${i18n.t('range')} ${f.min ?? '—'} – ${f.max ?? '—'}`) : null,
    f.formula ? h('span', { class: 'yb-formula' }, ` ${f.formula}`) : null,
    h('span', { class: 'yb-cite' }, ` ${f.doc} ${f.clause}`),
    i18n.n(f, 'note') ? h('span', { class: 'yb-note' }, ` — ${i18n.n(f, 'note')}`) : null,
    sourceTap(i18n.lang, f.source),
  );
}
