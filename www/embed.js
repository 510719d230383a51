// The iframe page: the calculator (state in this frame's own URL fragment) reporting its height to
// the host page with postMessage({type: 'yibao:height', height}) whenever it changes.
import { mountCalculator, offline } from './ui.js';

const root = document.getElementById('app');
let lastHeight = -1;

function report() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === lastHeight || window.parent === window) return;
  lastHeight = height;
  // Only a number leaves the frame; '*' because the embedding portal's origin is not known here.
  window.parent.postMessage({ type: 'yibao:height', height }, '*');
}

new ResizeObserver(report).observe(document.documentElement);
window.addEventListener('load', report);

mountCalculator(root, { headingLevel: 1, syncFragment: true }).then((calc) => {
  calc.opts.onChange = () => {
    document.documentElement.lang = calc.i18n.lang === 'en' ? 'en' : 'zh-CN';
    report();
  };
  document.documentElement.lang = calc.i18n.lang === 'en' ? 'en' : 'zh-CN';
  document.body.dataset.ready = '1';
  report();
  offline(new URL('sw.js', document.baseURI).href);
});
