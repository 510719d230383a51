// The chart: the resident's share as the bill grows (one engine `curve` call, every point at the
// assumed figures), with the deductible, segment edges, the annual limit and where 大病保险 starts
// marked. Floats only for
// coordinates; the money shown comes from the engine's strings.
import { fix1 } from '../extras.js';
import { h, nextId, s } from './dom.js';
import { coord, isZero, yuan } from './format.js';

/** Methods of the calculator (mixed into it by shell.js). */
export const chartView = {
  chartData(c) {
    // One engine call computes every point (assumed values, no explanation) and where the
    // annual limit starts to bite; the curve assumes an all-in-scope bill of each size.
    const total = coord(c.medfee_sumamt);
    const lim = coord(c.limit);
    const dedStep = c.steps.find((st) => st.id === 'deductible');
    const dedc = dedStep && dedStep.figures[0] ? coord(dedStep.figures[0].raw) : coord(c.act_pay_dedc);
    let xmax = Math.max(Number.isFinite(total) ? total * 1.5 : 0, Number.isFinite(lim) && c.limit_kind === 'eligible_cost' ? lim * 1.6 : 0, Number.isFinite(dedc) ? dedc * 5 : 0, 1000);
    xmax = niceCeil(xmax);
    const N = 40;
    const totals = [];
    for (let i = 0; i <= N; i += 1) totals.push(String(Math.round((xmax * i) / N)));
    let curve;
    try {
      curve = this.api.curve({ person: this.person(), paid_on: this.paidOn(), enrolment: this.enrolmentIn(), claim: { ...this.claimInput(), fulamt_ownpay_amt: '0' }, totals });
    } catch {
      return { points: [], marks: [], xmax, you: { x: total, y: coord(c.psn_part_amt) } };
    }
    const points = curve.points.map((p) => ({ x: coord(p.medfee_sumamt), y: coord(p.psn_part_amt), above: !isZero(p.above_limit_amt) }));
    const marks = [];
    const d = coord(curve.deductible);
    if (Number.isFinite(d) && d > 0) marks.push({ x: d, label: this.i18n.t('deductible'), cls: 'ded' });
    for (const e of curve.edges) {
      const x = coord(e);
      if (Number.isFinite(x) && x > 0 && x < xmax && !marks.some((m) => m.x === x)) marks.push({ x, label: this.i18n.t('segmentEdge'), cls: 'edge' });
    }
    if (curve.limit_from !== undefined) marks.push({ x: coord(curve.limit_from), label: this.i18n.t('limit'), cls: 'lim' });
    if (curve.hifmi_from !== undefined) marks.push({ x: coord(curve.hifmi_from), label: this.i18n.t('hifmiFrom'), cls: 'hifmi' });
    return { points, marks, xmax, you: { x: total, y: coord(c.psn_part_amt) } };
  },

  renderChart(H, c) {
    const { i18n } = this;
    const { points, marks, xmax, you } = this.chartData(c);
    if (points.length < 2) return null;
    const W = 480;
    const HT = 280;
    const L = 48;
    const R = 16;
    const TOP = 16;
    const B = 40;
    const ymax = niceCeil(Math.max(...points.map((p) => p.y), you.y || 0, 1));
    const X = (v) => L + ((W - L - R) * v) / xmax;
    const Y = (v) => TOP + (HT - TOP - B) * (1 - v / ymax);
    const fmtAxis = (v) => (v >= 10000 ? `${trimNum(v / 10000)}${i18n.lang === 'en' ? '0k' : '万'}` : String(Math.round(v)));
    const axisLabel = (v) => (i18n.lang === 'en' && v >= 10000 ? `${trimNum(v / 1000)}k` : fmtAxis(v));
    const ticks = [0, 0.25, 0.5, 0.75, 1];
    const titleId = nextId('chart-title');
    const descId = nextId('chart-desc');
    const path = points.map((p, i) => `${i ? 'L' : 'M'}${fix1(X(p.x))},${fix1(Y(p.y))}`).join(' ');
    const svg = s(
      'svg',
      { viewBox: `0 0 ${W} ${HT}`, class: 'yb-chart', role: 'img', 'aria-labelledby': `${titleId} ${descId}` },
      s('title', { id: titleId }, i18n.t('chart')),
      s('desc', { id: descId }, i18n.t('chartNote')),
      ticks.map((t) =>
        s(
          'g',
          { class: 'yb-grid' },
          s('line', { x1: L, x2: W - R, y1: Y(t * ymax), y2: Y(t * ymax) }),
          s('text', { x: L - 6, y: Y(t * ymax) + 4, 'text-anchor': 'end' }, axisLabel(t * ymax)),
          s('text', { x: X(t * xmax), y: HT - B + 16, 'text-anchor': 'middle' }, axisLabel(t * xmax)),
        ),
      ),
      s('line', { class: 'yb-axis', x1: L, x2: W - R, y1: Y(0), y2: Y(0) }),
      s('line', { class: 'yb-axis', x1: L, x2: L, y1: TOP, y2: Y(0) }),
      marks
        .filter((m) => m.x <= xmax)
        .map((m, i) =>
          s(
            'g',
            { class: `yb-mark yb-mark-${m.cls}` },
            s('line', { x1: X(m.x), x2: X(m.x), y1: TOP, y2: Y(0) }),
            s('text', { x: X(m.x) + 3, y: TOP + 12 + (i % 3) * 13 }, m.label),
          ),
        ),
      s('path', { class: 'yb-line', d: path, fill: 'none' }),
      Number.isFinite(you.x) && you.x <= xmax
        ? s(
            'g',
            { class: 'yb-you-dot' },
            s('circle', { cx: X(you.x), cy: Y(you.y), r: 5 }),
            s('text', { x: X(you.x) + 8, y: Y(you.y) - 8 }, `${i18n.t('chartYou')} ${yuan(String(c.psn_part_amt))}`),
          )
        : null,
      s('text', { class: 'yb-axis-title', x: (W + L) / 2, y: HT - 6, 'text-anchor': 'middle' }, `${i18n.t('medfee')} (¥)`),
    );
    return h(
      'section',
      { class: 'yb-card yb-chart-box', 'data-testid': 'chart' },
      H(1, i18n.t('chart')),
      svg,
      h('p', { class: 'yb-hint' }, i18n.t('chartNote')),
    );
  },
};

function niceCeil(v) {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function trimNum(v) {
  return String(Math.round(v * 10) / 10);
}
