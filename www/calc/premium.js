// The eligibility and premium cards: may the resident enrol (and where they belong instead), what
// they pay per year, each payer's share with its range and clause, the part assigned to no one.
import { hardshipTable, periodPanel } from '../years.js';
import { add, h } from './dom.js';
import { isZero, yuan } from './format.js';
import { errMsg, errorBox, rangeNote, stepOrigin } from './parts.js';

/** Methods of the calculator (mixed into it by shell.js). */
export const premiumView = {
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
  },

  renderPremium(H, prem) {
    const { i18n } = this;
    const box = h('section', { class: 'yb-card yb-premium', 'data-testid': 'premium' }, H(1, i18n.t('premium')));
    if (prem.err) {
      add(box, errorBox(i18n, prem.err));
      return box;
    }
    const p = prem.ok;
    const own = stepOrigin(i18n, p.steps, (st) => st.figures.some((f) => f.role === 'individual'));
    add(box, 
      h(
        'p',
        { class: 'yb-headline' },
        h('span', { class: 'yb-headline-label' }, i18n.t('youPayYear')),
        ' ',
        h('strong', { class: 'yb-amount', 'data-testid': 'premium-individual' }, yuan(p.individual)),
        own ? h('span', { class: 'yb-origin', 'data-testid': 'premium-individual-origin' }, ` ${own}`) : null,
        rangeNote(i18n, p.ranges.individual),
      ),
      periodPanel(i18n.lang, p),
    );
    // each figure with its origin (source year and grade), from the step that uses it
    const origin = (pred) => stepOrigin(i18n, p.steps, pred);
    const rows = [
      [i18n.term('standard'), p.standard, p.ranges.standard, '', 'premium-standard', origin((st) => st.id === 'standard')],
      [i18n.term('individual'), p.individual, p.ranges.individual, '', 'premium-individual-row', own],
      ...p.payers.map((x) => [i18n.names(x), x.amount, x.range, `${x.doc} ${x.clause}`, `payer-${x.payer}`, origin((st) => st.id === `subsidy_${x.payer}`)]),
      [i18n.term('subsidyTotal'), p.subsidy_total, p.ranges.subsidy_total, '', 'premium-subsidy', ''],
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
        rows.map(([label, amount, range, cite, tid, tag]) =>
          h(
            'tr',
            { 'data-testid': tid },
            h('th', { scope: 'row' }, label),
            h('td', { class: 'yb-num' }, h('span', { class: 'yb-amt' }, yuan(amount)), tag ? h('span', { class: 'yb-origin' }, ` ${tag}`) : null),
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
  },
};
