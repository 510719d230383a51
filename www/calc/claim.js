// The claim card: what the fund pays and what the resident pays for one bill, the settlement
// breakdown (national field names), the layers' bar, notices, and — when opened — the local
// figures assumed and the steps (explainBox).
import { staleBanner } from '../years.js';
import { add, h } from './dom.js';
import { isZero, percent, yuan } from './format.js';
import { errorBox, rangeNote } from './parts.js';

/** A method of the calculator (mixed into it by shell.js). */
export const claimView = {
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
          // what the basic fund left (the rows above) is partly paid by the layers after it
          isZero(c.hifmi_pay) ? null : row('hifmiLess', c.hifmi_pay, 'claim-hifmi-less', (v) => `−${yuan(v)}`),
          isZero(c.maf_pay) ? null : row('mafLess', c.maf_pay, 'claim-maf-less', (v) => `−${yuan(v)}`),
          row('ratio', c.pool_prop_selfpay, 'claim-pool_prop_selfpay', percent),
        ),
      ),
    );
    add(box, this.layerSlot((m) => m.bar(i18n.lang, c)));
    add(box, this.noticeList(c.notices, 'notices'));
    // the local figures and the steps, worded when opened
    add(box, this.explainBox('claim-explain', () => this.explainedClaim(), (r) => [this.assumptionList('claim-assume', r.assumptions), this.stepList('claim', r.steps)]));
    return box;
  },
};
