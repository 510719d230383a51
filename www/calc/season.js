// The family and the collection season (issue 18), imported when the first result asks for it:
// a bar of the questions residents and the 12393 hotline ask most — 缴费, 报销, 家庭缴费, 与上年相比,
// 何时缴费 — one keystroke apart (1–5, or Alt+Shift+1–5 while typing), the call-centre layout
// (cc=1: form and answers side by side at desktop width), and each answer's two texts to read out
// or send: a short one (≤ 140 characters plus the link that reproduces it) and the full one.
// The panels are household.js, diff.js and decision.js; everything they show comes from the engine.
import { h, replace, sheetFor } from './season-ui.js';

export { use } from './season-ui.js';
import { decisionPanel } from './decision.js';
import { diffPanel } from './diff.js';
import { householdPanel } from './household.js';
import { errorBox, tr } from './season-kit.js';

const CSS = `.yb-season .yb-qbar{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0}
.yb-season .yb-qbar button{background:#fff;color:var(--yb-a);font-weight:600}
.yb-season .yb-qbar button[aria-pressed=true]{background:var(--yb-a);color:var(--yb-accent-ink)}
.yb-season .yb-qbar kbd{font:inherit;font-weight:700;margin-right:4px}
.yb-member{border:1px solid var(--yb-line);border-radius:8px;padding:6px 10px;margin:8px 0}
.yb-member legend{font-weight:700}
.yb-member .yb-statuses{margin:4px 0}
.yb-tag{color:var(--yb-muted);margin-left:4px;white-space:nowrap}
.yb-total th,.yb-total td{font-weight:700;border-top:2px solid var(--yb-ink)}
.yb-season .yb-table{min-width:560px}
.yb-season td .yb-tag{display:block;margin:0}
.yb-season tbody th{min-width:7em}
.yb-season li{overflow-wrap:anywhere}
@media (min-width:1024px){.yb.yb-cc{max-width:1400px}
.yb-cc>.yb-form{grid-template-columns:1fr}
.yb-cc{display:grid;grid-template-columns:minmax(320px,1fr) 2fr;column-gap:16px;align-items:start}
.yb-cc>*{grid-column:1/-1}
.yb-cc>.yb-form{grid-column:1;grid-row:3/span 6}
.yb-cc>.yb-results,.yb-cc>.yb-season-slot,.yb-cc>.yb-detail,.yb-cc>.yb-year,.yb-cc>.yb-actions,.yb-cc>.yb-summary{grid-column:2}}`;

let sheet = null;
const style = (root) => (sheet = sheet || sheetFor(CSS))(root);

const QUESTIONS = ['premium', 'claim', 'household', 'diff', 'decision'];
const PANELS = { household: householdPanel, diff: diffPanel, decision: decisionPanel };

/** Shows question `q` (1–5): the premium and claim cards are focused, the others open here. */
function go(calc, n) {
  const q = QUESTIONS[n - 1];
  if (!q) return;
  if (q === 'premium' || q === 'claim') {
    const card = calc.container.querySelector(`[data-testid="${q}"]`);
    if (!card) return;
    card.tabIndex = -1;
    card.focus();
    return;
  }
  calc.state.q = q;
  calc.saveFragment();
  fill(calc, calc.seasonBox).then(() => calc.seasonBox.querySelector('.yb-qpanel')?.focus());
}

function keys(calc) {
  if (calc.seasonKeys) return;
  calc.seasonKeys = true;
  // on the document (or the widget's shadow root), for keys pressed with nothing focused too;
  // only those inside the calculator, or on the page's body, are the calculator's
  calc.container.getRootNode().addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || !calc.container.isConnected) return;
    if (!calc.container.contains(e.target) && e.target !== document.body) return;
    const typing = e.target.closest && e.target.closest('input, select, textarea, [contenteditable]');
    const chord = e.altKey && e.shiftKey;
    if (!(chord || (!typing && !e.altKey && !e.shiftKey))) return;
    const digit = /^Digit([1-5])$/.exec(e.code);
    if (digit) {
      e.preventDefault();
      go(calc, Number(digit[1]));
    } else if (e.code === 'KeyS' && calc.copyShort) {
      e.preventDefault();
      calc.copyShort();
    } else if (e.code === 'KeyF' && calc.copyFull) {
      e.preventDefault();
      calc.copyFull();
    }
  });
}

/** Fills `box` with the question bar and, once a question is opened (state.q), its panel: the
 *  panels ask the full module (pkg/full/, which has household, diff and decision), fetched the
 *  first time one is opened, so the widget's first load does not carry them. Resolves when the
 *  panel is there. */
export function fill(calc, box) {
  const lang = calc.i18n.lang;
  style(calc.container.getRootNode());
  keys(calc);
  const st = calc.state;
  calc.container.classList.toggle('yb-cc', st.cc === '1');
  const q = PANELS[st.q] ? st.q : null;
  const Hn = `h${Math.min(6, calc.hl + 1)}`;
  const bar = h(
    'div',
    { class: 'yb-qbar', role: 'toolbar', 'aria-label': tr(lang, 'bar') },
    QUESTIONS.map((k, i) =>
      h('button', { type: 'button', 'data-q': k, 'aria-pressed': PANELS[k] ? String(k === q) : null, onclick: () => go(calc, i + 1) }, h('kbd', {}, String(i + 1)), tr(lang, k)),
    ),
    h(
      'button',
      {
        type: 'button',
        'data-key': 'cc',
        'aria-pressed': String(st.cc === '1'),
        onclick: () => {
          st.cc = st.cc === '1' ? '' : '1';
          calc.saveFragment();
          fill(calc, box).then(() => box.querySelector('[data-key="cc"]')?.focus());
        },
      },
      tr(lang, 'cc'),
    ),
  );
  const panel = h('div', { class: 'yb-qpanel', tabindex: '-1', 'data-testid': q || 'season-closed' }, h('p', { class: 'yb-hint' }, tr(lang, q ? 'loading' : 'pick')));
  replace(
    box,
    h(
      'section',
      { class: 'yb-card yb-season', 'data-testid': 'season', 'aria-label': tr(lang, 'head') },
      h(Hn, {}, tr(lang, 'head')),
      bar,
      h('p', { class: 'yb-hint' }, tr(lang, 'keys')),
      panel,
    ),
  );
  if (!q) return Promise.resolve();
  const refresh = (key) =>
    fill(calc, box).then(() => {
      if (key) box.querySelector(`[data-key="${key}"]`)?.focus();
    });
  return calc.loaders.full().then(
    (api) => replace(panel, PANELS[q](calc, `h${Math.min(6, calc.hl + 2)}`, refresh, api)),
    (e) => replace(panel, errorBox(lang, e)),
  );
}
