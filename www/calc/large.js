// 适老化: the large-text mode (lg=1 in the link) — text at 18 px or more, figures at 24 px or more,
// high contrast (calc.css, .yb-large). The toggle sits in the head, so it is there at first paint
// and a link with lg=1 opens large.
import { h } from './dom.js';

/** The head's toggle for `calc`; also puts the mode's class on the calculator's container. */
export function largeToggle(calc) {
  const on = calc.state.lg === '1';
  calc.container.classList.toggle('yb-large', on);
  return h(
    'button',
    {
      type: 'button',
      class: 'yb-lang yb-large-toggle',
      'data-key': 'lg',
      'aria-pressed': on ? 'true' : 'false',
      onclick: () => {
        calc.state.lg = on ? '' : '1';
        calc.build();
        calc.container.querySelector('[data-key="lg"]')?.focus();
      },
    },
    calc.i18n.lang === 'en' ? 'Large text' : '大字',
  );
}
