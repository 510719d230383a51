// What the season panels (calc/season.js and the modules it imports) take from the calculator:
// handed over by ui.js when it imports calc/season.js (`use`), as live bindings, so that no panel
// imports ui.js back (ARCHITECTURE.md: no cycle among the page's modules). The panels are files of
// their own, loaded on demand, while what they use is bundled into ui.js.
export let h;
export let replace;
export let sheetFor;
export let encodeState;
export let yuan;
export let percent;

export function use(ui) {
  ({ h, replace, sheetFor, encodeState, yuan, percent } = ui);
}
