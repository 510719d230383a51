// Save and share: copy the estimate as text (with its explanation) or as a link, print, and the
// field that loads a local policy file (policy.js).
import { h, nextId } from './dom.js';
import { isZero, yuan } from './format.js';
import { errMsg, originTag, stepOrigin } from './parts.js';
import { policyInput } from './policy.js';

/** Methods of the calculator (mixed into it by shell.js). */
export const shareMethods = {
  actionsBar(H) {
    const { i18n } = this;
    const status = h('p', { class: 'yb-action-status', role: 'status' });
    const fileId = nextId('policy');
    const fileInput = policyInput(this, fileId, status);
    const copyBox = h('textarea', { class: 'yb-copy-fallback', readonly: true, hidden: true, 'aria-label': i18n.t('copyText'), rows: '8' });
    const copy = async (text) => {
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = i18n.t('copied');
        copyBox.hidden = true;
      } catch {
        copyBox.value = text;
        copyBox.hidden = false;
        copyBox.select();
        status.textContent = i18n.t('copyFailed');
      }
    };
    return h(
      'section',
      { class: 'yb-card yb-actions', 'aria-label': i18n.t('actions') },
      H(1, i18n.t('actions')),
      h(
        'div',
        { class: 'yb-buttons' },
        h('button', { type: 'button', class: 'yb-copy-text', onclick: async () => copy(await this.summaryText()) }, i18n.t('copyText')),
        this.opts.syncFragment
          ? h('button', { type: 'button', class: 'yb-copy-link', onclick: () => copy(location.href) }, i18n.t('copyLink'))
          : null,
        // the steps worded first: printing opens every details element
        h('button', { type: 'button', class: 'yb-print', onclick: () => this.fillExplanations().finally(() => window.print()) }, i18n.t('print')),
      ),
      h('div', { class: 'yb-field' }, h('label', { for: fileId }, i18n.t('loadPolicy')), fileInput),
      status,
      copyBox,
    );
  },

  /**
   * The estimate and its explanation in plain text (Chinese by default) for a message: the claim's
   * steps come from the explaining module (fetched now if the steps were never opened).
   */
  async summaryText() {
    let explained = null;
    try {
      explained = await this.explainedClaim();
    } catch {
      // without the explaining module (offline), the text has the figures without the steps
    }
    const { i18n, state: st } = this;
    const en = i18n.lang === 'en';
    const sc = this.scheme();
    const L = [];
    const nm = (list, id) => i18n.n((list || []).find((x) => x.id === id)) || id;
    L.push(`【${i18n.t('summaryHead')}】`);
    L.push(`${i18n.t('scheme')}：${i18n.n(sc)}（${sc.doc}）`);
    L.push(`${i18n.t('region')}：${nm(sc.regions, st.region)}；${i18n.t('category')}：${nm(sc.categories, st.category)}`);
    if (st.statuses.length) L.push(`${i18n.t('statuses')}：${st.statuses.map((x) => nm(sc.statuses, x)).join('、')}`);
    const { elig, prem, claim, year } = this.last;
    if (elig && elig.err) L.push(`${i18n.t('eligibility')}：${errMsg(i18n, elig.err)}`);
    else if (elig && elig.ok) {
      L.push(`${i18n.t('eligibility')}：${elig.ok.eligible ? i18n.t('eligible') : i18n.t('notEligible')}`);
      for (const v of elig.ok.verdicts) L.push(`  - ${i18n.n(v, 'reason')}（${v.doc} ${v.clause}）${i18n.n(v, 'send_to') ? `${i18n.t('sendTo')}：${i18n.n(v, 'send_to')}` : ''}`);
    }
    if (prem && prem.ok) {
      const p = prem.ok;
      L.push('');
      const o = (pred) => stepOrigin(i18n, p.steps, pred);
      const own = o((x) => x.figures.some((f) => f.role === 'individual'));
      L.push(`${i18n.t('premium')}：${i18n.t('youPayYear')} ${yuan(p.individual)}${own}${rangeText(i18n, p.ranges.individual)}；${i18n.t('standard')} ${yuan(p.standard)}${o((x) => x.id === 'standard')}`);
      for (const x of p.payers) L.push(`  - ${i18n.n(x)} ${yuan(x.amount)}${o((st) => st.id === `subsidy_${x.payer}`)}${rangeText(i18n, x.range)}（${x.doc} ${x.clause}）`);
      if (!isZero(p.unassigned)) L.push(`  - ${i18n.t('unassigned')} ${yuan(p.unassigned)}：${i18n.t('unassignedExplain')}`);
    }
    if (claim && claim.ok) {
      const c = claim.ok;
      L.push('');
      L.push(`${i18n.t('claim')}：${i18n.n(c, 'kind')}，${i18n.n(c, 'level')}，${c.date}`);
      L.push(`  ${i18n.t('medfee')} ${yuan(c.medfee_sumamt)}，${i18n.t('ownpay')} ${yuan(c.fulamt_ownpay_amt)}`);
      L.push(`  ${i18n.t('fundPays')} ${yuan(c.hifp_pay)}${rangeText(i18n, c.ranges.hifp_pay)}`);
      L.push(`  ${i18n.t('youPay')} ${yuan(c.psn_part_amt)}${rangeText(i18n, c.ranges.psn_part_amt)}`);
      if (explained) {
        L.push(en ? '  How it was computed:' : '  计算过程：');
        explained.steps.forEach((x, i) => L.push(`  ${i + 1}. ${i18n.n(x, 'title')}${originTag(i18n, x.figures)}：${i18n.n(x, 'text')}（${i18n.t('clause')} ${x.doc} ${x.clause}）`));
      }
      for (const n of c.notices) L.push(`  * ${en ? n.en : n.zh}`);
    } else if (claim && claim.err) {
      L.push('');
      L.push(`${i18n.t('claim')}：${errMsg(i18n, claim.err)}`);
    }
    if (year && year.ok) {
      const t = year.ok.totals;
      L.push('');
      L.push(`${i18n.t('year')}（${year.ok.claims.length}）：${i18n.t('fundPays')} ${yuan(t.hifp_pay)}，${i18n.t('youPay')} ${yuan(t.psn_part_amt)}`);
      for (const l of year.ok.limits) L.push(`  ${i18n.t('limit')} ${yuan(l.limit)}：${i18n.t('used')} ${yuan(l.used)}，${i18n.t('remaining')} ${yuan(l.remaining)}`);
    }
    L.push('');
    L.push(i18n.t('footer'));
    if (this.opts.syncFragment) L.push(`${i18n.t('link')}：${location.href}`);
    return L.join('\n');
  },
};

function rangeText(i18n, r) {
  if (!r || r.low === r.high) return '';
  return i18n.lang === 'en' ? ` (could be ${yuan(r.low)}–${yuan(r.high)})` : `（可能在 ${yuan(r.low)}—${yuan(r.high)} 之间）`;
}
