// 何时缴费: for the coverage year shown, the collection window (a calendar file with its last
// day, built here, no server), and paying today, on a chosen date (pd=), or not at all — when
// benefits start and what the bill of the form above would cost (one `decision` call; "today" is
// the browser's date, or td= when a link fixes it).
import { h, yuan } from './season-ui.js';
import { copyBar, errorBox, fit, linkFor, scrollBox, W } from './season-kit.js';

Object.assign(W, {
  window: ['集中缴费期', 'Collection window'],
  left: ['还剩 {n} 天', '{n} days left'],
  past: ['已过 {n} 天', 'ended {n} days ago'],
  ics: ['下载日历提醒（.ics，缴费期最后一天）', 'Calendar reminder (.ics, the last day)'],
  today: ['今天', 'Today'],
  fixed: ['（链接中的日期）', '(the date in the link)'],
  chosen: ['另一个缴费日期（可不填）', 'Another payment date (optional)'],
  choice: ['选择', 'Choice'],
  payToday: ['今天缴费', 'Pay today'],
  payOpen: ['缴费期开始时缴费', 'Pay when it opens'],
  payOn: ['{n} 缴费', 'Pay on {n}'],
  payNot: ['不缴费', 'Do not pay'],
  paidOn: ['缴费日', 'Paid on'],
  from: ['待遇开始', 'Covered from'],
  wait: ['等待期', 'Waiting'],
  prem: ['缴费', 'Premium'],
  cost: ['这笔费用自付', 'Bill, you pay'],
  all: ['合计', 'In all'],
  noCover: ['不享受', 'no cover'],
  notYear: ['（本年度不享受）', ' (not this year)'],
  months: ['{n} 个月', '{n} months'],
  bill: ['这笔费用：上方“一次就医”的 {n}', 'The bill: the one above, {n}'],
  noBill: ['上方“一次就医”的日期不在该医保年度，这里不计算费用。', 'The bill above is not dated in this coverage year; no bill is weighed.'],
  icsTitle: ['城乡居民医保 {n} 年度集中缴费期最后一天', 'Last day to pay resident medical insurance for {n}'],
});

const t = (lang, key, n) => W[key][lang === 'en' ? 1 : 0].replace('{n}', n);

/** The browser's date (local), or the one the link fixes. */
export function today(calc) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(calc.state.td || '')) return calc.state.td;
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** iCalendar text (RFC 5545): one all-day event on `day` with a reminder three days before. */
export function icsText({ day, stamp, title, description, uid }) {
  const esc = (s) => String(s).replace(/\\/g, '\\\\').replace(/([,;])/g, '\\$1').replace(/\n/g, '\\n');
  const compact = (d) => d.replace(/-/g, '');
  const next = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + 1));
  const end = next.toISOString().slice(0, 10);
  // lines of at most 75 octets: continuation lines start with a space (UTF-8 never split)
  const fold = (line) => {
    const out = [];
    let cur = '';
    let n = 0;
    for (const ch of line) {
      const b = new TextEncoder().encode(ch).length;
      if (n + b > (out.length ? 74 : 75)) {
        out.push(cur);
        cur = '';
        n = 0;
      }
      cur += ch;
      n += b;
    }
    out.push(cur);
    return out.join('\r\n ');
  };
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//yibao//医保测算//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    'BEGIN:VEVENT', `UID:${uid}`, `DTSTAMP:${compact(stamp)}T000000Z`,
    `DTSTART;VALUE=DATE:${compact(day)}`, `DTEND;VALUE=DATE:${compact(end)}`,
    `SUMMARY:${esc(title)}`, `DESCRIPTION:${esc(description)}`,
    'BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-P3D', `DESCRIPTION:${esc(title)}`, 'END:VALARM',
    'END:VEVENT', 'END:VCALENDAR', '',
  ].map(fold).join('\r\n');
}

