// Small renderers the result cards share: an error box, a range note, a figure with its basis and
// source, notice lists, the local assumptions, the explanation steps (each one tap away), the
// details elements that stay open across recomputes, and a slot the lazily loaded layers fill.
import { sourceTap } from '../years.js';
import { h, replace } from './dom.js';
import { yuan } from './format.js';

export function errMsg(i18n, e) {
  if (!e) return '';
  if (i18n.lang === 'en') return e.message_en || e.message || String(e);
  return e.message_zh || e.message || String(e);
}

export function errorBox(i18n, e) {
  const code = e && e.code ? e.code : 'error';
  const prefix = code === 'not_eligible' ? '' : /^invalid_|out_of_scope/.test(code) ? i18n.t('fixInput') : `${i18n.t('error')}：`;
  return h(
    'div',
    { class: 'yb-error', 'data-code': code },
    h('p', {}, prefix ? h('strong', {}, prefix) : null, errMsg(i18n, e)),
    e && e.clause ? h('p', { class: 'yb-clause' }, `${i18n.t('clause')}：${e.clause}`) : null,
    e && i18n.n(e, 'send_to') ? h('p', { class: 'yb-sendto' }, `${i18n.t('sendTo')}：${i18n.n(e, 'send_to')}`) : null,
  );
}

export function rangeNote(i18n, r) {
  if (!r || r.low === r.high) return null;
  return h(
    'span',
    { class: 'yb-range' },
    h('span', { class: 'yb-assumed-mark', 'aria-hidden': 'true' }, '≈'),
    ` ${i18n.t('rangeNote')} ${yuan(r.low)} ${i18n.t('to')} ${yuan(r.high)}`,
  );
}

/** The origin tags of figures — the year of each one's source and its grade or basis,
 *  `〔2026·B；2008·假设〕` — each once; '' without figures. */
export function originTag(i18n, figs) {
  const tags = [...new Set((figs || []).map((f) => i18n.n(f, 'origin')).filter(Boolean))];
  if (!tags.length) return '';
  return i18n.lang === 'en' ? `[${tags.join('; ')}]` : `〔${tags.join('；')}〕`;
}

/** The origin tags of the first step `pred` picks (the step that uses a result's figure). */
export function stepOrigin(i18n, steps, pred) {
  const st = (steps || []).find(pred);
  return st ? originTag(i18n, st.figures) : '';
}

export function figure(i18n, f) {
  const assumed = f.basis !== 'stated' && f.basis !== 'derived';
  return h(
    'span',
    { class: assumed ? 'yb-fig yb-fig-assumed' : 'yb-fig' },
    h('span', { class: 'yb-fig-label' }, i18n.n(f, 'label')),
    '：',
    h('strong', {}, f.value),
    ' ',
    i18n.n(f, 'origin') ? h('span', { class: 'yb-origin', 'data-testid': 'origin' }, i18n.n(f, 'origin')) : null,
    ' ',
    h('span', { class: 'yb-basis' }, `[${i18n.n(f, 'basis')}]`),
    f.min !== undefined || f.max !== undefined ? h('span', { class: 'yb-fig-range' }, ` ${i18n.t('range')} ${f.min ?? '—'} – ${f.max ?? '—'}`) : null,
    f.formula ? h('span', { class: 'yb-formula' }, ` ${f.formula}`) : null,
    h('span', { class: 'yb-cite' }, ` ${f.doc} ${f.clause}`),
    i18n.n(f, 'note') ? h('span', { class: 'yb-note' }, ` — ${i18n.n(f, 'note')}`) : null,
    sourceTap(i18n.lang, f.source),
  );
}

