// The key of a colouring by year, field or classification, over the map's corner (colorby.js's `key`): a colour bar
// with its first and last year, or a swatch, name and count per category. Clusters are keyed by the legend, and
// faithfulness by faith.js.
import { h } from "./dom.js";

/** update(key) shows `key` (null or a kind this does not draw: hidden). */
export function createColorKey() {
  const el = h("div", { class: "lx-color-key", "data-avoid-labels": "", style: { display: "none" } });
  function update(key) {
    if (!key || (key.kind !== "scale" && key.kind !== "categories")) { el.style.display = "none"; el.dataset.kind = ""; return; }
    el.style.display = ""; el.dataset.kind = key.kind;
    if (key.kind === "scale") {
      el.replaceChildren(h("div", { class: "lx-key-title", text: key.title }),
        h("div", { class: "lx-key-bar", style: { background: `linear-gradient(to right, ${key.stops.join(", ")})` } }),
        h("div", { class: "lx-key-ticks" }, h("span", { text: String(key.lo) }), h("span", { text: String(key.hi) })),
        h("div", { class: "lx-key-row" }, h("span", { class: "lx-swatch", style: { background: key.unknown } }), h("span", { text: "year unknown" })));
      return;
    }
    el.replaceChildren(h("div", { class: "lx-key-title", text: key.title }), ...key.items.map((it) =>
      h("div", { class: "lx-key-row" }, h("span", { class: "lx-swatch", style: { background: it.color } }),
        h("span", { class: "lx-key-name", text: it.name }), h("span", { class: "lx-count", text: (it.count ?? 0).toLocaleString() }))));
  }
  return { el, update };
}
