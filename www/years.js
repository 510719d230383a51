// The coverage year (医保年度) on the page: the selector, the year's provenance panel (status,
// collection window, a banner when the figures are not that year's notice), and each figure's
// source with its reliability grade one tap away. Pure rendering: the numbers come from the engine.
import { h } from './calc/dom.js';
import { yuan } from './calc/format.js';

const T = {
  coverageYear: ['医保年度', 'Coverage year'],
  coverageYearHint: [
    '缴费按医保年度计；每年的数额来自当年的缴费通知。',
    'Contributions run by coverage year; each year’s figures come from that year’s notice.',
  ],
  notice: ['年度缴费通知', 'annual notice'],
  derived: ['由相邻年度通知推算', 'worked out from a neighbouring year’s notice'],
  projection: ['尚无通知：标注假设', 'no notice yet: labelled assumptions'],
  partial: ['部分数额有来源，其余为标注假设', 'some figures sourced, the others labelled assumptions'],
  document: ['文件本身的数额', 'the document’s own figures'],
  not_found: ['查无来源', 'not found'],
  collection: ['集中缴费期', 'Collection window'],
  to: ['至', 'to'],
  stale: ['数额不是当年来源', 'Not this year’s figures'],
  newest: ['最新有来源的医保年度为', 'The newest sourced coverage year is'],
  addon: ['另缴', 'plus'],
  total: ['合计', 'in all'],
  sources: ['来源与可信度', 'Sources and how reliable they are'],
  source: ['来源', 'Source'],
  grade: ['可信度', 'Grade'],
  page: ['原文网页', 'Page'],
  hardship: ['困难群体本年度个人缴费', 'What hardship groups pay this year'],
  group: ['类别', 'Group'],
  pays: ['个人缴费', 'Pays'],
};

function t(lang, key) {
  const v = T[key];
  return lang === 'en' ? v[1] : v[0];
}

/** The coverage year to show by default: today's, if the scheme has figures for it; else the
 *  newest year it has up to today's; else its first. */
export function defaultCoverageYear(scheme, today = new Date()) {
  const now = today.getFullYear();
  const years = (scheme.years || []).filter((y) => y.status !== 'not_found').map((y) => y.year);
  if (!years.length) return now;
  if (years.includes(now)) return now;
  const before = years.filter((y) => y <= now);
  return before.length ? Math.max(...before) : Math.min(...years);
}

/** Options for the selector: every year the scheme records, marked by status. */
export function yearOptions(lang, scheme, current) {
  const seen = new Map();
  for (const y of scheme.years || []) if (!seen.has(y.year)) seen.set(y.year, y.status);
  const cur = Number(current);
  if (cur && !seen.has(cur)) seen.set(cur, 'not_found');
  return [...seen.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, status]) => ({
      id: String(year),
      label: `${year}（${t(lang, status) || status}）`,
    }));
}

/** The 医保年度 select, built like the page's other selects. */
export function coverageYearSelect(lang, scheme, current) {
  return h(
    'select',
    { name: 'cy' },
    yearOptions(lang, scheme, current).map((o) => h('option', { value: o.id, selected: o.id === String(current) }, o.label)),
  );
}

export function coverageYearLabels(lang) {
  return { label: t(lang, 'coverageYear'), hint: t(lang, 'coverageYearHint') };
}

/** The year's provenance under the premium headline. */
/** `（¥0.00—¥10.00）` when a range is wide, else ''. */
function withRange(lang, r) {
  if (!r || r.low === r.high) return '';
  return lang === 'en' ? ` (${yuan(r.low)}–${yuan(r.high)})` : `（${yuan(r.low)}—${yuan(r.high)}）`;
}

