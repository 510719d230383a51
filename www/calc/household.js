// 家庭缴费: the household's members (kept in the link as m=category~status.status~born|…), what
// each pays, aid and subsidy, the add-ons, the total, who pays nothing and why — one `household`
// call, whose total is the sum of each member's own premium answer (tests/household.rs).
import { h, yuan } from './season-ui.js';
import { copyBar, errorBox, fit, linkFor, scrollBox, tag, W } from './season-kit.js';

const MAX = 12;

Object.assign(W, {
  members: ['家庭成员', 'Members'],
  member: ['成员 {n}', 'Member {n}'],
  addMember: ['添加成员', 'Add a member'],
  remove: ['删除', 'Remove'],
  category: ['人员类别', 'Category'],
  statuses: ['困难群体与特殊情况', 'Hardship statuses and situations'],
  born: ['新生儿出生日期（不是新生儿请留空）', "Newborn's birth date (leave empty otherwise)"],
  who: ['成员', 'Member'],
  own: ['个人缴费', 'Own share'],
  aid: ['医疗救助资助', 'Medical assistance aid'],
  subsidy: ['财政等补助', 'Subsidies'],
  addons: ['附加险种', 'Add-ons'],
  sub: ['应缴合计', 'Pays in all'],
  src: ['来源', 'Source'],
  total: ['家庭合计', 'Household'],
  pays: ['全家每年缴纳', 'The household pays per year'],
  nothing: ['不用缴费的成员', 'Members who pay nothing'],
  notSet: ['未设定', 'not set'],
  sources: ['来源与可信度', 'Sources and grades'],
  window: ['集中缴费期', 'Collection window'],
  people: ['{n} 人', '{n} members'],
  noneChosen: ['无', 'none'],
  range: ['（随地方取值可能在 {a}—{b} 之间）', ' (with local figures, {a}–{b})'],
});

const t = (lang, key, n) => W[key][lang === 'en' ? 1 : 0].replace('{n}', n);

/** The members in the state, or the person of the form alone. */
export function members(calc) {
  const st = calc.state;
  if (!st.m) return [{ category: st.category, statuses: [...st.statuses], born: '' }];
  return String(st.m)
    .split('|')
    .slice(0, MAX)
    .map((row) => {
      const [category = '', statuses = '', born = ''] = row.split('~');
      return { category, statuses: statuses.split('.').filter(Boolean), born };
    });
}

function save(calc, list) {
  calc.state.m = list.map((m) => [m.category, m.statuses.join('.'), m.born || ''].join('~').replace(/~+$/, '')).join('|');
  calc.saveFragment();
}

function request(calc, list) {
  const st = calc.state;
  return {
    scheme: st.scheme,
    region: st.region,
    year: st.cy || null,
    members: list.map((m) => ({ category: m.category, statuses: m.statuses, born: m.born || null })),
  };
}

/** One member's fields: category, the statuses that apply to it, a newborn's birth date. */
function memberFields(calc, list, i, refresh) {
  const lang = calc.i18n.lang;
  const sc = calc.scheme();
  const m = list[i];
  const change = (key) => () => {
    save(calc, list);
    refresh(key);
  };
  const id = (k) => `yb-m${i}-${k}`;
  const fits = sc.statuses.filter((x) => !x.categories.length || x.categories.includes(m.category));
  return h(
    'fieldset',
    { class: 'yb-member', 'data-member': String(i) },
    h('legend', {}, t(lang, 'member', i + 1)),
    h('div', { class: 'yb-field' },
      h('label', { for: id('c') }, t(lang, 'category')),
      h('select', {
        id: id('c'),
        'data-key': `m${i}-category`,
        onchange: (e) => {
          m.category = e.target.value;
          m.statuses = [];
          change(`m${i}-category`)();
        },
      }, sc.categories.map((c) => h('option', { value: c.id, selected: c.id === m.category }, calc.i18n.n(c)))),
    ),
    fits.length
      ? h('details', { class: 'yb-statuses', open: m.statuses.length > 0 },
          h('summary', {}, `${t(lang, 'statuses')}（${m.statuses.length ? m.statuses.map((s) => calc.i18n.n(fits.find((x) => x.id === s))).join('、') : t(lang, 'noneChosen')}）`),
          fits.map((x) =>
            h('div', { class: 'yb-check' },
              h('input', {
                type: 'checkbox',
                id: id(x.id),
                'data-key': `m${i}-${x.id}`,
                checked: m.statuses.includes(x.id),
                onchange: (e) => {
                  m.statuses = e.target.checked ? [...m.statuses, x.id] : m.statuses.filter((s) => s !== x.id);
                  change(`m${i}-${x.id}`)();
                },
              }),
              h('label', { for: id(x.id) }, calc.i18n.n(x)),
            ),
          ))
      : null,
    h('div', { class: 'yb-field' },
      h('label', { for: id('b') }, t(lang, 'born')),
      h('input', {
        type: 'date',
        id: id('b'),
        'data-key': `m${i}-born`,
        value: m.born || '',
        onchange: (e) => {
          m.born = e.target.value;
          change(`m${i}-born`)();
        },
      }),
    ),
    list.length > 1
      ? h('button', {
          type: 'button',
          class: 'yb-remove',
          'data-key': `m${i}-remove`,
          'aria-label': `${t(lang, 'remove')} ${t(lang, 'member', i + 1)}`,
          onclick: () => {
            list.splice(i, 1);
            change('add-member')();
          },
        }, t(lang, 'remove'))
      : null,
  );
}

