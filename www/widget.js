// <yibao-calculator> — the calculator as a custom element, loaded by one script tag:
//   <script type="module" src="https://example.gov.cn/yibao/widget.js"></script>
//   <yibao-calculator scheme="jilin-2008" region="changchun" category="adult" lang="zh"
//                     accent="#b3261e"></yibao-calculator>
// Shadow DOM keeps the portal's CSS out; styles come from calc.css next to this file (a <link>,
// allowed by style-src 'self'); the accent colour goes through a constructed stylesheet, so no
// inline style is needed.
//
// The engine's glue is imported here too, though only ui.js uses it: the browser then fetches it
// together with ui.js instead of after it, one round trip less before the wasm download starts.
import './pkg/figures/yibao.js';
import './catalogue.js';
import { mountCalculator } from './ui.js';

const CSS_URL = new URL('calc.css', import.meta.url).href;

class YibaoCalculator extends HTMLElement {
  static get observedAttributes() {
    return ['accent'];
  }

  connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: CSS_URL }));
    this.applyAccent();
    const preset = {};
    for (const a of ['scheme', 'region', 'category', 'level', 'kind']) {
      const v = this.getAttribute(a);
      if (v) preset[a] = v;
    }
    const statuses = this.getAttribute('statuses');
    if (statuses) preset.statuses = statuses.split(/[\s,]+/).filter(Boolean);
    const level = Number(this.getAttribute('heading-level')) || 2;
    // a portal's own figures: the pack `yibao pack` or the editor wrote (or, from script, its bytes)
    const policyPack = this.policyPack || this.getAttribute('policy-pack') || undefined;
    this.ready = mountCalculator(shadow, {
      policyPack,
      lang: this.getAttribute('lang') === 'en' ? 'en' : 'zh',
      preset,
      headingLevel: Math.min(5, Math.max(1, level)),
      syncFragment: false,
      onChange: () => this.dispatchEvent(new CustomEvent('yibao:change', { bubbles: true })),
    }).then((calc) => {
      this.calculator = calc;
      this.setAttribute('data-ready', '');
      return calc;
    });
  }

  attributeChangedCallback() {
    if (this.shadowRoot) this.applyAccent();
  }

  applyAccent() {
    const accent = this.getAttribute('accent');
    if (!('adoptedStyleSheets' in Document.prototype)) return;
    // only the accent's own sheet is replaced: the city picker adds one of its own
    const others = this.shadowRoot.adoptedStyleSheets.filter((x) => x !== this.accentSheet);
    this.accentSheet = null;
    if (accent && CSS.supports('color', accent)) {
      this.accentSheet = new CSSStyleSheet();
      this.accentSheet.replaceSync(`:host { --yb-accent: ${accent}; }`);
      others.push(this.accentSheet);
    }
    this.shadowRoot.adoptedStyleSheets = others;
  }
}

if (!customElements.get('yibao-calculator')) customElements.define('yibao-calculator', YibaoCalculator);
