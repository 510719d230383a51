// Types for `yibao-calculator/widget`: importing it defines the <yibao-calculator> custom element
// (see README.md for its attributes). The engine's own types are in pkg/yibao.d.ts.

/** The calculator mounted inside the element (after `ready` resolves). */
export interface YibaoCalculatorInstance {
  /** The current inputs: scheme, region, category, statuses, claim kind, level, date, amounts. */
  readonly state: Readonly<Record<string, unknown>>;
}

export interface YibaoCalculatorElement extends HTMLElement {
  /** Resolves once the engine is loaded and the first result is shown. */
  readonly ready: Promise<YibaoCalculatorInstance> | undefined;
  readonly calculator: YibaoCalculatorInstance | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'yibao-calculator': YibaoCalculatorElement;
  }
  interface HTMLElementEventMap {
    /** Fired (bubbling) after every recomputation. */
    'yibao:change': CustomEvent<undefined>;
  }
}

export {};
