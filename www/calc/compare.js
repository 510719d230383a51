// The same bill at each hospital level of the scheme, in one table (figures only, no steps).
import { add, h } from './dom.js';
import { percent, yuan } from './format.js';
import { errMsg, errorBox } from './parts.js';

/** A method of the calculator (mixed into it by shell.js). */
export const compareView = {
  renderCompare(H, compare) {
    const { i18n } = this;
    const box = h('section', { class: 'yb-card yb-compare', 'data-testid': 'compare' }, H(1, i18n.t('compare')));
    if (compare.err) {
      add(box, errorBox(i18n, compare.err));
      return box;
    }
    add(box, 
      h(
        'div',
        { class: 'yb-scroll', tabindex: '0', role: 'region', 'aria-label': i18n.t('compare') },
        h(
          'table',
          { class: 'yb-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, i18n.t('level')),
              h('th', { scope: 'col' }, i18n.t('deductible')),
              h('th', { scope: 'col' }, i18n.t('fundPays')),
              h('th', { scope: 'col' }, i18n.t('youPay')),
              h('th', { scope: 'col' }, i18n.t('ratio')),
            ),
          ),
          h(
            'tbody',
            {},
            compare.ok.rows.map((row) =>
              h(
                'tr',
                { class: row.level === this.state.level ? 'yb-current' : '', 'data-level': row.level },
                h('th', { scope: 'row' }, i18n.n(row)),
                row.result
                  ? [
                      h('td', { class: 'yb-num' }, yuan(row.result.act_pay_dedc)),
                      h('td', { class: 'yb-num', 'data-testid': 'compare-hifp_pay' }, yuan(row.result.hifp_pay)),
                      h('td', { class: 'yb-num', 'data-testid': 'compare-psn_part_amt' }, yuan(row.result.psn_part_amt)),
                      h('td', { class: 'yb-num' }, percent(row.result.pool_prop_selfpay)),
                    ]
                  : h('td', { colspan: 4 }, row.error ? errMsg(i18n, row.error) : '—'),
              ),
            ),
          ),
        ),
      ),
    );
    return box;
  },
};
