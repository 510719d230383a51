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
  panel: ['什么时候能报销、大病保险限额', 'When am I covered, and the critical-illness maximum'],
  uses: ['按上面填写的缴费日期和参保情况（断保、补缴、新生儿）计算；住院费用也按同一结果结算。', 'From the contribution date and enrolment entered above (break, extra years, newborn); bills are settled by the same answer.'],
  cont: ['截至去年连续参保几年？', 'Years enrolled in a row up to last year?'],
  noclaim: ['去年一次也没有报销', 'No reimbursement last year'],
  earliest: ['若当地把您列为免设等待期的群体：{0} 起', 'If the locality counts you among the exempt groups: from {0}'],
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

/** The enrolment panel: when benefits start and the 大病保险 maximum, for how the person enrolled
 *  (the form's contribution date and 参保情况, the inputs every claim is settled with, so the
 *  panel and the claims answer alike); it asks only what the maximum needs besides. */
export function enrolPanel(ui) {
  const lang = ui.i18n.lang;
  const out = h('div', { 'aria-live': 'polite', 'data-testid': 'enrol-result' });
  const f = {};
  const field = (key, el) => hs('label', 'display:block;margin:.3em 0', {}, tr(lang, key), ' ', (f[key] = el));
  const num = (v) => hs('input', 'width:5em', { type: 'number', min: '0', max: '100', value: v, oninput: run });
  const e = ui.enrolmentIn() || {};
  const broke = Number(e.years_missed || 0) > 0;
  const form = h('div', {}, broke ? null : field('cont', num('4')), broke ? null : field('noclaim', h('input', { type: 'checkbox', onchange: run })));
  function run() {
    const req = {
      person: ui.person(),
      year: String(ui.state.cy || new Date().getFullYear()),
      years_continuous: broke ? '0' : String(f.cont.value || '0'),
      years_missed: e.years_missed || '0',
      paid_in_window: e.paid_in_window ?? null,
      extra_years_paid: e.extra_years_paid || '0',
      no_claim_last_year: !broke && f.noclaim.checked,
      paid_on: ui.paidOn(),
      exempt: e.exempt || null,
    };
    let r;
    try {
      r = ui.api.enrolment(req);
    } catch (err) {
      out.replaceChildren(h('p', { class: 'yb-error', 'data-code': err.code }, lang === 'en' ? err.message_en : err.message_zh));
      return;
    }
    out.replaceChildren(
      h('p', { class: 'yb-big' }, `${tr(lang, 'from')} `, h('strong', { 'data-testid': 'enrol-from' }, r.benefits_from), r.waiting ? `（${tr(lang, 'wait', r.waiting_months)}）` : ''),
      r.benefits_from_earliest ? h('p', { 'data-testid': 'enrol-earliest' }, tr(lang, 'earliest', r.benefits_from_earliest)) : null,
      r.maximum ? h('p', {}, `${tr(lang, 'max')} `, h('strong', { 'data-testid': 'enrol-max' }, yuan(r.maximum))) : null,
      h('ol', { class: 'yb-steps' }, r.steps.map((st) => h('li', {}, h('strong', {}, lang === 'en' ? st.title_en : st.title_zh), ' ', lang === 'en' ? st.text_en : st.text_zh, h('span', { class: 'yb-cite' }, `（${st.doc} ${st.clause}）`)))),
      r.notices.map((n) => h('p', { class: 'yb-cite' }, lang === 'en' ? n.en : n.zh)),
    );
  }
  run();
  // a scheme with no waiting rules for the year: no panel
  if (out.querySelector('[data-code="benefits_not_defined"]')) return null;
  return h('section', { class: 'yb-card', 'data-testid': 'enrol-panel' }, h(`h${Math.min(6, ui.hl + 1)}`, {}, tr(lang, 'panel')), h('p', { class: 'yb-hint' }, tr(lang, 'uses')), form, out);
}
