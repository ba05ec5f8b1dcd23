// The faithfulness view's key, over the map's corner: what the colours mean, the colour bar from 0 to 1, and the
// mean over the papers shown. The scale itself is theme.js's faithColor (colours in theme.json).
import { h } from "./dom.js";
import { faithGradient } from "./theme.js";

/** The mean of a uint8 column as 0 to 1 over the entries with mask set (null: all); NaN when none. */
export function meanShare(values, mask) {
  let s = 0, n = 0;
  for (let i = 0; i < values.length; i++) if (!mask || mask[i]) { s += values[i]; n++; }
  return n ? s / n / 255 : NaN;
}

/** update() redraws it from state (colorBy, theme, mask): shown only in the faithfulness view. */
export function createFaithKey({ P, state }) {
  const bar = h("div", { class: "lx-faith-bar" }), mean = h("div", { class: "lx-faith-mean" });
  const el = h("div", { class: "lx-faith-key", "data-avoid-labels": "", style: { display: "none" } },
    h("div", { class: "lx-faith-title", text: "Faithfulness" }),
    h("div", { class: "lx-faith-about", text: "share of a paper's nearest papers that are near it on the map" }),
    bar, h("div", { class: "lx-faith-ticks" }, h("span", { text: "0" }), h("span", { text: "0.5" }), h("span", { text: "1" })), mean);
  function update() {
    const on = state.colorBy === "faith" && !!P.faith;
    el.style.display = on ? "" : "none";
    if (!on) return;
    bar.style.background = faithGradient(state.theme);
    const m = meanShare(P.faith, state.mask);
    mean.textContent = Number.isNaN(m) ? "" : `mean ${m.toFixed(2)} over the papers shown; red: the map tears or folds here`;
  }
  return { el, update };
}
