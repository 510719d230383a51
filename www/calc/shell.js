// The calculator: mounts into an element or a shadow root, builds the form and the result cards
// from the state, and recomputes on input. Each concern's methods live in their own module and are
// mixed in below (the city picker and layers.js call some of them: field, build, person …).
import { bare, cityField, summaryBar, updateSummary } from '../extras.js';
import { admissionsView } from './admissions.js';
import { chartView } from './chart.js';
import { claimForm } from './claim-form.js';
import { claimView } from './claim.js';
import { compareView } from './compare.js';
import { h, replace } from './dom.js';
import { formMethods } from './form.js';
import { I18n } from './i18n.js';
import { largeToggle } from './large.js';
import { errorBox, partsMethods } from './parts.js';
import { personForm } from './person.js';
import { premiumView } from './premium.js';
import { shareMethods } from './share.js';
import { decodeState, stateMethods } from './state.js';
import { regionsOf, withLoaded } from '../packs.js';

/**
 * `loaders`: where the engine, the schemes' packs and the lazily loaded modules come from (ui.js,
 * which knows their URLs): { engine, full, layers, season, explain } each a function returning a
 * promise; `schemes()` the catalogue's schemes (packs.js schemesOf); `pack(scheme)` loads a
 * scheme's pack into the engine; `portal()`, when the page was given a pack of its own, loads it
 * and resolves to its scheme id.
 */
export class Calculator {
  constructor(root, options, loaders) {
    this.root = root;
    this.opts = options;
    this.loaders = loaders;
    this.hl = options.headingLevel || 2;
    const fromFrag = options.syncFragment ? decodeState(location.hash) : {};
    // No prototype: a host's Object.prototype.paid_on (or date, disease…) must not read as input.
    this.state = bare({ statuses: [], year: [], ...(options.preset || {}), ...fromFrag });
    this.i18n = new I18n(this.state.lang || options.lang || 'zh');
    this.state.lang = this.i18n.lang;
    this.openDetails = new Set();
    this.timer = null;
    this.last = {};
  }

  async start() {
    this.container = h('div', { class: 'yb', lang: this.i18n.lang === 'en' ? 'en' : 'zh-CN' });
    this.root.append(this.container);
    this.container.append(h('p', { class: 'yb-loading', role: 'status' }, this.i18n.t('loading')));
    this.schemes = this.loaders.schemes();
    this.catalogue = { schemes: this.schemes };
    try {
      if (this.loaders.portal) {
        // a portal's own pack: the only scheme shown
        const id = await this.loaders.portal();
        this.state.scheme = id;
        this.useEngine(await this.loaders.engine());
      } else {
        // the scheme's pack is fetched at once, beside the engine; a failure is shown by build()
        const first = this.scheme();
        if (first) this.state.scheme = first.id;
        const pack = first ? this.loaders.pack(first).catch(() => {}) : null;
        this.useEngine(await this.loaders.engine());
        await pack;
        this.refresh();
      }
    } catch (e) {
      this.container.replaceChildren(errorBox(this.i18n, e));
      return;
    }
    if (this.opts.syncFragment) {
      window.addEventListener('hashchange', () => {
        if (location.hash.slice(1) === this.lastFragment) return;
        this.state = bare({ statuses: [], year: [], ...decodeState(location.hash) });
        this.i18n = new I18n(this.state.lang || this.i18n.lang);
        this.build();
      });
    }
    window.addEventListener('beforeprint', () => this.forDetails((d) => {
      d.dataset.wasOpen = d.open ? '1' : '';
      d.open = true;
    }));
    window.addEventListener('afterprint', () => this.forDetails((d) => {
      d.open = d.dataset.wasOpen === '1';
    }));
    this.build();
  }

  /**
   * An engine that words the steps: the full module when it is in use, else the explaining module
   * (fetched on first use, with every pack the page has loaded).
   */
  explainer() {
    return typeof this.api.loadPolicy === 'function' ? Promise.resolve(this.api) : this.loaders.explain();
  }

  /** The shown claim explained (the same request with `explain: true`), or null without a claim. */
  async explainedClaim() {
    const req = this.last.claimReq;
    if (!req || !this.last.claim || !this.last.claim.ok) return null;
    return (await this.explainer()).claim({ ...req, explain: true });
  }

  /** Uses `api` from now on (the default engine, or the full module after a policy file). */
  useEngine(api) {
    this.api = api;
    this.refresh();
  }

  /** A division's region in each scheme of the catalogue (the city picker asks). */
  regionsOf(d) {
    return regionsOf(this.catalogue.schemes, d);
  }

  /** The catalogue: the shipped schemes, each replaced by the engine's entry once loaded. */
  refresh() {
    this.catalogue = { schemes: withLoaded(this.schemes, this.api.catalogue().schemes) };
  }

  /**
   * The chosen scheme's pack is not in the engine yet: the scheme and city fields, a line saying
   * it is being fetched (or why it failed, with a retry), and the build once it is in.
   */
  buildPending(sc, error) {
    const { i18n } = this;
    const status = error
      ? h('div', { class: 'yb-card yb-pack-error', 'data-testid': 'pack-error' }, errorBox(i18n, error), h('button', { type: 'button', class: 'yb-retry', onclick: () => this.buildPending(sc) }, i18n.t('retry')))
      : h('p', { class: 'yb-loading', role: 'status', 'data-testid': 'pack-loading' }, i18n.t('loadingScheme'));
    this.form = h('form', { class: 'yb-form', novalidate: true, onsubmit: (e) => e.preventDefault() });
    this.form.append(
      h('fieldset', { class: 'yb-card yb-who' }, h('legend', {}, i18n.t('who')), cityField(this), this.field('scheme', i18n.t('scheme'), this.select('scheme', this.catalogue.schemes, sc.id))),
    );
    this.form.addEventListener('change', (e) => this.onInput(e, true));
    this.container.replaceChildren(h('div', { class: 'yb-head' }, h(`h${Math.min(6, this.hl)}`, {}, i18n.t('title'))), this.form, h('div', { class: 'yb-results', 'aria-live': 'polite', 'data-testid': 'results' }, status));
    if (error) return;
    this.loaders.pack(sc).then(
      () => {
        this.refresh();
        if (this.state.scheme === sc.id) this.build();
      },
      (e) => {
        if (this.state.scheme === sc.id) this.buildPending(sc, e);
      },
    );
  }

