// The toolbar's controls: search box, Clear, pan/box/lasso modes, view and theme buttons, colour by (colorby.js), year range, field and classification filters, and the tabs. app.js connects them.
import { h } from "./dom.js";
import { knownYears } from "./points.js";
import { colorOptions } from "./colorby.js";
import { SEARCH_MODE_TEXT } from "./search.js";

export const MODES = ["pan", "box", "lasso"];
export const TABS = ["map", "table", "clusters", "timeline", "claims"];
const title = (s) => s[0].toUpperCase() + s.slice(1);

/** The toolbar element and its controls. Field options' values are the field names; option k+1 is fields[k]. */
export function createToolbar({ P, T, fields, searchModes = [] }) {
  const c = {};
  c.search = h("input", { type: "search", class: "lx-search", placeholder: "Search titles, summaries, takeaways…", "aria-label": "search" });
  // where the map can encode queries: words + meaning (the default), words, meaning
  c.searchMode = searchModes.length > 1 ? h("select", { class: "lx-search-mode", "aria-label": "search by",
    title: "Search by words (every word in the paper), by meaning (closest to the query in the map's own space), or both fused" },
    ...searchModes.map((m) => h("option", { value: m, text: SEARCH_MODE_TEXT[m] ?? m }))) : null;
  c.clear = h("button", { text: "Clear", title: "Clear search and selection (Esc)" });
  c.modes = MODES.map((m) => h("button", { text: title(m), "data-mode": m, class: "lx-mode", title: `${m} mode` }));
  c.reset = h("button", { text: "Reset view", title: "Reset view (r)" });
  c.random = h("button", { text: "Random paper", class: "lx-random-paper" });
  c.theme = h("button", { text: "Theme", title: "Light/dark (t)" });
  c.tabs = TABS.map((t) => h("button", { text: title(t), "data-tab": t, class: "lx-tab" }));
  const years = knownYears(P);
  c.yearMin = h("input", { type: "number", class: "lx-year-min", placeholder: years[0] ?? "", title: "from year" });
  c.yearMax = h("input", { type: "number", class: "lx-year-max", placeholder: years[years.length - 1] ?? "", title: "to year" });
  c.field = h("select", { class: "lx-field", title: "field" }, h("option", { value: "", text: "All fields" }),
    ...fields.map((f) => h("option", { value: f.field ?? "", text: `${f.field || "(none)"} (${f.count})` })));
  c.classification = h("select", { class: "lx-class", title: "classification" },
    h("option", { value: "FULL_TEXT", text: "Full text only" }), h("option", { value: "all", text: "Full and partial" }),
    h("option", { value: "PARTIAL_TEXT", text: "Partial only" }));
  // colour by: clusters, a coarser level, faithfulness (when the map has the column), year, field, classification
  c.colorBy = h("select", { class: "lx-color-by", "aria-label": "colour by" },
    ...colorOptions(P, T).map((o) => h("option", { value: o.value, text: `Colour: ${o.text}` })));
  const colorTip = "Colour the papers by cluster, a coarser level, " + (P.faith ? "how faithfully the map keeps their nearest papers near (f), " : "")
    + "year, field or full/partial text" + (P.faith ? "" : " (no faithfulness: this map was made before it was measured; rebuild it)");
  c.colorBy.title = colorTip;
  // how the points are drawn: size, opacity, density (a menu, to keep the toolbar short)
  c.pointSize = h("input", { type: "range", class: "lx-point-size", min: "0.5", max: "4", step: "0.25", value: "1", "aria-label": "point size" });
  c.opacity = h("input", { type: "range", class: "lx-opacity", min: "0.05", max: "1", step: "0.05", value: "1", "aria-label": "point opacity" });
  c.density = h("input", { type: "checkbox", class: "lx-density-on", "aria-label": "density" });
  c.view = h("details", { class: "lx-view-menu" }, h("summary", { text: "Points", title: "Point size, opacity and density (d)" }),
    h("div", { class: "lx-view-panel" },
      h("label", {}, document.createTextNode("Size"), c.pointSize),
      h("label", {}, document.createTextNode("Opacity"), c.opacity),
      h("label", { title: "colour screen cells by how many papers they hold (log scale): the structure inside crowded islands" },
        document.createTextNode("Density (d)"), c.density)));
  c.el = h("div", { class: "lx-toolbar" }, c.search, c.searchMode, c.clear, ...c.modes, c.reset, c.random, c.theme,
    h("span", { class: "lx-color-wrap", title: colorTip }, c.colorBy), c.view,
    h("span", { class: "lx-sep" }), c.yearMin, h("span", { text: "–" }), c.yearMax, c.field, c.classification,
    h("span", { class: "lx-sep" }), ...c.tabs);
  return c;
}
