// The explorer UI: a canvas map with zoom, legend, search, filters, details, selection and charts, wired
// from one module per concern; clusters may come in levels (levels.js), which labels, legend and charts use. It
// talks to its data source through a `host` (the Jupyter kernel in the widget, static files in the exported site):
// {summary(i), detail(i), search(q), select(indices), theme?(name)}, the first three returning promises. Corpus text
// is only ever set with textContent, text nodes or KaTeX's nodes for its math (math.js), or drawn with fillText.
import { zoomIdentity } from "d3-zoom";
import { h } from "./dom.js";
import { visibleMask, countSet } from "./points.js";
import { applyTheme } from "./theme.js";
import { createToolbar } from "./toolbar.js";
import { createMap } from "./map.js";
import { createTooltip } from "./tooltip.js";
import { createLegend } from "./legend.js";
import { createDetail } from "./detail.js";
import { createSearch } from "./search.js";
import { createCharts } from "./charts.js";
import { createSelection } from "./selection.js";
import { createFaithKey } from "./faith.js";
import { buildTiers } from "./levels.js";

/** levels: the cluster levels above the finest (Python's `_levels` / levels.json; [] for a map with one level). */
export function createExplorer(root, { points, clusters, levels = [], fields = [], host, theme = "light", height = 640 }) {
  const P = points, nC = clusters.length, T = buildTiers(clusters, levels);
  const state = {
    theme, mode: "pan", transform: zoomIdentity, clusterOn: new Uint8Array(nC).fill(1),
    yearMin: null, yearMax: null, classification: "FULL_TEXT", field: -1,   // field: index into fields, -1 = all
    hits: null, selection: null, focus: -1, hover: -1, mask: null, tab: "map", drag: null, normalize: false,
    chartLevel: T.top, colorBy: "clusters",   // the tier the charts show; "clusters" or "faith"
  };

  root.classList.add("lx-root");
  applyTheme(root, theme);
  const bar = createToolbar({ P, fields });
  const tooltip = createTooltip({ root, P, clusters, state, host });
  const faithKey = createFaithKey({ P, state });
  const map = createMap({ root, P, T, state, height, children: [tooltip.el, faithKey.el],
    onHover: (i, mx, my) => tooltip.show(i, mx, my, map.size()), onPick: (i) => detail.open(i) });
  const charts = createCharts({ P, T, state, height, onPickCluster: (fine) => { showTab("map"); map.zoomToClusters(fine); } });
  const legend = createLegend({ T, state, onChange: refilter,
    onZoom: (fine, showMap) => { if (showMap) showTab("map"); map.zoomToClusters(fine); } });
  const detail = createDetail({ P, clusters, state, host, redraw: map.redraw, centerOn: map.centerOn });
  const search = createSearch({ input: bar.search, P, state, host, onChange: changed, onOpen: (i) => detail.open(i, true) });
  const selection = createSelection({ map, P, state, onSelect: (indices) => setSelection(indices, true) });
  const status = h("div", { class: "lx-status" });
  const side = h("div", { class: "lx-side", style: { height: `${height}px` } }, search.el, detail.el, legend.el);
  root.append(bar.el, h("div", { class: "lx-body" }, h("div", { class: "lx-main" }, map.el, charts.el), side), status);

  function changed() { map.redraw(); updateStatus(); faithKey.update(); }
  function refilter() {
    state.mask = visibleMask(P, state);
    changed();
    if (state.tab !== "map") charts.draw();
  }
  function setSelection(indices, notify) {
    state.selection = indices && indices.length ? new Uint8Array(P.n) : null;
    if (state.selection) indices.forEach((i) => { state.selection[i] = 1; });
    if (notify) host.select(indices || []);
    changed();
  }
  function updateStatus() {
    const vis = countSet(state.mask), sel = countSet(state.selection), hits = countSet(state.hits);
    const groups = T.top > 0 ? ` in ${T.tiers[T.top].length} groups` : "";
    status.textContent = `${P.n.toLocaleString()} papers · ${vis.toLocaleString()} shown · ${nC} clusters${groups}` +
      (hits ? ` · ${hits} search hits` : "") + (sel ? ` · ${sel} selected` : "");
    root.dataset.visible = vis; root.dataset.selected = sel;
  }
  function clearAll() { search.clear(); setSelection(null, true); }
  function showTab(t) {
    state.tab = t; bar.tabs.forEach((b) => b.classList.toggle("lx-active", b.dataset.tab === t));
    map.el.style.display = t === "map" ? "" : "none"; charts.el.style.display = t === "map" ? "none" : "";
    if (t !== "map") charts.draw(); else map.redraw();
  }
  function setMode(m) { state.mode = m; bar.modes.forEach((b) => b.classList.toggle("lx-active", b.dataset.mode === m)); root.dataset.mode = m; }
  function setTheme(t) { state.theme = t; applyTheme(root, t); map.recolor(); faithKey.update(); host.theme?.(t); }
  function setColorBy(c) {
    state.colorBy = c === "faith" && P.faith ? "faith" : "clusters"; bar.colorBy.value = state.colorBy;
    root.dataset.colorBy = state.colorBy; map.recolor(); faithKey.update();
  }

  // the toolbar
  bar.clear.addEventListener("click", clearAll);
  bar.modes.forEach((b) => b.addEventListener("click", () => setMode(b.dataset.mode)));
  bar.tabs.forEach((b) => b.addEventListener("click", () => showTab(b.dataset.tab)));
  bar.reset.addEventListener("click", map.resetView);
  bar.random.addEventListener("click", () => {
    const vis = []; for (let i = 0; i < P.n; i++) if (state.mask[i]) vis.push(i);
    if (vis.length) detail.open(vis[Math.floor(Math.random() * vis.length)], true);
  });
  bar.theme.addEventListener("click", () => setTheme(state.theme === "light" ? "dark" : "light"));
  bar.colorBy.addEventListener("change", () => setColorBy(bar.colorBy.value));
  const num = (v) => (v === "" ? null : Number(v));
  bar.yearMin.addEventListener("change", () => { state.yearMin = num(bar.yearMin.value); refilter(); });
  bar.yearMax.addEventListener("change", () => { state.yearMax = num(bar.yearMax.value); refilter(); });
  bar.classification.addEventListener("change", () => { state.classification = bar.classification.value; refilter(); });
  bar.field.addEventListener("change", () => { state.field = bar.field.selectedIndex - 1; refilter(); });
  const onKey = (e) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) { if (e.key === "Escape") clearAll(); return; }
    if (e.key === "r") map.resetView(); else if (e.key === "t") bar.theme.click(); else if (e.key === "Escape") clearAll();
    else if (e.key === "f") setColorBy(state.colorBy === "faith" ? "clusters" : "faith");
    else if (e.key === "b") setMode("box"); else if (e.key === "l") setMode("lasso"); else if (e.key === "p") setMode("pan");
  };
  root.tabIndex = 0;
  root.addEventListener("keydown", onKey);

  // start
  const ro = new ResizeObserver(() => { map.layout(); map.redraw(); });
  ro.observe(map.el);
  map.layout(); setMode("pan"); setColorBy("clusters"); showTab("map"); legend.render(); refilter();
  return {
    setSelection: (idx) => setSelection(idx, false),
    openDetail: detail.open, setTheme, setColorBy, state, draw: map.draw, zoomTo: map.zoomTo, tiers: T,
    destroy: () => {
      ro.disconnect(); selection.destroy(); search.destroy(); map.destroy();
      root.removeEventListener("keydown", onKey); root.replaceChildren();
    },
  };
}