  forDetails(fn) {
    for (const d of this.container.querySelectorAll('details')) fn(d);
  }

  // ------------------------------------------------------------ building the form

  build() {
    const { i18n } = this;
    const hadFocus = this.container.querySelector(':focus')?.dataset?.key;
    this.container.lang = i18n.lang === 'en' ? 'en' : 'zh-CN';
    this.container.replaceChildren();
    if (!this.catalogue.schemes.length) {
      this.container.append(h('p', { class: 'yb-error', role: 'alert' }, i18n.t('noPolicies')));
      return;
    }
    const sc = this.scheme();
    if (!sc.loaded) {
      this.state.scheme = sc.id;
      this.buildPending(sc);
      return;
    }
    this.normalise();
    const H = (n, ...kids) => h(`h${Math.min(6, this.hl + n)}`, {}, ...kids);

    const head = h(
      'div',
      { class: 'yb-head' },
      H(0, i18n.t('title')),
      largeToggle(this),
      h(
        'button',
        {
          type: 'button',
          class: 'yb-lang',
          'data-key': 'lang',
          lang: i18n.lang === 'en' ? 'zh-CN' : 'en',
          'aria-label': i18n.t('langLabel'),
          onclick: () => {
            this.state.lang = i18n.lang === 'en' ? 'zh' : 'en';
            this.i18n = new I18n(this.state.lang);
            this.build();
            this.container.querySelector('.yb-lang')?.focus();
          },
        },
        i18n.t('lang'),
      ),
    );
    const intro = h('p', { class: 'yb-intro' }, i18n.t('subtitle'));

    this.form = h('form', { class: 'yb-form', novalidate: true, onsubmit: (e) => e.preventDefault() });
    this.form.append(this.personFieldset(H), this.billFieldset(H));
    this.form.addEventListener('change', (e) => this.onInput(e, true));
    this.form.addEventListener('input', (e) => this.onInput(e, false));

    this.live = h('div', { class: 'yb-results', 'aria-live': 'polite', 'data-testid': 'results' });
    this.detail = h('div', { class: 'yb-detail' });
    this.seasonBox = h('div', { class: 'yb-season-slot' });
    this.yearBox = h('section', { class: 'yb-card yb-year', 'aria-label': i18n.t('year') });
    this.actions = this.actionsBar(H);

    this.summary = summaryBar(i18n);
    this.container.append(head, intro, this.form, this.summary, this.live, this.seasonBox, this.detail, this.yearBox, this.actions);
    this.container.append(h('p', { class: 'yb-foot' }, i18n.t('footer')));
    this.compute();
    if (hadFocus) this.container.querySelector(`[data-key="${hadFocus}"]`)?.focus();
  }
  // ------------------------------------------------------------ computing

  call(fn, arg) {
    try {
      return { ok: this.api[fn](arg) };
    } catch (e) {
      return { err: e };
    }
  }

  compute() {
    const { i18n } = this;
    this.normalise();
    this.saveFragment();
    this.clearFieldErrors();
    const person = this.person();
    const elig = this.call('eligibility', person);
    const prem = this.call('premium', { person, date: this.paidOn(), year: this.state.cy || null });
    if (!this.state.cy && prem.ok) this.adoptYear(String(prem.ok.period.year));
    const kinds = this.kinds();
    let claim = null;
    let compare = null;
    let claimReq = null;
    if (kinds.length) {
      // figures, ranges and notices first; the steps' wording when they are opened (explainBox)
      const req = { person, paid_on: this.paidOn(), renewed_without_break: this.renewed(), enrolment: this.enrolmentIn(), claim: this.claimInput(), explain: false };
      claim = this.call('claim', req);
      if (claim.ok) compare = this.call('compare', req); // the table shows figures only
      if (claim.err) this.markField(claim.err);
      claimReq = req;
    }
    this.last = { elig, prem, claim, compare, claimReq };

    const H = (n, ...kids) => h(`h${Math.min(6, this.hl + n)}`, {}, ...kids);
    updateSummary(this.summary, prem, kinds.length ? claim : null);
    replace(this.live, 
      this.renderEligibility(H, elig, prem),
      this.renderPremium(H, prem),
      kinds.length ? this.renderClaim(H, claim) : null,
    );
    const detail = [];
    if (claim && claim.ok) {
      detail.push(this.renderChart(H, claim.ok));
      if (compare) detail.push(this.renderCompare(H, compare));
    }
    detail.push(this.layerSlot((m) => m.enrolPanel(this)));
    replace(this.detail, ...detail.filter(Boolean));
    this.loaders.season().then((m) => m.fill(this, this.seasonBox), () => {});
    this.renderYear(H);
    this.restoreDetails();
    if (this.opts.onChange) this.opts.onChange(this);
  }
}

Object.assign(
  Calculator.prototype,
  stateMethods,
  formMethods,
  personForm,
  claimForm,
  premiumView,
  claimView,
  chartView,
  compareView,
  admissionsView,
  shareMethods,
  partsMethods,
);