function request(calc, day) {
  const st = calc.state;
  const count = (v) => (/^\d{1,3}$/.test(String(v || '')) ? String(Number(v)) : '0');
  const year = String(st.cy);
  const claim = calc.kinds().length && String(st.date || '').startsWith(year) ? calc.claimInput() : null;
  return {
    person: calc.person(),
    year,
    today: day,
    paid_on: st.pd || null,
    enrolment: { years_missed: count(st.ms), extra_years_paid: count(st.xp), exempt: st.nb === '1' ? 'newborn' : null },
    claim,
  };
}

function label(lang, r, o) {
  if (o.id === 'none') return t(lang, 'payNot');
  if (o.id === 'chosen') return t(lang, 'payOn', o.paid_on);
  return o.paid_on === r.today ? t(lang, 'payToday') : t(lang, 'payOpen');
}

function windowLine(lang, r) {
  if (!r.collection_to) return null;
  const n = r.days_left;
  const left = n === undefined ? '' : n >= 0 ? t(lang, 'left', n) : t(lang, 'past', -n);
  const s = r.collection_source;
  return h('p', { 'data-testid': 'dc-window' }, `${t(lang, 'window')} ${r.collection_from} — ${r.collection_to}（${left}）`, s ? h('span', { class: 'yb-tag' }, `${s.id}·${s.grade}`) : null);
}

function icsButton(calc, r) {
  const lang = calc.i18n.lang;
  if (!r.collection_to) return null;
  return h('button', {
    type: 'button',
    class: 'yb-ics',
    'data-testid': 'dc-ics',
    onclick: () => {
      const text = icsText({
        day: r.collection_to,
        stamp: r.today,
        uid: `yibao-${calc.state.scheme}-${r.year}-${r.collection_to}@yibao`,
        title: t(lang, 'icsTitle', r.year),
        description: `${t(lang, 'window')} ${r.collection_from} — ${r.collection_to}。${linkFor(calc)}`,
      });
      const a = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' })), download: `yibao-${r.year}.ics` });
      calc.container.append(a);
      a.click();
      setTimeout(() => {
        URL.revokeObjectURL(a.href);
        a.remove();
      }, 1000);
    },
  }, t(lang, 'ics'));
}

function table(calc, r) {
  const lang = calc.i18n.lang;
  const cols = ['choice', 'paidOn', 'from', 'wait', 'prem', 'cost', 'all'];
  const from = (o) => (o.id === 'none' ? t(lang, 'noCover') : o.benefits_from ? `${o.benefits_from}${o.covered ? '' : t(lang, 'notYear')}` : '—');
  return scrollBox(t(lang, 'choice'),
    h('table', { class: 'yb-table', 'data-testid': 'dc-table' },
      h('thead', {}, h('tr', {}, cols.map((k) => h('th', { scope: 'col' }, t(lang, k))))),
      h('tbody', {}, r.options.map((o) =>
        h('tr', { 'data-option': o.id },
          h('th', { scope: 'row' }, label(lang, r, o)),
          h('td', {}, o.paid_on || '—'),
          h('td', { 'data-testid': `dc-from-${o.id}` }, from(o)),
          h('td', {}, o.id === 'none' ? '—' : t(lang, 'months', o.waiting_months)),
          h('td', { class: 'yb-num' }, yuan(o.premium)),
          h('td', { class: 'yb-num', 'data-testid': `dc-cost-${o.id}` }, o.bill_cost ? yuan(o.bill_cost) : '—'),
          h('td', { class: 'yb-num' }, o.total ? yuan(o.total) : '—'),
        ))),
    ),
  );
}

