// The full page: the shared calculator with its state kept in the URL fragment.
import { mountCalculator, offline } from './ui.js';

const root = document.getElementById('app');
mountCalculator(root, { headingLevel: 1, syncFragment: true }).then((calc) => {
  const sync = () => {
    document.documentElement.lang = calc.i18n.lang === 'en' ? 'en' : 'zh-CN';
  };
  calc.opts.onChange = sync;
  sync();
  document.body.dataset.ready = '1';
  // after a first visit the page works offline (sw.js)
  offline(new URL('sw.js', document.baseURI).href).then((reg) => {
    if (reg) document.body.dataset.offline = '1';
  });
});
