// Several admissions in a year (not the coverage year: that is years.js): the list the resident
// edits, each admission's settlement and the annual limit used up, from one engine `year` call.
import { add, h, nextId, replace } from './dom.js';
import { yuan } from './format.js';
import { errorBox } from './parts.js';

/** Methods of the calculator (mixed into it by shell.js). */
export const admissionsView = {
  renderYear(H) {
    const { i18n, state: st } = this;
    const box = this.yearBox;
    replace(box, H(1, i18n.t('year')), h('p', { class: 'yb-hint' }, i18n.t('yearHint')));
    if (!this.kinds().length) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    const sc = this.scheme();
    const list = h('ol', { class: 'yb-year-list' });
    st.year.forEach((a, idx) => {
      const kind = sc.claim_kinds.find((k) => k.id === a.kind);
      const levels = this.levels(kind);
      const upd = (key) => (e) => {
        a[key] = e.target.value;
        if (e.type === 'change' || key === 'level') this.recomputeYearSoon(0);
        else this.recomputeYearSoon(250);
      };
      const fid = (k) => nextId(`y${idx}-${k}`);
      const ids = { date: fid('date'), level: fid('level'), total: fid('total'), ownpay: fid('ownpay') };
      list.append(
        h(
          'li',
          { class: 'yb-year-row', 'data-index': idx },
          h('span', { class: 'yb-year-n' }, `${i18n.t('admission', { n: idx + 1 })} · ${kind ? i18n.n(kind) : a.kind}`),
          h('label', { for: ids.date }, i18n.t('date')),
          h('input', { id: ids.date, type: 'date', name: 'ydate', value: a.date, oninput: upd('date'), onchange: upd('date') }),
          h('label', { for: ids.level }, i18n.t('level')),
          h('select', { id: ids.level, name: 'ylevel', onchange: upd('level') }, levels.map((l) => h('option', { value: l.id, selected: l.id === a.level }, i18n.n(l)))),
          h('label', { for: ids.total }, i18n.t('medfee')),
          h('input', { id: ids.total, type: 'text', inputmode: 'decimal', name: 'ytotal', value: a.total, autocomplete: 'off', oninput: upd('total'), onchange: upd('total') }),
          h('label', { for: ids.ownpay }, i18n.t('ownpay')),
          h('input', { id: ids.ownpay, type: 'text', inputmode: 'decimal', name: 'yownpay', value: a.ownpay, autocomplete: 'off', oninput: upd('ownpay'), onchange: upd('ownpay') }),
          h(
            'button',
            {
              type: 'button',
              class: 'yb-remove',
              'aria-label': `${i18n.t('remove')} ${i18n.t('admission', { n: idx + 1 })}`,
              onclick: () => {
                st.year.splice(idx, 1);
                this.saveFragment();
                this.renderYear(H);
                this.yearBox.querySelector('.yb-add')?.focus();
              },
            },
            i18n.t('remove'),
          ),
        ),
      );
    });
    add(box, 
      st.year.length ? list : h('p', { class: 'yb-hint' }, i18n.t('noAdmissions')),
      h(
        'button',
        {
          type: 'button',
          class: 'yb-add',
          onclick: () => {
            st.year.push({ kind: st.kind, level: st.level, date: st.date, total: st.total, ownpay: st.ownpay, disease: st.disease || '' });
            this.saveFragment();
            this.renderYear(H);
            const inputs = this.yearBox.querySelectorAll('.yb-year-row input[name="ydate"]');
            inputs[inputs.length - 1]?.focus();
          },
        },
        i18n.t('addAdmission'),
      ),
    );
    this.yearResult = h('div', { class: 'yb-year-result', 'aria-live': 'polite', 'data-testid': 'year-result' });
    add(box, this.yearResult);
    this.computeYear(H);
  },

  recomputeYearSoon(ms) {
    clearTimeout(this.yearTimer);
    const H = (n, ...kids) => h(`h${Math.min(6, this.hl + n)}`, {}, ...kids);
    this.yearTimer = setTimeout(() => {
      this.saveFragment();
      this.computeYear(H);
    }, ms);
  },

  computeYear(H) {
    const { i18n, state: st } = this;
    const out = this.yearResult;
    if (!out) return;
    if (!st.year.length) {
      replace(out, );
      this.last.year = null;
      return;
    }
    const req = { person: this.person(), paid_on: this.paidOn(), renewed_without_break: this.renewed(), enrolment: this.enrolmentIn(), claims: st.year.map((a) => this.claimInput(a)) };
    const y = this.call('year', req);
    this.last.year = y;
    if (y.err) {
      replace(out, errorBox(i18n, y.err));
      if (this.opts.onChange) this.opts.onChange(this);
      return;
    }
    const r = y.ok;
    const rows = r.claims.map((c, i) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, `${i18n.t('admission', { n: r.order[i] + 1 })} ${c.date}`),
        h('td', {}, i18n.n(c, 'level')),
        h('td', { class: 'yb-num' }, yuan(c.medfee_sumamt)),
        h('td', { class: 'yb-num' }, yuan(c.hifp_pay)),
        h('td', { class: 'yb-num' }, yuan(c.psn_part_amt)),
        h('td', { class: 'yb-num' }, yuan(c.above_limit_amt)),
      ),
    );
    const t = r.totals;
    replace(out, 
      h(
        'div',
        { class: 'yb-scroll', tabindex: '0', role: 'region', 'aria-label': i18n.t('yearTable') },
        h(
          'table',
          { class: 'yb-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, i18n.t('dateCol')),
              h('th', { scope: 'col' }, i18n.t('levelCol')),
              h('th', { scope: 'col' }, i18n.t('medfee')),
              h('th', { scope: 'col' }, i18n.t('fundPays')),
              h('th', { scope: 'col' }, i18n.t('youPay')),
              h('th', { scope: 'col' }, i18n.t('aboveLimit')),
            ),
          ),
          h('tbody', {}, rows),
          h(
            'tfoot',
            {},
            h(
              'tr',
              { 'data-testid': 'year-totals' },
              h('th', { scope: 'row', colspan: 2 }, i18n.t('totals')),
              h('td', { class: 'yb-num' }, yuan(t.medfee_sumamt)),
              h('td', { class: 'yb-num', 'data-testid': 'year-hifp_pay' }, yuan(t.hifp_pay)),
              h('td', { class: 'yb-num', 'data-testid': 'year-psn_part_amt' }, yuan(t.psn_part_amt)),
              h('td', { class: 'yb-num' }, yuan(t.above_limit_amt)),
            ),
          ),
        ),
      ),
      r.limits.map((l, i) => {
        const id = nextId('limit');
        return h(
          'div',
          { class: 'yb-limit', 'data-testid': 'year-limit' },
          h(
            'label',
            { for: id },
            i18n.term('limit'),
            ` ${l.benefit_year_start} – ${l.benefit_year_end} ${i18n.t(l.limit_kind === 'fund_payment' ? 'limitKindFund' : 'limitKindEligible')}`,
          ),
          h('meter', { id, min: '0', max: l.limit, value: l.used, low: '0', high: l.limit, optimum: '0' }, `${yuan(l.used)} / ${yuan(l.limit)}`),
          h(
            'p',
            { class: 'yb-limit-figs' },
            `${i18n.t('used')} ${yuan(l.used)} / ${yuan(l.limit)}${i18n.t('and')}${i18n.t('remaining')} `,
            h('strong', { 'data-testid': `year-remaining-${i}` }, yuan(l.remaining)),
            h('span', { class: 'yb-cite' }, `（${l.doc} ${l.clause}）`),
          ),
        );
      }),
      this.noticeList(r.notices, 'notices'),
      this.layerSlot((m) => m.bar(i18n.lang, t, r.layers)),
    );
    if (this.opts.onChange) this.opts.onChange(this);
  },
};
