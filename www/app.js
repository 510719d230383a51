// The full page: the shared calculator with its state kept in the URL fragment.
import { mountCalculator } from './ui.js';

const root = document.getElementById('app');
mountCalculator(root, { headingLevel: 1, syncFragment: true }).then((calc) => {
  const sync = () => {
    document.documentElement.lang = calc.i18n.lang === 'en' ? 'en' : 'zh-CN';
  };
  calc.opts.onChange = sync;
  sync();
  document.body.dataset.ready = '1';
});
