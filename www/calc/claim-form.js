// The bill fieldset: kind of claim, disease, hospital level, date, total bill and out-of-scope part
// (or the scheme's reason for setting no benefits).
import { add, h } from './dom.js';

/** A method of the calculator (mixed into it by shell.js). */
export const claimForm = {
  billFieldset() {
    const { i18n, state: st } = this;
    const sc = this.scheme();
    const kinds = this.kinds();
    const box = h('fieldset', { class: 'yb-card yb-bill' }, h('legend', {}, i18n.t('bill')));
    if (!kinds.length) {
      add(box, 
        h(
          'p',
          { class: 'yb-notice' },
          sc.benefits_absent_zh ? i18n.n(sc, 'benefits_absent') : i18n.t('benefitsAbsent'),
        ),
      );
      return box;
    }
    const kind = kinds.find((k) => k.id === st.kind);
    add(box, this.field('kind', i18n.t('kind'), this.select('kind', kinds, st.kind)));
    if (kind && kind.diseases.length) {
      add(box, this.field('disease', i18n.t('disease'), this.select('disease', kind.diseases, st.disease)));
    }
    add(box, 
      this.field('level', i18n.t('level'), this.select('level', this.levels(kind), st.level)),
      this.field('date', i18n.t('date'), h('input', { type: 'date', name: 'date', value: st.date, required: true })),
      this.field(
        'total',
        [i18n.term('medfee'), ` (${i18n.t('yuanUnit')})`],
        h('input', { type: 'text', inputmode: 'decimal', name: 'total', value: st.total, autocomplete: 'off' }),
      ),
      this.field(
        'ownpay',
        [i18n.term('ownpay'), ` (${i18n.t('yuanUnit')})`],
        h('input', { type: 'text', inputmode: 'decimal', name: 'ownpay', value: st.ownpay, autocomplete: 'off' }),
        i18n.t('ownpayHint'),
      ),
    );
    return box;
  },
};