export function periodPanel(lang, p) {
  const per = p.period;
  const status = t(lang, per.status) || per.status;
  const window = per.collection_from
    ? ` · ${t(lang, 'collection')} ${per.collection_from} ${t(lang, 'to')} ${per.collection_to}`
    : '';
  const stale = per.status === 'projection' || (per.newest_sourced_year && per.newest_sourced_year < per.year);
  const addons = (p.addons || []).map((a) =>
    h(
      'p',
      { class: 'yb-addon', 'data-testid': `addon-${a.id}` },
      `${t(lang, 'addon')} ${lang === 'en' ? a.name_en : a.name_zh} ${yuan(a.amount)}（${lang === 'en' ? a.where_en : a.where_zh}），${t(lang, 'total')} ${yuan(p.individual_with_addons)}${withRange(lang, p.ranges.individual_with_addons)}`,
      a.figure.basis === 'assumed' ? h('span', { class: 'yb-note' }, ` ${lang === 'en' ? a.figure.note_en : a.figure.note_zh}`) : null,
      ' ',
      sourceTap(lang, a.figure.source),
    ),
  );
  return h(
    'div',
    { class: 'yb-period', 'data-testid': 'period', 'data-status': per.status },
    h('p', { class: 'yb-period-line' }, h('strong', {}, `${t(lang, 'coverageYear')} ${per.year}`), `（${status}）${window}`),
    stale
      ? h(
          'p',
          { class: 'yb-banner', role: 'note', 'data-testid': 'stale-banner' },
          h('strong', {}, `${t(lang, 'stale')}：`),
          per.newest_sourced_year ? `${t(lang, 'newest')} ${per.newest_sourced_year}。` : '',
          lang === 'en' ? per.note_en : per.note_zh,
        )
      : null,
    ...addons,
    sourceList(lang, p.sources),
  );
}

/** A figure's source, one tap away: the grade in words, then the quote, issuer, date and page. */
export function sourceTap(lang, src) {
  if (!src) return null;
  const grade = lang === 'en' ? src.grade_en : src.grade_zh;
  return h(
    'details',
    { class: 'yb-src', 'data-grade': src.grade },
    h('summary', {}, `${t(lang, 'source')}：${grade}`),
    sourceBody(lang, src),
  );
}

function sourceBody(lang, src) {
  const grade = lang === 'en' ? src.grade_en : src.grade_zh;
  const note = lang === 'en' ? src.note_en : src.note_zh;
  return h(
    'div',
    { class: 'yb-src-body' },
    h('p', {}, h('strong', {}, `[${src.id}] ${src.doc}`), `（${src.issuer_zh}，${src.date}）`),
    h('p', {}, `${t(lang, 'grade')}：${src.grade}（${grade}）`),
    h('blockquote', { lang: 'zh-CN' }, `“${src.quote_zh}”`),
    note ? h('p', { class: 'yb-note' }, note) : null,
    h('p', {}, h('a', { href: src.url, rel: 'noopener noreferrer', target: '_blank' }, t(lang, 'page')), ` ${src.url}`),
  );
}

function sourceList(lang, sources) {
  if (!sources || !sources.length) return null;
  return h(
    'details',
    { class: 'yb-sources', 'data-testid': 'sources' },
    h('summary', {}, `${t(lang, 'sources')} (${sources.length})`),
    h(
      'ul',
      {},
      sources.map((s) => h('li', { 'data-source': s.id }, sourceBody(lang, s))),
    ),
  );
}

/** What each hardship class pays in the year shown (for a person with no status). */
export function hardshipTable(lang, p) {
  const rows = p.hardship_classes || [];
  if (!rows.length) return null;
  const range = (r) => (r.low === r.high ? '' : `（${yuan(r.low)}—${yuan(r.high)}）`);
  return h(
    'table',
    { class: 'yb-table yb-hardship', 'data-testid': 'hardship-classes' },
    h('caption', {}, t(lang, 'hardship')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t(lang, 'group')), h('th', { scope: 'col' }, t(lang, 'pays')))),
    h(
      'tbody',
      {},
      rows.map((c) =>
        h(
          'tr',
          { 'data-class': c.id },
          h('th', { scope: 'row' }, lang === 'en' ? c.name_en : c.name_zh),
          h('td', { class: 'yb-num' }, `${yuan(c.individual)}${range(c.range)}`),
        ),
      ),
    ),
  );
}

/** A banner for answers resting on figures older than the year asked (notices of kind stale). */
export function staleBanner(lang, notices) {
  const stale = (notices || []).filter((n) => n.kind === 'stale');
  if (!stale.length) return null;
  return h(
    'div',
    { class: 'yb-banner', role: 'note', 'data-testid': 'stale-banner' },
    stale.map((n) => h('p', {}, h('strong', {}, `${t(lang, 'stale')}：`), lang === 'en' ? n.en : n.zh)),
  );
}