function names(calc, m) {
  const lang = calc.i18n.lang;
  const n = (x) => (lang === 'en' ? x.name_en : x.name_zh);
  const born = m.born ? (lang === 'en' ? `newborn, born ${m.born}` : `新生儿，${m.born} 出生`) : '';
  return [n(m.category), ...m.statuses.map(n), born].filter(Boolean).join(' · ');
}

const lineOf = (m, id) => (m.lines || []).find((l) => l.id === id);

/** The answer: a row per member, the household's totals, who pays nothing, the sources. */
function answer(calc, r) {
  const lang = calc.i18n.lang;
  const cell = (v, tid) => h('td', { class: 'yb-num', 'data-testid': tid }, v === '' ? t(lang, 'notSet') : yuan(v));
  const rows = r.members.map((m, i) => {
    const ind = lineOf(m, 'individual');
    return h('tr', { 'data-member': String(i) },
      h('th', { scope: 'row' }, `${i + 1}. ${names(calc, m)}`),
      cell(m.individual, `hh-own-${i}`),
      cell(m.aid, `hh-aid-${i}`),
      cell(m.subsidy, `hh-subsidy-${i}`),
      cell(m.addons, `hh-addons-${i}`),
      cell(m.with_addons, `hh-pays-${i}`),
      h('td', { class: 'yb-tag' }, m.not_set ? '—' : tag(lang, ind && ind.figure)),
    );
  });
  const addonSum = r.addons.reduce((a, x) => `${a}${a ? '；' : ''}${lang === 'en' ? x.name_en : x.name_zh} ${yuan(x.amount)}`, '');
  const range = r.range.low !== r.range.high ? t(lang, 'range').replace('{a}', yuan(r.range.low)).replace('{b}', yuan(r.range.high)) : '';
  const why = r.members.filter((m) => m.pays_nothing || m.not_set);
  return h('div', { 'aria-live': 'polite' },
    h('p', { class: 'yb-headline' }, `${t(lang, 'pays')} `, h('strong', { class: 'yb-amount', 'data-testid': 'hh-total' }, yuan(r.total)), range),
    r.period.collection_to ? h('p', {}, `${t(lang, 'window')} ${r.period.collection_from} — ${r.period.collection_to}`) : null,
    scrollBox(t(lang, 'members'),
      h('table', { class: 'yb-table', 'data-testid': 'hh-table' },
        h('caption', {}, `${r.year} · ${t(lang, 'people', r.members.length)}`),
        h('thead', {}, h('tr', {}, ['who', 'own', 'aid', 'subsidy', 'addons', 'sub', 'src'].map((k) => h('th', { scope: 'col' }, t(lang, k))))),
        h('tbody', {}, rows,
          h('tr', { class: 'yb-total' },
            h('th', { scope: 'row' }, t(lang, 'total')),
            cell(r.individual, 'hh-own'), cell(r.aid, 'hh-aid'), cell(r.subsidy, 'hh-subsidy'),
            h('td', { class: 'yb-num' }, addonSum || '—'), cell(r.total, 'hh-sum'), h('td', {}, ''),
          ),
        ),
      ),
    ),
    why.length
      ? h('ul', { class: 'yb-figs', 'data-testid': 'hh-why' },
          why.map((m) => {
            const n = m.pays_nothing || m.not_set;
            return h('li', {}, `${names(calc, m)}：${lang === 'en' ? n.en : n.zh}`, n.clause ? h('span', { class: 'yb-cite' }, `（${n.doc} ${n.clause}）`) : null);
          }))
      : null,
    r.notices.map((n) => h('p', { class: 'yb-warn' }, lang === 'en' ? n.en : n.zh)),
    h('details', { class: 'yb-sources' },
      h('summary', {}, `${t(lang, 'sources')} (${r.sources.length})`),
      h('ul', {}, r.sources.map((s) => h('li', { 'data-source': s.id }, `[${s.id}] ${s.doc} — ${s.grade}（${lang === 'en' ? s.grade_en : s.grade_zh}） ${s.url}`))),
    ),
  );
}

