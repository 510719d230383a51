// 与上年相比: the person's premium in the coverage year shown and an earlier one (df= in the link),
// line by line with the change and both years' sources, then the annual files' dated benefit
// rules; a year without a source says so instead of comparing (one `diff` call).
import { h, percent, yuan } from './season-ui.js';
import { copyBar, errorBox, fit, linkFor, scrollBox, tag, W } from './season-kit.js';

Object.assign(W, {
  from: ['与哪一年比', 'Compare with'],
  item: ['项目', 'Item'],
  change: ['变化', 'Change'],
  same: ['不变', 'unchanged'],
  assumed: ['含假设', 'assumed'],
  none: ['没有来源', 'not sourced'],
  notFound: ['未找到', 'not found'],
  benefits: ['待遇（年度文件中按日期的规则，各年最后一天有效者）', 'Benefits (dated rules in force on each year’s last day)'],
  sourcesOf: ['{n} 年的来源', 'Sources for {n}'],
  points: ['个百分点', 'points'],
  months: ['个月', 'months'],
  projection: ['预测', 'projection'],
});

const t = (lang, key, n) => W[key][lang === 'en' ? 1 : 0].replace('{n}', n);

function value(lang, unit, v) {
  if (unit === 'ratio') return percent(v);
  if (unit === 'months') return `${v} ${t(lang, 'months')}`;
  return yuan(v);
}

function change(lang, l) {
  if (l.change === undefined) return '—';
  const neg = l.change.startsWith('-');
  const digits = l.change.replace(/^[-+]/, '');
  if (/^0*(\.0*)?$/.test(digits)) return t(lang, 'same');
  const v = l.unit === 'ratio' ? `${percent(digits).replace('%', '')} ${t(lang, 'points')}` : value(lang, l.unit, digits);
  return `${neg ? '−' : '+'}${v}${l.assumed ? `（${t(lang, 'assumed')}）` : ''}`;
}

function cell(lang, l, side, none) {
  const c = l[side];
  if (!c) return h('td', {}, none);
  const open = c.range.high === '';
  const range = c.range.low === c.range.high ? '' : open
    ? (lang === 'en' ? ` (at least ${value(lang, l.unit, c.range.low)}, no ceiling found)` : `（不低于 ${value(lang, l.unit, c.range.low)}，上限未找到）`)
    : `（${value(lang, l.unit, c.range.low)}—${value(lang, l.unit, c.range.high)}）`;
  return h('td', { class: 'yb-num' }, value(lang, l.unit, c.amount), range, h('span', { class: 'yb-tag' }, tag(lang, c.figure)));
}

function table(calc, r, lines, none, tid, caption) {
  const lang = calc.i18n.lang;
  const head = (y) => `${y.year}${y.status === 'projection' ? `（${t(lang, 'projection')}）` : ''}`;
  return scrollBox(caption,
    h('table', { class: 'yb-table', 'data-testid': tid },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t(lang, 'item')), h('th', { scope: 'col' }, head(r.from)), h('th', { scope: 'col' }, head(r.to)), h('th', { scope: 'col' }, t(lang, 'change')))),
      h('tbody', {}, lines.map((l) =>
        h('tr', { 'data-line': l.id },
          h('th', { scope: 'row' }, lang === 'en' ? l.label_en : l.label_zh),
          cell(lang, l, 'from', none), cell(lang, l, 'to', none),
          h('td', { class: 'yb-num' }, change(lang, l)),
        ))),
    ),
  );
}

function sourceList(lang, y) {
  if (!y.sources.length) return null;
  return h('details', { class: 'yb-sources', 'data-testid': `diff-sources-${y.year}` },
    h('summary', {}, `${t(lang, 'sourcesOf', y.year)} (${y.sources.length})`),
    h('ul', {}, y.sources.map((s) => h('li', { 'data-source': s.id }, `[${s.id}] ${s.doc} — ${s.grade}（${lang === 'en' ? s.grade_en : s.grade_zh}）“${s.quote_zh}” ${s.url}`))),
  );
}

