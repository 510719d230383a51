// What the season's panels share (season.js, household.js, diff.js, decision.js): their words,
// a figure's provenance tag, an error box, the link that reproduces an answer, fitting a short
// answer into 140 characters, and the two copy buttons.
import { encodeState, h } from './season-ui.js';

export const W = {
  head: ['家庭与缴费季', 'Family and the collection season'],
  bar: ['常问问题（快捷键 1—5）', 'Questions (keys 1–5)'],
  premium: ['缴费', 'Premium'],
  claim: ['报销', 'Reimbursement'],
  household: ['家庭缴费', 'Household'],
  diff: ['与上年相比', 'Compared with last year'],
  decision: ['何时缴费', 'When to pay'],
  keys: [
    '键盘：不在输入框时按 1—5 切换问题，S 复制简短答复，F 复制完整答复；在输入框中加 Alt+Shift。',
    'Keys: 1–5 switch questions, S copies the short answer, F the full one; with Alt+Shift while typing.',
  ],
  cc: ['坐席模式', 'Call-centre layout'],
  pick: [
    '选择上面的问题。第一次打开时要下载完整计算模块（约 400 KB），之后不再下载。',
    'Pick a question above. The first one opened downloads the full calculator module (about 400 KB), once.',
  ],
  loading: ['正在加载完整计算模块…', 'Loading the full calculator module…'],
  short: ['复制简短答复', 'Copy short answer'],
  full: ['复制完整答复', 'Copy full answer'],
  copied: ['已复制。', 'Copied.'],
  copyFailed: ['无法访问剪贴板，请手动复制下方文字。', 'No clipboard access; copy the text below.'],
  link: ['链接', 'Link'],
  worked: ['推算', 'worked out'],
  error: ['无法计算', 'Cannot compute'],
};

export const tr = (lang, key) => W[key][lang === 'en' ? 1 : 0];

/** A figure's provenance in a few characters, as the CLI prints it: its origin tag (source year
 *  and grade, or document year and basis) and, for a later notice, the source's id
 *  (`2025·B·J3`). */
export function tag(lang, f) {
  if (!f) return tr(lang, 'worked');
  const origin = lang === 'en' ? f.origin_en : f.origin_zh;
  return f.source ? `${origin}·${f.source.id}` : origin;
}

/** An engine error as a box; the member or field it names is marked by the caller. */
export function errorBox(lang, e) {
  return h(
    'div',
    { class: 'yb-error', role: 'alert', 'data-code': e.code || 'error', 'data-field': e.field || '' },
    h('p', {}, h('strong', {}, `${tr(lang, 'error')}：`), lang === 'en' ? e.message_en || e.message : e.message_zh || e.message),
    e.clause ? h('p', { class: 'yb-cite' }, e.clause) : null,
  );
}

/** The link that reproduces the answer: the page's address with the state (plus `extra`). */
export function linkFor(calc, extra = {}) {
  if (!calc.opts.syncFragment) return '';
  return `${location.href.split('#')[0]}#${encodeState({ ...calc.state, ...extra })}`;
}

/** At most `max` characters: the parts in order, leaving out those that would not fit. */
export function fit(parts, max = 140) {
  let out = '';
  for (const p of parts.filter(Boolean)) if ([...out + p].length <= max) out += p;
  return out;
}

/** The two copy buttons of an answer: `texts()` gives { short, full, link }. */
export function copyBar(calc, texts) {
  const lang = calc.i18n.lang;
  const status = h('p', { class: 'yb-action-status', role: 'status' });
  const box = h('textarea', { class: 'yb-copy-fallback', readonly: true, hidden: true, rows: '6', 'aria-label': tr(lang, 'full') });
  const copy = async (which) => {
    const t = texts();
    const text = [t[which], t.link ? `${tr(lang, 'link')}：${t.link}` : ''].filter(Boolean).join('\n');
    box.value = text;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = tr(lang, 'copied');
      box.hidden = true;
    } catch {
      box.hidden = false;
      box.select();
      status.textContent = tr(lang, 'copyFailed');
    }
  };
  calc.copyShort = () => copy('short');
  calc.copyFull = () => copy('full');
  return h(
    'div',
    { class: 'yb-copybar' },
    h('div', { class: 'yb-buttons' },
      h('button', { type: 'button', class: 'yb-copy-short', onclick: () => copy('short') }, tr(lang, 'short')),
      h('button', { type: 'button', class: 'yb-copy-full', onclick: () => copy('full') }, tr(lang, 'full')),
    ),
    status,
    box,
  );
}


/** A table in a box that scrolls sideways on a narrow screen, reachable by keyboard. */
export function scrollBox(label, table) {
  return h('div', { class: 'yb-scroll', tabindex: '0', role: 'region', 'aria-label': label }, table);
}
