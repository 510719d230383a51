// The form's plumbing, shared by the person and claim fieldsets (and the city field, extras.js):
// a labelled field with its hint and error line, a select, reading input into the state, and
// marking the field an engine error names.
import { errMsg } from './parts.js';
import { h, nextId } from './dom.js';

/** Methods of the calculator (mixed into it by shell.js). */
export const formMethods = {
  field(key, labelKids, control, hint) {
    const id = nextId(key);
    control.id = id;
    control.dataset.key = key;
    const kids = [h('label', { for: id }, labelKids), control];
    if (hint) {
      const hid = `${id}-hint`;
      control.setAttribute('aria-describedby', hid);
      kids.push(h('p', { class: 'yb-hint', id: hid }, hint));
    }
    kids.push(h('p', { class: 'yb-field-error', id: `${id}-err`, hidden: true }));
    return h('div', { class: `yb-field yb-field-${key}` }, kids);
  },

  select(key, items, current) {
    return h(
      'select',
      { name: key },
      items.map((it) => h('option', { value: it.id, selected: it.id === current }, this.i18n.n(it))),
    );
  },

  onInput(e, committed) {
    const t = e.target;
    if (!t || !t.name) return;
    const st = this.state;
    const structural = ['scheme', 'region', 'category', 'kind', 'status'];
    if (t.name === 'status') {
      const boxes = this.form.querySelectorAll('input[name="status"]');
      st.statuses = [...boxes].filter((b) => b.checked).map((b) => b.value);
    } else if (t.closest('.yb-year-row')) {
      return; // handled by the year editor
    } else if (t.type === 'checkbox') {
      st[t.name] = t.checked ? t.value : '';
    } else {
      st[t.name] = t.value;
    }
    if (!committed && (t.type === 'text' || t.type === 'date')) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.compute(), 250);
      return;
    }
    if (!committed) return;
    if (structural.includes(t.name) && t.name !== 'status') {
      if (t.name === 'scheme' || t.name === 'region') st.city = ''; // chosen by hand, not from the picker
      if (t.name === 'scheme') {
        st.region = st.category = st.kind = st.level = st.disease = st.renewed = '';
        st.iw = st.ms = st.xp = st.nb = '';
        st.statuses = [];
        st.date = '';
        st.cy = '';
        st.year = [];
      }
      this.build();
      this.container.querySelector(`[data-key="${t.name}"]`)?.focus();
      return;
    }
    clearTimeout(this.timer);
    this.compute();
  },

  clearFieldErrors() {
    for (const el of this.form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const p of this.form.querySelectorAll('.yb-field-error')) {
      p.hidden = true;
      p.textContent = '';
    }
  },

  markField(err) {
    const f = String(err.field || '');
    const key = f.endsWith('medfee_sumamt')
      ? 'total'
      : f.endsWith('fulamt_ownpay_amt')
        ? 'ownpay'
        : f.endsWith('date')
          ? 'date'
          : null;
    const keys = err.code === 'out_of_scope_exceeds_total' ? ['ownpay'] : key ? [key] : [];
    for (const k of keys) {
      const input = this.form.querySelector(`[data-key="${k}"]`);
      if (!input) continue;
      input.setAttribute('aria-invalid', 'true');
      const p = this.form.querySelector(`#${input.id}-err`);
      if (p) {
        p.textContent = errMsg(this.i18n, err);
        p.hidden = false;
        const d = input.getAttribute('aria-describedby') || '';
        if (!d.includes(p.id)) input.setAttribute('aria-describedby', `${d} ${p.id}`.trim());
      }
    }
  },
};
