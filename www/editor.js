// The policy editor for portal teams (issue 12): pick a provincial framework, fill in a city's own
// figures — each local figure of the framework with its permitted range and clause beside it —
// and see, as you type, exactly what `yibao check` says about the file (the full module runs the
// same check), a preview of the calculator with the draft, and the TOML file to export. A city
// file can be imported to edit. Nothing leaves the browser.
//
// The file written follows README "Adding a city": [meta], [region], and [overrides] with the
// framework's shape. A list in [overrides] replaces the framework's list, so when one figure of a
// list entry changes the whole list is written: the changed figures as stated by the city's
// document (its clause beside them), the others as the framework has them, citing it.
import { compileWasm, guardApi, h, mountCalculator } from './ui.js';

const $ = (sel) => document.querySelector(sel);
const FULL = new URL('./pkg/full/yibao.js', import.meta.url).href;
const WASM = new URL('./pkg/full/yibao_bg.wasm', import.meta.url);

let compiled; // the full module's wasm, compiled once; each draft gets a fresh instance of it
let base; // the instance that reads files and runs check
let instances = 0;

async function instance() {
  instances += 1;
  const m = await import(`${FULL}?instance=${instances}`);
  await m.default({ module_or_path: compiled });
  return m;
}

const META = [
  ['id', '文件编号 id（唯一）', 'File id (unique)'],
  ['name_zh', '名称（中文）', 'Name (Chinese)'],
  ['name_en', '名称（英文）', 'Name (English)'],
  ['doc', '本市文件文号', "The city's document number"],
  ['title_zh', '文件标题', 'Document title'],
  ['issuer_zh', '发文机关（中文）', 'Issuer (Chinese)'],
  ['issuer_en', '发文机关（英文）', 'Issuer (English)'],
  ['issued', '发文日期 YYYY-MM-DD', 'Issued YYYY-MM-DD'],
  ['effective_from', '施行日期 YYYY-MM-DD', 'In force from YYYY-MM-DD'],
  ['effective_from_clause', '施行日期所依条款', 'Clause that sets that date'],
];
const REGION = [
  ['id', '统筹地区 id', 'Region id'],
  ['name_zh', '地区名称（中文）', 'Region name (Chinese)'],
  ['name_en', '地区名称（英文）', 'Region name (English)'],
  ['clause', '缴费档次所依条款', 'Clause of the contribution tier'],
];

const ed = {
  framework: null, // { id, text, table, doc }
  rows: [], // { key, path, label, fig, input, clause, box }
  timer: null,
  calc: null,
};

// ---------------------------------------------------------------- reading the framework

const isFigure = (v) => v && typeof v === 'object' && !Array.isArray(v) && typeof v.value === 'string' && typeof v.basis === 'string';

/** How a list entry is told apart from its siblings, as the validator names it. */
function describe(entry, i) {
  if (!entry || typeof entry !== 'object') return String(i);
  if (entry.id) return entry.id;
  const parts = [entry.categories && entry.categories.join('+'), entry.tier, entry.category, entry.level, entry.payer, entry.kind].filter(Boolean);
  return parts.length ? parts.join('/') : String(i);
}

/** Every figure with a permitted range (what a city may set) under premium and benefits. */
function localFigures(table) {
  const out = [];
  const walk = (node, path, label) => {
    for (const [k, v] of Object.entries(node)) {
      if (isFigure(v)) {
        if (v.min !== undefined || v.max !== undefined) out.push({ path: [...path, k], label: `${label}.${k}`, fig: v });
      } else if (Array.isArray(v)) {
        v.forEach((e, i) => {
          // a list of figures (segment edges, ratios by segment) is named by position
          if (isFigure(e)) {
            if (e.min !== undefined || e.max !== undefined) out.push({ path: [...path, k, i], label: `${label}.${k}[${i}]`, fig: e });
          } else if (e && typeof e === 'object' && !Array.isArray(e)) walk(e, [...path, k, i], `${label}.${k}[${describe(e, i)}]`);
        });
      } else if (v && typeof v === 'object') walk(v, [...path, k], `${label}.${k}`);
    }
  };
  for (const top of ['premium', 'benefits']) if (table[top]) walk(table[top], [top], top);
  return out;
}

