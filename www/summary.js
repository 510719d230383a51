// The key figures kept in view while the inputs change them (issue 12): what the resident pays
// this year and what this bill costs them, in a bar that sticks to the bottom of the screen while
// the form is being filled in (on a phone the full results start far below the first field) and
// settles above the results once they are reached. It repeats figures that the results announce,
// so it is not a live region itself.
import { h, yuan } from './ui.js';

const W = {
  label: ['结果摘要', 'Summary'],
  year: ['每年个人缴费', 'You pay per year'],
  bill: ['本次个人负担', 'This bill costs you'],
  fund: ['统筹基金支付', 'Fund pays'],
  more: ['明细', 'Details'],
};

/** An empty summary bar; `updateSummary` fills it after each computation. */
export function summaryBar(i18n, results) {
  const t = (k) => W[k][i18n.lang === 'en' ? 1 : 0];
  const fig = (key, tid) =>
    h('p', { class: `yb-sum-fig yb-sum-${key}` }, h('span', {}, t(key)), ' ', h('strong', { 'data-testid': tid }, '—'));
  return h(
    'aside',
    { class: 'yb-summary', 'aria-label': t('label'), 'data-testid': 'summary' },
    fig('year', 'summary-premium'),
    fig('bill', 'summary-you'),
    fig('fund', 'summary-fund'),
    // a button, not a #fragment link: the page keeps its state in the fragment, and the widget's
    // ids live in a shadow root the host's URL can't reach
    h('button', { type: 'button', class: 'yb-sum-more', onclick: () => results.scrollIntoView({ block: 'start' }) }, t('more')),
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
  bar.querySelector('.yb-sum-bill').hidden = !claim;
  bar.querySelector('.yb-sum-fund').hidden = !claim;
}
