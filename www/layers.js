// After the basic fund: a stacked bar of who pays a bill or a year (统筹基金 / 大病保险 /
// 医疗救助 / 个人), and the "断保后什么时候能报销" panel (engine.enrolment). Imported lazily by
// ui.js (dynamic import), so it is not part of what the widget loads up front.
import { h, yuan } from './ui.js';

const L = {
  hifp: ['统筹基金', 'Basic fund'],
  hifmi: ['大病保险', 'Critical-illness insurance'],
  maf: ['医疗救助', 'Medical assistance'],
  psn: ['个人负担', 'You pay'],
  bar: ['谁付这笔费用', 'Who pays the bill'],
  barYear: ['全年谁付', 'Who pays over the year'],
  layer: ['{0} {1}—{2}：起付 {3}，已付 {4}，剩余 {5}', '{0} {1}–{2}: threshold {3}, paid {4}, left {5}'],
  panel: ['断保后什么时候能报销', 'When am I covered after a break?'],
  last: ['去年参保了吗？', 'Were you enrolled last year?'],
  yes: ['参保了', 'Yes'],
  no: ['没有', 'No'],
  cont: ['截至去年连续参保几年？', 'Years enrolled in a row up to last year?'],
  missed: ['断保几年？', 'How many years without cover?'],
  window: ['在集中缴费期内缴费了吗？', 'Paid inside the collection window?'],
  paid: ['缴费日期', 'Payment date'],
  extra: ['多缴（补缴）几年？', 'Extra years paid?'],
  noclaim: ['去年一次也没有报销', 'No reimbursement last year'],
  from: ['待遇开始日期', 'Benefits start'],
  wait: ['等待期 {0} 个月', 'waiting period {0} months'],
  max: ['大病保险最高支付限额', 'Critical-illness maximum'],
};

/** An element with a style set through the CSSOM (the page's CSP forbids style attributes). */
function hs(tag, css, props, ...kids) {
  const el = h(tag, props, ...kids);
  el.style.cssText = css;
  return el;
}

function tr(lang, key, ...v) {
  let s = L[key][lang === 'en' ? 1 : 0];
  v.forEach((x, i) => {
    s = s.replace(`{${i}}`, x);
  });
  return s;
}

const COLORS = { hifp: '#2f6fb0', hifmi: '#5a9e4b', maf: '#c08a1e', psn: '#b4463c' };

/** The stacked bar for a claim or a year's totals (same field names), with each layer's year. */
export function bar(lang, t, layers = []) {
  const total = Number(t.medfee_sumamt) || 0;
  const parts = [
    ['hifp', t.hifp_pay],
    ['hifmi', t.hifmi_pay],
    ['maf', t.maf_pay],
    ['psn', t.psn_part_amt],
  ].filter(([, v]) => Number(v) > 0);
  return h(
    'figure',
    { class: 'yb-layers', 'data-testid': 'layers-bar' },
    h('figcaption', { class: 'yb-subhead' }, tr(lang, layers.length ? 'barYear' : 'bar')),
    hs(
      'div',
      'display:flex;height:1.4em;border-radius:4px;overflow:hidden',
      { role: 'img', 'aria-label': parts.map(([k, v]) => `${tr(lang, k)} ${yuan(v)}`).join('；') },
      parts.map(([k, v]) => hs('span', `flex:${total ? Number(v) / total : 1} 0 0;background:${COLORS[k]}`, { title: `${tr(lang, k)} ${yuan(v)}` })),
    ),
    hs(
      'ul',
      'display:flex;flex-wrap:wrap;gap:0 1.2em;list-style:none;padding:0',
      { class: 'yb-figs' },
      parts.map(([k, v]) =>
        h('li', { 'data-testid': `bar-${k}` }, hs('span', `color:${COLORS[k]}`, {}, '■ '), `${tr(lang, k)} `, h('strong', {}, yuan(v))),
      ),
    ),
    layers.map((l) =>
      h(
        'p',
        { class: 'yb-cite', 'data-testid': `layer-${l.layer}` },
        tr(lang, 'layer', lang === 'en' ? l.name_en : l.name_zh, l.benefit_year_start, l.benefit_year_end, yuan(l.threshold), yuan(l.paid), yuan(l.remaining)),
        `（${l.doc} ${l.clause}）`,
      ),
    ),
  );
}

/** The enrolment panel: asks in a resident's words, answers with the date and the maximum. */
export function enrolPanel(ui) {
  const lang = ui.i18n.lang;
  const out = h('div', { 'aria-live': 'polite', 'data-testid': 'enrol-result' });
  const f = {};
  const field = (key, el) => hs('label', 'display:block;margin:.3em 0', {}, tr(lang, key), ' ', (f[key] = el));
  const yn = (on) => h('select', { onchange: run }, h('option', { value: 'yes', selected: on }, tr(lang, 'yes')), h('option', { value: 'no', selected: !on }, tr(lang, 'no')));
  const num = (v) => hs('input', 'width:5em', { type: 'number', min: '0', max: '100', value: v, oninput: run });
  const form = h(
    'div',
    {},
    field('last', yn(true)),
    field('cont', num('4')),
    field('missed', num('0')),
    field('window', yn(true)),
    field('paid', h('input', { type: 'date', oninput: run })),
    field('extra', num('0')),
    field('noclaim', h('input', { type: 'checkbox', onchange: run })),
  );
  function run() {
    const last = f.last.value === 'yes';
    f.cont.parentNode.hidden = !last;
    f.noclaim.parentNode.hidden = !last;
    f.missed.parentNode.hidden = last;
    f.extra.parentNode.hidden = last;
    const req = {
      person: ui.person(),
      year: String(ui.state.cy || new Date().getFullYear()),
      years_continuous: last ? String(f.cont.value || '0') : '0',
      years_missed: last ? '0' : String(f.missed.value || '1'),
      paid_in_window: f.window.value === 'yes',
      extra_years_paid: last ? '0' : String(f.extra.value || '0'),
      no_claim_last_year: last && f.noclaim.checked,
      paid_on: f.paid.value || null,
    };
    let r;
    try {
      r = ui.api.enrolment(req);
    } catch (e) {
      out.replaceChildren(h('p', { class: 'yb-error', 'data-code': e.code }, lang === 'en' ? e.message_en : e.message_zh));
      return;
    }
    out.replaceChildren(
      h('p', { class: 'yb-big' }, `${tr(lang, 'from')} `, h('strong', { 'data-testid': 'enrol-from' }, r.benefits_from), r.waiting ? `（${tr(lang, 'wait', r.waiting_months)}）` : ''),
      r.maximum ? h('p', {}, `${tr(lang, 'max')} `, h('strong', { 'data-testid': 'enrol-max' }, yuan(r.maximum))) : null,
      h('ol', { class: 'yb-steps' }, r.steps.map((st) => h('li', {}, h('strong', {}, lang === 'en' ? st.title_en : st.title_zh), ' ', lang === 'en' ? st.text_en : st.text_zh, h('span', { class: 'yb-cite' }, `（${st.doc} ${st.clause}）`)))),
      r.notices.map((n) => h('p', { class: 'yb-cite' }, lang === 'en' ? n.en : n.zh)),
    );
  }
  run();
  // a scheme with no waiting rules for the year: no panel
  if (out.querySelector('[data-code="benefits_not_defined"]')) return null;
  return h('section', { class: 'yb-card', 'data-testid': 'enrol-panel' }, h(`h${Math.min(6, ui.hl + 1)}`, {}, tr(lang, 'panel')), form, out);
}