/** The short answer (≤ 140 characters) and the full one. */
function texts(calc, r) {
  const lang = calc.i18n.lang;
  const en = lang === 'en';
  const sc = calc.scheme();
  const place = (calc.i18n.n(sc.regions.find((x) => x.id === r.region)) || r.region).split(/[·(（]/)[0];
  const addons = r.addons.map((a) => `${en ? a.name_en : a.name_zh}${yuan(a.amount)}`).join('、');
  const nothing = r.pay_nothing.map((i) => i + 1).join('、');
  const short = en
    ? fit([`${place} ${r.year}: a household of ${r.members.length} pays ${yuan(r.total)}`, addons ? ` (own ${yuan(r.individual)} + ${addons})` : '', '.', nothing ? ` Member ${nothing} pays no basic premium.` : '', r.not_set.length ? ` Newborns: not set.` : '', r.period.collection_to ? ` Pay by ${r.period.collection_to}.` : ''])
    : fit([`${place}${r.year}年度，一家${r.members.length}人共缴${yuan(r.total)}`, addons ? `（个人缴费${yuan(r.individual)}＋${addons}）` : '', '。', nothing ? `成员${nothing}个人不缴基本医保费。` : '', r.not_set.length ? '新生儿缴费未设定。' : '', r.period.collection_to ? `集中缴费期至${r.period.collection_to}。` : '']);
  const L = [short, ''];
  r.members.forEach((m, i) => {
    if (m.not_set) {
      L.push(`${i + 1}. ${names(calc, m)}：${en ? m.not_set.en : m.not_set.zh}`);
      return;
    }
    const parts = m.lines.filter((l) => l.id !== 'standard' && l.id !== 'subsidy_total').map((l) => `${en ? l.label_en : l.label_zh} ${yuan(l.amount)}［${tag(lang, l.figure)}］`);
    L.push(`${i + 1}. ${names(calc, m)}：${parts.join('，')}`);
    if (m.pays_nothing) L.push(`   ${en ? m.pays_nothing.en : m.pays_nothing.zh}`);
  });
  L.push(`${t(lang, 'total')}：${yuan(r.total)}（${t(lang, 'own')} ${yuan(r.individual)}，${t(lang, 'aid')} ${yuan(r.aid)}，${t(lang, 'subsidy')} ${yuan(r.subsidy)}）`);
  for (const n of r.notices) L.push(en ? n.en : n.zh);
  L.push(`${t(lang, 'sources')}：`);
  for (const s of r.sources) L.push(`[${s.id}] ${s.doc}（${s.grade}，${en ? s.grade_en : s.grade_zh}）${s.url}`);
  return { short, full: L.join('\n'), link: linkFor(calc) };
}

/** The panel: the members' fields, then the answer and its two texts. */
export function householdPanel(calc, Hn, refresh, api) {
  const lang = calc.i18n.lang;
  const list = members(calc);
  let result;
  try {
    result = { ok: api.household(request(calc, list)) };
  } catch (e) {
    result = { err: e };
  }
  const fields = list.map((_, i) => memberFields(calc, list, i, refresh));
  const bad = result.err && /^members\[(\d+)\]\.?(\w*)/.exec(result.err.field || '');
  if (bad) {
    const key = bad[2] === 'born' ? 'born' : bad[2] === 'category' ? 'category' : '';
    const el = fields[Number(bad[1])]?.querySelector(key ? `[data-key="m${bad[1]}-${key}"]` : 'select');
    el?.setAttribute('aria-invalid', 'true');
  }
  return [
    h(Hn, {}, W.household[lang === 'en' ? 1 : 0]),
    result.err ? errorBox(lang, result.err) : answer(calc, result.ok),
    result.ok ? copyBar(calc, () => texts(calc, result.ok)) : null,
    h('div', { class: 'yb-members', 'data-testid': 'hh-members', role: 'group', 'aria-label': t(lang, 'members') }, fields),
    list.length < MAX
      ? h('button', {
          type: 'button',
          class: 'yb-add',
          'data-key': 'add-member',
          onclick: () => {
            list.push({ category: calc.state.category, statuses: [], born: '' });
            save(calc, list);
            refresh('add-member');
          },
        }, t(lang, 'addMember'))
      : null,
  ];
}