// ---------------------------------------------------------------- writing TOML

const key = (k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k));
function value(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(value).join(', ')}]`;
  return `{ ${Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${key(k)} = ${value(x)}`).join(', ')} }`;
}
const section = (obj) => Object.entries(obj).filter(([, v]) => v !== '' && v !== undefined).map(([k, v]) => `${key(k)} = ${value(v)}`);

/** A row's figure as the city file states it, or null when the framework's stays. */
function cityFigure(row, doc) {
  const v = row.input.value.trim();
  const clause = row.clause.value.trim();
  if (v === row.fig.value && !clause) return null;
  return { value: v, basis: 'stated', doc, clause };
}

/** The city file for the form as it is. */
function draft() {
  const meta = { kind: 'city', framework: ed.framework.id };
  for (const [k] of META) meta[k] = $(`#meta-${k}`).value.trim();
  const region = { id: $('#region-id').value.trim(), tier: $('#region-tier').value };
  for (const [k] of REGION.slice(1)) region[k] = $(`#region-${k}`).value.trim();
  const doc = meta.doc;
  const lines = ['# 由医保测算政策编辑器生成 / written by the 医保测算 policy editor', '', '[meta]'];
  lines.push(...section({ id: meta.id, kind: meta.kind, framework: meta.framework, ...meta }), '', '[region]', ...section(region));

  const changed = ed.rows.filter((r) => cityFigure(r, doc));
  const tables = new Map(); // dotted table path → [[key, figure]]
  const lists = new Map(); // dotted list path → list path
  for (const r of changed) {
    const at = r.path.findIndex((p) => typeof p === 'number');
    if (at < 0) {
      const t = r.path.slice(0, -1).join('.');
      if (!tables.has(t)) tables.set(t, []);
      tables.get(t).push([r.path[r.path.length - 1], cityFigure(r, doc)]);
    } else lists.set(r.path.slice(0, at).join('.'), r.path.slice(0, at));
  }
  for (const [t, figs] of tables) {
    lines.push('', `[overrides.${t}]`, ...figs.map(([k, f]) => `${key(k)} = ${value(f)}`));
  }
  for (const [, listPath] of lists) {
    let list = ed.framework.table;
    for (const p of listPath) list = list[p];
    list.forEach((entry, i) => {
      lines.push('', `[[overrides.${listPath.join('.')}]]`);
      // a value as the city file writes it: the city's figure where a row was changed, the
      // framework's (citing it) elsewhere
      const copy = (v, here) => {
        if (isFigure(v)) {
          const row = ed.rows.find((r) => r.path.join('.') === here.join('.'));
          if (row && cityFigure(row, doc)) return cityFigure(row, doc);
          // the framework's figure, its value first, citing the framework's document
          const { value: val, basis, min, max, clause, ...rest } = v;
          return { value: val, basis, min, max, clause, doc: v.doc || ed.framework.doc, ...rest };
        }
        if (Array.isArray(v)) return v.map((x, j) => copy(x, [...here, j]));
        if (v && typeof v === 'object') {
          const out = {};
          for (const [k, x] of Object.entries(v)) out[k] = copy(x, [...here, k]);
          return out;
        }
        return v;
      };
      lines.push(...section(copy(entry, [...listPath, i])));
    });
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- the form

function field(id, zh, en, attrs = {}) {
  return h('div', { class: 'ed-field' }, h('label', { for: id }, zh, ' ', h('span', { class: 'yb-alt', lang: 'en' }, en)), h('input', { id, type: 'text', autocomplete: 'off', ...attrs }));
}

function buildForm() {
  const { table } = ed.framework;
  const meta = table.meta || {};
  const tiers = [...new Set((table.regions || []).map((r) => r.tier))];
  $('#city-meta').replaceChildren(
    h('legend', {}, '城市文件 ', h('span', { class: 'yb-alt', lang: 'en' }, 'City file')),
    ...META.map(([k, zh, en]) => field(`meta-${k}`, zh, en, { value: k === 'id' ? `${meta.id}-city` : k === 'effective_from' || k === 'issued' ? meta.effective_from || '' : '' })),
  );
  $('#city-region').replaceChildren(
    h('legend', {}, '统筹地区 ', h('span', { class: 'yb-alt', lang: 'en' }, 'Pooling region')),
    field('region-id', REGION[0][1], REGION[0][2], { value: 'city' }),
    h('div', { class: 'ed-field' }, h('label', { for: 'region-tier' }, '缴费档次 ', h('span', { class: 'yb-alt', lang: 'en' }, 'Contribution tier')),
      h('select', { id: 'region-tier' }, tiers.map((t) => h('option', { value: t }, `${t} — ${(table.regions.find((r) => r.tier === t) || {}).name_zh || ''}`)))),
    ...REGION.slice(1).map(([k, zh, en]) => field(`region-${k}`, zh, en)),
  );
  ed.rows = localFigures(table).map((r, i) => {
    const id = `fig-${i}`;
    const input = h('input', { id, type: 'text', inputmode: 'decimal', value: r.fig.value, autocomplete: 'off', 'data-path': r.label });
    const clause = h('input', { id: `${id}-clause`, type: 'text', autocomplete: 'off', placeholder: '如 第十条 / e.g. 第十条' });
    const err = h('p', { class: 'ed-row-error', id: `${id}-err`, hidden: true });
    input.setAttribute('aria-describedby', `${id}-range ${id}-err`);
    const box = h(
      'tr',
      { 'data-label': r.label },
      h('th', { scope: 'row' }, h('label', { for: id }, h('code', {}, r.label)), r.fig.note_zh ? h('p', { class: 'ed-note' }, r.fig.note_zh) : null),
      h('td', {}, input, err),
      h('td', { id: `${id}-range`, class: 'ed-range' }, `${r.fig.min ?? '—'} — ${r.fig.max ?? '—'}`, h('br'), h('span', { class: 'ed-basis' }, r.fig.basis)),
      h('td', { class: 'ed-clause' }, `${meta.doc || ''} ${r.fig.clause}`),
      h('td', {}, h('label', { for: `${id}-clause`, class: 'ed-sr' }, `本市条款 ${r.label}`), clause),
    );
    return { ...r, input, clause, err, box };
  });
  $('#figures').replaceChildren(
    h('caption', {}, `${meta.doc || ''} 允许各地确定的取值（${ed.rows.length} 项）/ Figures the framework leaves to the city`),
    h('thead', {}, h('tr', {}, ['取值 Figure', '本市取值 Value', '允许范围 Range', '框架条款 Clause', '本市文件条款 Your clause'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ed.rows.map((r) => r.box)),
  );
}

async function chooseFramework(id) {
  const text = base.policyText(id);
  const table = base.policyTable(`${id}.toml`, text);
  ed.framework = { id, text, table, doc: table.meta.doc };
  buildForm();
  update();
}

// ---------------------------------------------------------------- check, preview, export

/** A message without the field it starts with (shown beside it already), as the CLI prints it. */
function unprefixed(msg, f) {
  const m = String(msg || '');
  if (!f || !m.startsWith(f)) return m;
  const rest = m.slice(f.length);
  return rest.startsWith('：') ? rest.slice(1) : rest.startsWith(': ') ? rest.slice(2) : m;
}

function update() {
  const text = draft();
  $('#toml').value = text;
  const name = `${$('#meta-id').value.trim() || 'city'}.toml`;
  const findings = base.checkPolicy(name, text);
  for (const r of ed.rows) {
    r.input.removeAttribute('aria-invalid');
    r.err.hidden = true;
  }
  const strip = (f) => String(f || '').replace(/\[[^\]]*\]/g, '[]');
  const list = $('#findings');
  if (!findings.length) {
    list.replaceChildren(h('p', { class: 'yb-ok', 'data-testid': 'check-ok' }, '检查通过：没有发现问题。', h('span', { class: 'yb-alt', lang: 'en' }, ' OK: no findings.')));
  } else {
    list.replaceChildren(
      h('p', { class: 'yb-error' }, `发现 ${findings.length} 个问题 / ${findings.length} findings`),
      h('ul', {}, findings.map((e) => h('li', { 'data-code': e.code, 'data-field': e.field || '' }, e.field ? h('code', {}, e.field) : null, e.field ? '：' : '', unprefixed(e.message_zh, e.field), h('span', { class: 'yb-alt', lang: 'en' }, ` ${unprefixed(e.message_en, e.field)}`), e.clause ? h('span', { class: 'yb-cite' }, `（依据 ${e.clause}）`) : null))),
    );
    // the rows a finding names (an edited figure at the same path)
    for (const e of findings) {
      for (const r of ed.rows) {
        if (strip(r.label) !== strip(e.field) || r.input.value.trim() === r.fig.value) continue;
        r.input.setAttribute('aria-invalid', 'true');
        r.err.textContent = unprefixed(e.message_zh, e.field);
        r.err.hidden = false;
      }
    }
  }
  $('#export').disabled = false;
  // a pack is validated when it is written: only a draft with no findings becomes one
  $('#export-pack').disabled = findings.length > 0;
  clearTimeout(ed.timer);
  // each preview is a fresh instance of the full module, which the browser keeps for the page's
  // life: rebuilt only once typing has paused
  if (!findings.length) ed.timer = setTimeout(() => preview(text), 800);
  else if (ed.calc) $('#preview-status').textContent = '草稿未通过检查：预览仍是上一次通过检查的版本。/ The draft has findings: the preview shows the last draft that passed.';
}

async function preview(text) {
  const m = guardApi(await instance());
  let loaded;
  try {
    loaded = m.loadPolicy('draft.toml', text);
  } catch (e) {
    $('#preview-status').textContent = e.message_zh || String(e);
    return;
  }
  if (!ed.calc) ed.calc = await mountCalculator($('#preview'), { syncFragment: false, headingLevel: 3 });
  const calc = ed.calc;
  calc.useEngine(m);
  if (calc.state.scheme !== loaded.scheme) {
    // another scheme: its own dates and coverage year, as when the scheme field changes
    calc.state.date = '';
    calc.state.cy = '';
  }
  calc.state.scheme = loaded.scheme;
  calc.state.region = loaded.regions[0];
  calc.build();
  $('#preview-status').textContent = `预览：${loaded.id} / Preview: ${loaded.id}`;
  document.body.dataset.preview = loaded.regions[0];
}

function download(name, body, type) {
  const a = h('a', { href: URL.createObjectURL(new Blob([body], { type })), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

function exportFile() {
  download(`${$('#meta-id').value.trim() || 'city'}.toml`, draft(), 'text/plain');
}

/**
 * The draft's scheme as a policy pack (what `yibao pack` writes for the same file): the built-in
 * files and the draft, loaded and checked in a fresh instance of the full module, written as
 * `<scheme>.<hash>.pack`, with the TOML beside it for review. The page serves the pack and names
 * it in `<yibao-calculator policy-pack="…">` (EMBEDDING.md).
 */
async function exportPack() {
  const text = draft();
  const name = `${$('#meta-id').value.trim() || 'city'}.toml`;
  const status = $('#pack-status');
  if (base.checkPolicy(name, text).length) return;
  try {
    const m = guardApi(await instance());
    const loaded = m.loadPolicy(name, text);
    const bytes = m.packScheme(loaded.scheme);
    const file = m.packName(loaded.scheme, bytes);
    download(file, bytes, 'application/octet-stream');
    download(name, text, 'text/plain');
    status.replaceChildren(
      `已导出 ${file}（${bytes.length} 字节）和 ${name}。/ Exported ${file} (${bytes.length} bytes) and ${name}. `,
      h('code', {}, `<yibao-calculator policy-pack="/yibao/${file}"></yibao-calculator>`),
    );
    status.dataset.file = file;
  } catch (e) {
    status.textContent = `${e.message_zh || e.message || e} / ${e.message_en || ''}`;
  }
}

async function importFile(file) {
  const text = await file.text();
  const status = $('#import-status');
  let t;
  try {
    t = base.policyTable(file.name, text);
  } catch (e) {
    status.textContent = `${e.message_zh} / ${e.message_en}`;
    return;
  }
  if (!t.meta || t.meta.kind !== 'city' || !t.meta.framework) {
    status.textContent = '这不是城市政策文件（meta.kind = "city"）。/ Not a city policy file.';
    return;
  }
  $('#framework').value = t.meta.framework;
  await chooseFramework(t.meta.framework);
  for (const [k] of META) if (t.meta[k] !== undefined) $(`#meta-${k}`).value = t.meta[k];
  for (const [k] of REGION) if (t.region && t.region[k] !== undefined) $(`#region-${k}`).value = t.region[k];
  if (t.region && t.region.tier) $('#region-tier').value = t.region.tier;
  // the city's own figures: by the same labels as the framework's rows
  const mine = [];
  const walk = (node, label) => {
    for (const [k, v] of Object.entries(node || {})) {
      if (isFigure(v)) mine.push({ label: `${label}.${k}`, fig: v });
      else if (Array.isArray(v)) {
        v.forEach((e, i) => {
          if (isFigure(e)) mine.push({ label: `${label}.${k}[${i}]`, fig: e });
          else if (e && typeof e === 'object') walk(e, `${label}.${k}[${describe(e, i)}]`);
        });
      }
      else if (v && typeof v === 'object') walk(v, `${label}.${k}`);
    }
  };
  for (const top of ['premium', 'benefits']) if (t.overrides && t.overrides[top]) walk(t.overrides[top], top);
  for (const f of mine) {
    const row = ed.rows.find((r) => r.label === f.label);
    if (!row || (f.fig.doc && f.fig.doc === ed.framework.doc)) continue;
    row.input.value = f.fig.value;
    row.clause.value = f.fig.clause || '';
  }
  status.textContent = `已导入 ${file.name} / Imported ${file.name}`;
  update();
}

// ---------------------------------------------------------------- start

async function start() {
  compiled = await compileWasm(WASM);
  base = guardApi(await instance());
  const frameworks = base.catalogue().schemes;
  const sel = $('#framework');
  sel.replaceChildren(...frameworks.map((s) => h('option', { value: s.id }, `${s.name_zh}（${s.doc}）`)));
  sel.addEventListener('change', () => chooseFramework(sel.value));
  await chooseFramework(sel.value);
  $('#editor').addEventListener('input', (e) => {
    if (e.target.closest('#preview')) return;
    clearTimeout(ed.typing);
    ed.typing = setTimeout(update, 200);
  });
  $('#editor').addEventListener('change', (e) => {
    if (e.target.id === 'region-tier') update();
  });
  $('#export').addEventListener('click', exportFile);
  $('#export-pack').addEventListener('click', exportPack);
  $('#import').addEventListener('change', () => {
    const f = $('#import').files && $('#import').files[0];
    if (f) importFile(f);
  });
  document.body.dataset.ready = '1';
}

start().catch((e) => {
  $('#findings').replaceChildren(h('p', { class: 'yb-error', role: 'alert' }, `无法加载编辑器：${e.message_zh || e.message || e}`));
});
