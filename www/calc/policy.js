// Loading a local policy file (TOML): the full engine module (the TOML parser and validation,
// fetched only now) reads it; the calculator then uses that engine for everything and shows the
// loaded scheme, or lists every error with its file and field.
import { h } from './dom.js';
import { errMsg } from './parts.js';

/** The file input for `calc`'s actions bar; results and errors go to `status`. */
export function policyInput(calc, id, status) {
  const fileInput = h('input', { type: 'file', id, accept: '.toml,text/plain', class: 'yb-file' });
  fileInput.addEventListener('change', async () => {
    const { i18n } = calc;
    const f = fileInput.files && fileInput.files[0];
    if (!f) return;
    const text = await f.text();
    try {
      const full = await calc.loaders.full();
      const loaded = full.loadPolicy(f.name, text);
      calc.useEngine(full);
      calc.state.scheme = loaded.scheme;
      if (loaded.regions && loaded.regions.length) calc.state.region = loaded.regions[0];
      calc.build();
      const st2 = calc.container.querySelector('.yb-action-status');
      if (st2) st2.textContent = `${i18n.t('loaded')}${loaded.id}`;
    } catch (e) {
      const list = Array.isArray(e.errors) && e.errors.length ? e.errors : [e];
      status.replaceChildren(
        h('span', { class: 'yb-error' }, `${i18n.t('error')}：`),
        h('ul', {}, list.map((x) => h('li', {}, [x.file, x.field].filter(Boolean).join(' · '), x.file || x.field ? '：' : '', errMsg(i18n, x)))),
      );
    }
  });
  return fileInput;
}
