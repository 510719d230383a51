// DOM helpers of the calculator: every node is built with the DOM API (never innerHTML with
// data), so a loaded policy file cannot inject markup.

export function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, kids);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function s(tag, props, ...kids) {
  const el = document.createElementNS(SVG_NS, tag);
  setProps(el, props);
  append(el, kids);
  return el;
}

function setProps(el, props) {
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else if (k === 'selected') el.selected = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** Like Element.append/replaceChildren but skipping null/false and flattening arrays. */
export function add(el, ...kids) {
  append(el, kids);
}
export function replace(el, ...kids) {
  el.replaceChildren();
  append(el, kids);
}

function append(el, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k === null || k === undefined || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
}

let uid = 0;
export function nextId(stem) {
  uid += 1;
  return `yb-${stem}-${uid}`;
}

/** A stylesheet for `css`, built once (a constructed sheet: no CSP exception), and a function
 *  that adds it to a document or shadow root (where it is not there yet). */
export function sheetFor(css) {
  let sheet = null;
  return (root) => {
    if (!('adoptedStyleSheets' in root)) return;
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  };
}