function texts(calc, r) {
  const lang = calc.i18n.lang;
  const en = lang === 'en';
  const sc = calc.scheme();
  const cat = calc.i18n.n(sc.categories.find((c) => c.id === calc.state.category));
  const srcs = (y) => y.sources.map((s) => s.id).join('/');
  const line = (l) => `${en ? l.label_en : l.label_zh}${l.from ? value(lang, l.unit, l.from.amount) : t(lang, 'none')}→${l.to ? value(lang, l.unit, l.to.amount) : t(lang, 'none')}${l.change !== undefined ? `（${change(lang, l)}）` : ''}`;
  const key = ['individual', 'with_addons', 'payer_government', 'subsidy_total'].map((id) => r.lines.find((l) => l.id === id)).filter(Boolean);
  const why = r.compared ? '' : en ? ' A year without a source is not compared.' : '没有来源的年度不作比较。';
  const short = fit([
    en ? `${cat}, ${r.from.year}→${r.to.year}: ` : `${cat}${r.from.year}→${r.to.year}年度：`,
    ...key.map((l, i) => `${i ? '；' : ''}${line(l)}`),
    '。',
    why,
    en ? ` Sources ${r.from.year}: ${srcs(r.from) || '—'}; ${r.to.year}: ${srcs(r.to) || '—'}.` : `来源：${r.from.year}年 ${srcs(r.from) || '无'}，${r.to.year}年 ${srcs(r.to) || '无'}。`,
  ]);
  const L = [short, ''];
  for (const y of [r.from, r.to]) L.push(`${y.year}：${y.status === 'not_sourced' ? (en ? y.note_en : y.note_zh) : `${y.doc}${y.collection_to ? `（${y.collection_from}—${y.collection_to}）` : ''}`}`);
  for (const l of [...r.lines, ...r.benefits]) L.push(`${line(l)}［${l.from ? tag(lang, l.from.figure) : '—'} → ${l.to ? tag(lang, l.to.figure) : '—'}］`);
  for (const n of r.notices) L.push(en ? n.en : n.zh);
  for (const y of [r.from, r.to]) for (const s of y.sources) L.push(`${y.year} [${s.id}] ${s.doc}（${s.grade}）${s.url}`);
  return { short, full: L.join('\n'), link: linkFor(calc) };
}

/** The panel: which year to compare with, then both years side by side. */
export function diffPanel(calc, Hn, refresh, api) {
  const lang = calc.i18n.lang;
  const sc = calc.scheme();
  const to = Number(calc.state.cy) || new Date().getFullYear();
  const years = [...new Set((sc.years || []).map((y) => y.year))].filter((y) => y !== to).sort((a, b) => a - b);
  if (!years.includes(to - 1)) years.push(to - 1);
  const earlier = years.filter((y) => y < to);
  const from = Number(calc.state.df) || (earlier.length ? Math.max(...earlier) : to - 1);
  let res;
  try {
    res = { ok: api.diff({ person: calc.person(), from: String(from), to: String(to) }) };
  } catch (e) {
    res = { err: e };
  }
  const r = res.ok;
  return [
    h(Hn, {}, W.diff[lang === 'en' ? 1 : 0]),
    h('div', { class: 'yb-field' },
      h('label', { for: 'yb-df' }, t(lang, 'from')),
      h('select', {
        id: 'yb-df',
        'data-key': 'df',
        onchange: (e) => {
          calc.state.df = e.target.value;
          calc.saveFragment();
          refresh('df');
        },
      }, years.sort((a, b) => a - b).map((y) => h('option', { value: String(y), selected: y === from }, String(y)))),
    ),
    res.err
      ? errorBox(lang, res.err)
      : h('div', { 'aria-live': 'polite' },
          [r.from, r.to].filter((y) => y.error).map((y) => h('p', { class: 'yb-warn', 'data-testid': `diff-unsourced-${y.year}` }, lang === 'en' ? y.note_en : y.note_zh)),
          table(calc, r, r.lines, t(lang, 'none'), 'diff-table', `${r.from.year} → ${r.to.year}`),
          r.benefits.length ? table(calc, r, r.benefits, t(lang, 'notFound'), 'diff-benefits', t(lang, 'benefits')) : null,
          r.notices.filter((n) => n.kind !== 'warning' || r.compared).map((n) => h('p', { class: 'yb-cite' }, lang === 'en' ? n.en : n.zh)),
          sourceList(lang, r.from),
          sourceList(lang, r.to),
        ),
    r ? copyBar(calc, () => texts(calc, r)) : null,
  ];
}