function texts(calc, r, req) {
  const lang = calc.i18n.lang;
  const en = lang === 'en';
  const n = r.days_left;
  const open = r.collection_to ? (en ? `The window for ${r.year} ends ${r.collection_to}${n >= 0 ? ` (${n} days left)` : ' (closed)'}. ` : `${r.year}年度集中缴费期至${r.collection_to}${n >= 0 ? `（还剩${n}天）` : '（已结束）'}。`) : '';
  const opt = (o) => {
    const name = label(lang, r, o);
    if (o.id === 'none') return en ? `${name}: no cover` : `${name}：全年无待遇`;
    const cover = o.benefits_from ? (en ? `covered from ${o.benefits_from}` : `${o.benefits_from}起享受待遇`) : '';
    return `${name}${en ? ': ' : '：'}${cover}`;
  };
  const costs = req.claim ? r.options.filter((o) => o.bill_cost).map((o) => `${label(lang, r, o)}${en ? ' ' : '自付'}${yuan(o.bill_cost)}`).join(en ? ', ' : '，') : '';
  const short = fit([
    open,
    r.options.map(opt).join(en ? '; ' : '；'),
    en ? '. ' : '。',
    costs ? (en ? `A bill of ${yuan(req.claim.medfee_sumamt)}: ${costs}.` : `这笔${yuan(req.claim.medfee_sumamt)}费用：${costs}。`) : '',
  ]);
  const L = [short, '', `${t(lang, 'today')} ${r.today}`];
  for (const o of r.options) L.push(`${label(lang, r, o)}：${en ? o.en : o.zh}${o.total ? `（${t(lang, 'prem')} ${yuan(o.premium)}，${t(lang, 'cost')} ${yuan(o.bill_cost)}，${t(lang, 'all')} ${yuan(o.total)}）` : ''}`);
  for (const s of r.steps) L.push(`${en ? s.title_en : s.title_zh}：${en ? s.text_en : s.text_zh}（${s.doc} ${s.clause}）`);
  for (const x of r.notices) L.push(en ? x.en : x.zh);
  const s = r.collection_source;
  if (s) L.push(`[${s.id}] ${s.doc}（${s.grade}）${s.url}`);
  return { short, full: L.join('\n'), link: linkFor(calc, { td: r.today, q: 'decision' }) };
}

/** The panel: today, another date, the window and its calendar file, the three choices. */
export function decisionPanel(calc, Hn, refresh, api) {
  const lang = calc.i18n.lang;
  const day = today(calc);
  const req = request(calc, day);
  let res;
  try {
    res = { ok: api.decision(req) };
  } catch (e) {
    res = { err: e };
  }
  const r = res.ok;
  return [
    h(Hn, {}, W.decision[lang === 'en' ? 1 : 0]),
    h('p', {}, `${t(lang, 'today')} ${day}${calc.state.td ? t(lang, 'fixed') : ''}`),
    h('div', { class: 'yb-field' },
      h('label', { for: 'yb-pd' }, t(lang, 'chosen')),
      h('input', {
        type: 'date',
        id: 'yb-pd',
        'data-key': 'pd',
        value: calc.state.pd || '',
        onchange: (e) => {
          calc.state.pd = e.target.value;
          calc.saveFragment();
          refresh('pd');
        },
      }),
    ),
    res.err
      ? errorBox(lang, res.err)
      : h('div', { 'aria-live': 'polite' },
          windowLine(lang, r),
          icsButton(calc, r),
          h('p', { class: 'yb-hint' }, req.claim ? t(lang, 'bill', `${req.claim.date} ${yuan(req.claim.medfee_sumamt)}`) : t(lang, 'noBill')),
          table(calc, r),
          h('ul', { class: 'yb-figs' }, r.options.map((o) => h('li', {}, lang === 'en' ? o.en : o.zh))),
          r.notices.map((n) => h('p', { class: 'yb-cite' }, lang === 'en' ? n.en : n.zh)),
          r.steps.map((s) => h('p', { class: 'yb-cite' }, `${lang === 'en' ? s.text_en : s.text_zh}（${s.doc} ${s.clause}）`)),
        ),
    r ? copyBar(calc, () => texts(calc, r, req)) : null,
  ];
}