/** Methods of the calculator (mixed into it by shell.js). */
export const partsMethods = {
  details(key, summaryKids, bodyKids, cls) {
    const d = h('details', { class: cls || '', 'data-open-key': key }, h('summary', {}, summaryKids), bodyKids);
    if (this.openDetails.has(key)) d.open = true;
    d.addEventListener('toggle', () => {
      if (d.open) this.openDetails.add(key);
      else this.openDetails.delete(key);
    });
    return d;
  },

  restoreDetails() {
    for (const d of this.container.querySelectorAll('details[data-open-key]')) {
      if (this.openDetails.has(d.dataset.openKey)) d.open = true;
    }
  },

  /** A slot filled once www/layers.js is loaded (a dynamic import, outside the widget's budget). */
  layerSlot(fill) {
    const slot = h('div', { class: 'yb-layers-slot' });
    this.loaders.layers().then((m) => replace(slot, fill(m)), () => {});
    return slot;
  },

  noticeList(list, key) {
    if (!list || !list.length) return null;
    const { i18n } = this;
    return h(
      'div',
      { class: 'yb-notices' },
      h('p', { class: 'yb-subhead' }, i18n.t(key)),
      h(
        'ul',
        {},
        list.map((n) =>
          h('li', { class: `yb-notice-${n.kind}` }, i18n.lang === 'en' ? n.en : n.zh, ' ', h('span', { class: 'yb-cite' }, `（${n.doc} ${n.clause}）`)),
        ),
      ),
    );
  },

  assumptionList(key, list) {
    if (!list || !list.length) return null;
    const { i18n } = this;
    return this.details(
      key,
      [h('span', { class: 'yb-assumed-mark', 'aria-hidden': 'true' }, '≈ '), i18n.t('assumptions'), ` (${list.length})`],
      h('ul', { class: 'yb-figs' }, list.map((f) => h('li', {}, figure(i18n, f)))),
      'yb-assumptions',
    );
  },

  /**
   * What explains an answer, fetched and worded when the resident opens it (issue 17: the first
   * result needs only figures): a details element; opening it asks `ask()` (a promise of the
   * explained answer, from the explaining module) and shows `body(answer)`. It stays open across
   * recomputes, asking again each time.
   */
  explainBox(key, ask, body) {
    const { i18n } = this;
    const inner = h('div', { class: 'yb-explain-body', 'aria-live': 'polite' });
    const d = this.details(key, [i18n.t('explain')], inner, 'yb-explain');
    let asked = false;
    const fill = () => {
      asked = true;
      inner.replaceChildren(h('p', { class: 'yb-loading', role: 'status' }, i18n.t('explaining')));
      const done = Promise.resolve()
        .then(ask)
        .then(
          (r) => replace(inner, ...(r ? body(r) : [])),
          (e) => {
            asked = false;
            inner.replaceChildren(errorBox(i18n, e), h('button', { type: 'button', class: 'yb-retry', onclick: () => fill() }, i18n.t('retry')));
          },
        );
      d.filled = done;
      return done;
    };
    d.fill = () => (asked ? d.filled : fill());
    d.addEventListener('toggle', () => {
      if (d.open && !asked) fill();
    });
    return d;
  },

  /** Every explanation box in the calculator filled (before copying or printing). */
  fillExplanations() {
    return Promise.all([...this.container.querySelectorAll('details.yb-explain')].map((d) => d.fill()));
  },

  stepList(prefix, steps) {
    if (!steps || !steps.length) return null;
    const { i18n } = this;
    return h(
      'div',
      { class: 'yb-steps-box' },
      h('p', { class: 'yb-subhead' }, i18n.t('steps')),
      h(
        'ol',
        { class: 'yb-steps' },
        steps.map((st) => {
          const assumed = st.figures.some((f) => f.basis !== 'stated' && f.basis !== 'derived');
          return h(
            'li',
            { 'data-step': st.id },
            this.details(
              `${prefix}-${st.id}`,
              [
                h('span', { class: 'yb-step-title' }, i18n.n(st, 'title')),
                st.amount !== undefined ? h('span', { class: 'yb-step-amount' }, yuan(st.amount)) : null,
                st.figures.length ? h('span', { class: 'yb-origin' }, originTag(i18n, st.figures)) : null,
                assumed ? h('span', { class: 'yb-badge' }, i18n.t('assumed')) : null,
              ],
              [
                h('p', {}, i18n.n(st, 'text')),
                h('p', { class: 'yb-clause' }, `${i18n.t('clause')}：${st.doc} ${st.clause}`),
                st.figures.length ? h('ul', { class: 'yb-figs' }, st.figures.map((f) => h('li', {}, figure(i18n, f)))) : null,
              ],
            ),
          );
        }),
      ),
    );
  },
};
