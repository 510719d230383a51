// The person fieldset: city, scheme, region, category, coverage year, hardship statuses,
// contribution date and (for contribution-year schemes) renewal without a break.
import { cityField } from '../extras.js';
import { coverageYearLabels, coverageYearSelect } from '../years.js';
import { h, nextId } from './dom.js';
import { T } from './i18n.js';

/** A method of the calculator (mixed into it by shell.js). */
export const personForm = {
  personFieldset() {
    const { i18n, state: st } = this;
    const sc = this.scheme();
    const sts = this.statuses();
    const statusBox = h(
      'fieldset',
      { class: 'yb-statuses' },
      h('legend', {}, i18n.t('statuses')),
      sts.length
        ? sts.map((x) => {
            const id = nextId('st');
            return h(
              'div',
              { class: 'yb-check' },
              h('input', {
                type: 'checkbox',
                id,
                name: 'status',
                value: x.id,
                'data-key': `st-${x.id}`,
                checked: st.statuses.includes(x.id),
              }),
              h('label', { for: id }, i18n.n(x)),
            );
          })
        : h('p', { class: 'yb-hint' }, i18n.t('noStatuses')),
    );
    return h(
      'fieldset',
      { class: 'yb-card yb-who' },
      h('legend', {}, i18n.t('who')),
      cityField(this),
      this.field('scheme', i18n.t('scheme'), this.select('scheme', this.catalogue.schemes, st.scheme)),
      h('p', { class: 'yb-doc' }, `${sc.doc} ${sc.title_zh}`),
      this.field('region', i18n.t('region'), this.select('region', sc.regions, st.region)),
      this.field('category', i18n.t('category'), this.select('category', sc.categories, st.category)),
      this.field('cy', coverageYearLabels(i18n.lang).label, coverageYearSelect(i18n.lang, sc, st.cy), coverageYearLabels(i18n.lang).hint),
      statusBox,
      this.field(
        'paid_on',
        i18n.t('paidOn'),
        h('input', { type: 'date', name: 'paid_on', value: st.paid_on || '' }),
        i18n.t('paidOnHint'),
      ),
      this.enrolFields(),
      sc.benefit_year === 'contribution'
        ? this.field(
            'renewed',
            i18n.t('renewed'),
            this.select(
              'renewed',
              ['', 'yes', 'no'].map((id, i) => ({ id, name_zh: T.renewedOpts[0][i], name_en: T.renewedOpts[1][i] })),
              st.renewed || '',
            ),
          )
        : null,
    );
  },

  /** How the person enrolled for the coverage year the contribution date pays for: the inputs
   *  of engine.enrolment, sent with every claim so its waiting period applies (folded away
   *  until opened; open when any is set). */
  enrolFields() {
    const { i18n, state: st } = this;
    const opts = ['', 'yes', 'no'].map((id, i) => ({ id, name_zh: T.inWindowOpts[0][i], name_en: T.inWindowOpts[1][i] }));
    const num = (name, v) => h('input', { type: 'number', name, min: '0', max: '100', step: '1', inputmode: 'numeric', value: v || '0' });
    const nbId = nextId('nb');
    const set = Boolean(st.iw || Number(st.ms) || Number(st.xp) || st.nb);
    return h(
      'details',
      { class: 'yb-enrol', open: set, 'data-testid': 'enrol-fields' },
      h('summary', {}, i18n.t('enrolHead')),
      h('p', { class: 'yb-hint' }, i18n.t('enrolHint')),
      this.field('iw', i18n.t('inWindow'), this.select('iw', opts, st.iw || '')),
      this.field('ms', i18n.t('missed'), num('ms', st.ms)),
      this.field('xp', i18n.t('extraPaid'), num('xp', st.xp)),
      h(
        'div',
        { class: 'yb-check' },
        h('input', { type: 'checkbox', id: nbId, name: 'nb', value: '1', 'data-key': 'nb', checked: st.nb === '1' }),
        h('label', { for: nbId }, i18n.t('newborn')),
      ),
    );
  },
};
