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
import { createColorKey } from "./colorkey.js";
import { colorOptions } from "./colorby.js";
import { buildTiers } from "./levels.js";
import { createTable } from "./table.js";
import { createClaims } from "./claims.js";
import { titleCache, PREFETCH_MAX, TITLE_BLOCK } from "./titles.js";

/** levels: the cluster levels above the finest (Python's `_levels` / levels.json; [] for a map with one level). */
/** renderer: "auto" (WebGL2 where it runs on a GPU, else a 2D canvas), "webgl" or "canvas" (map.js). */
export function createExplorer(root, { points, clusters, levels = [], fields = [], host, theme = "light", height = 640, renderer = "auto" }) {
  const P = points, nC = clusters.length, T = buildTiers(clusters, levels);
  const state = {
    theme, mode: "pan", transform: zoomIdentity, clusterOn: new Uint8Array(nC).fill(1),
    yearMin: null, yearMax: null, classification: "FULL_TEXT", field: -1,   // field: index into fields, -1 = all
    hits: null, selection: null, focus: -1, hover: -1, mask: null, tab: "map", drag: null, normalize: false,
    chartLevel: T.top, colorBy: "clusters",   // the tier the charts show; a colorby.js colouring
    pointScale: 1, opacity: 1, density: false,  // how the points are drawn (the Points menu)
  };

  root.classList.add("lx-root");
  applyTheme(root, theme);
  const bar = createToolbar({ P, T, fields, searchModes: host.searchModes ?? [] });
  // titles by block, for hover and the table (a host may say its block size and how many papers it prefetches for)
  const titles = host.titles ? titleCache(host, P.n, { block: host.titleBlock ?? TITLE_BLOCK }) : null;
  if (titles && P.n <= (host.prefetchTitles ?? PREFETCH_MAX)) setTimeout(() => titles.prefetch(), 1000);   // after the first paint
  const tooltip = createTooltip({ root, P, clusters, fields, state, host, titles });
  const faithKey = createFaithKey({ P, state }), colorKey = createColorKey();
  const map = createMap({ root, P, T, fields, state, height, renderer, children: [tooltip.el, faithKey.el, colorKey.el],
    onHover: (i, mx, my) => tooltip.show(i, mx, my, map.size()), onPick: (i) => detail.open(i) });
  const charts = createCharts({ P, T, fields, state, height, onPickCluster: (fine) => { showTab("map"); spot(fine); map.zoomToClusters(fine); },
    onPickField: (k) => { bar.field.selectedIndex = k + 1; state.field = k; refilter(); },
    onYears: (y0, y1) => { state.yearMin = y0; state.yearMax = y1; bar.yearMin.value = y0 ?? ""; bar.yearMax.value = y1 ?? ""; refilter(); },
    trends: host.trends ? (level) => host.trends(level) : null });
  const legend = createLegend({ T, state, onChange: refilter,
    onZoom: (fine, showMap) => { if (showMap) showTab("map"); spot(fine); map.zoomToClusters(fine); } });
  const table = createTable({ P, clusters, fields, state, titles, height, onOpen: (i) => detail.open(i),
    reading: host.reading ? (idx, f) => host.reading(idx, f) : null });
  const claims = createClaims({ P, state, host, height, onOpen: (i) => detail.open(i, true),
    onSelect: (indices) => { setSelection(indices, true); showTab("map"); } });
  const detail = createDetail({ P, clusters, state, host, redraw: map.redraw, centerOn: map.centerOn });
  const search = createSearch({ input: bar.search, modeSelect: bar.searchMode, P, state, host, onChange: changed, onOpen: (i) => detail.open(i, true) });
  const selection = createSelection({ map, P, state, onSelect: (indices) => setSelection(indices, true) });
  const status = h("div", { class: "lx-status" });
  const side = h("div", { class: "lx-side", style: { height: `${height}px` } }, search.el, detail.el, legend.el);
  root.append(bar.el, h("div", { class: "lx-body" }, h("div", { class: "lx-main" }, map.el, table.el, charts.el, claims.el), side), status);

  /** After the set of papers changed (filters, search, selection, highlight): the map, status and the open tab. */
  function changed() {
    map.redraw(); updateStatus(); faithKey.update();
    if (state.tab === "table") table.draw(); else if (state.tab === "clusters" || state.tab === "timeline") charts.draw();
    else if (state.tab === "claims") claims.draw();
  }
  function refilter() { state.mask = visibleMask(P, state); changed(); }
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
      (hits ? ` · ${hits} search hits` : "") + (sel ? ` · ${sel.toLocaleString()} selected${state.tab === "table" ? "" : " (the Table tab lists them)"}` : "") +
      (state.spot && !hits && !sel ? ` · ${countSet(state.spot).toLocaleString()} papers of ${state.spotName} highlighted` : "");
    root.dataset.visible = vis; root.dataset.selected = sel;
  }
  /** Emphasise the papers of the finest clusters `fine` (a legend entry that was clicked); null: none. */
  function spot(fine) {
    state.spot = null; state.spotName = "";
    if (fine && fine.length) {
      const inside = new Uint8Array(nC + 1); fine.forEach((c) => { inside[c] = 1; });
      state.spot = new Uint8Array(P.n);
      for (let i = 0; i < P.n; i++) if (P.cluster[i] < nC && inside[P.cluster[i]]) state.spot[i] = 1;
      state.spotName = fine.length === 1 ? (clusters[fine[0]].cluster_label || `cluster ${clusters[fine[0]].cluster_id}`) : `${fine.length} clusters`;
      root.focus({ preventScroll: true });   // the clicked entry may be redrawn away: keep the keys (Escape clears) here
    }
    changed();
  }
  function clearAll() { search.clear(); spot(null); setSelection(null, true); }
  function showTab(t) {
    state.tab = t; bar.tabs.forEach((b) => b.classList.toggle("lx-active", b.dataset.tab === t));
    const chart = t === "clusters" || t === "timeline";
    map.el.style.display = t === "map" ? "" : "none"; table.el.style.display = t === "table" ? "" : "none";
    charts.el.style.display = chart ? "" : "none"; claims.el.style.display = t === "claims" ? "" : "none"; root.dataset.tab = t;
    if (chart) charts.draw(); else if (t === "table") table.draw(); else if (t === "claims") claims.draw(); else map.redraw();
    updateStatus();
  }
  function setMode(m) { state.mode = m; bar.modes.forEach((b) => b.classList.toggle("lx-active", b.dataset.mode === m)); root.dataset.mode = m; }
  function setTheme(t) { state.theme = t; applyTheme(root, t); map.recolor(); faithKey.update(); colorKey.update(map.colorKey()); host.theme?.(t); }
  function setColorBy(c) {
    state.colorBy = colorOptions(P, T).some((o) => o.value === c) ? c : "clusters"; bar.colorBy.value = state.colorBy;
    root.dataset.colorBy = state.colorBy; map.recolor(); faithKey.update(); colorKey.update(map.colorKey());
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
  bar.pointSize.addEventListener("input", () => { state.pointScale = Number(bar.pointSize.value); map.redraw(); });
  bar.opacity.addEventListener("input", () => { state.opacity = Number(bar.opacity.value); map.redraw(); });
  const setDensity = (on) => { state.density = on; bar.density.checked = on; root.dataset.density = on ? "on" : ""; map.redraw(); };
  bar.density.addEventListener("change", () => setDensity(bar.density.checked));
  const num = (v) => (v === "" ? null : Number(v));
  bar.yearMin.addEventListener("change", () => { state.yearMin = num(bar.yearMin.value); refilter(); });
  bar.yearMax.addEventListener("change", () => { state.yearMax = num(bar.yearMax.value); refilter(); });
  bar.classification.addEventListener("change", () => { state.classification = bar.classification.value; refilter(); });
  bar.field.addEventListener("change", () => { state.field = bar.field.selectedIndex - 1; refilter(); });
  // Keys. The widget's own act only while focus is inside it, and no bare key pressed there reaches the page:
  // JupyterLab's command-mode shortcuts (r: raw cell, b: insert a cell, d d: delete it, x: cut it) listen on the
  // document, so the widget takes the key on the window, in the capture phase, before any of them sees it. Keys
  // with Ctrl, Meta or Alt (save, the command palette), Tab (focus) and Shift+Enter (run the cell) pass through.
  const KEYS = {
    r: () => map.resetView(), t: () => bar.theme.click(), f: () => setColorBy(state.colorBy === "faith" ? "clusters" : "faith"),
    b: () => setMode("box"), l: () => setMode("lasso"), p: () => setMode("pan"), d: () => setDensity(!state.density), Escape: () => clearAll(),
  };
  const onKey = (e) => {
    if (!root.contains(e.target) || e.ctrlKey || e.metaKey || e.altKey || e.key === "Tab" || (e.key === "Enter" && e.shiftKey)) return;
    e.stopPropagation();   // never to the notebook
    const field = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
    if (field && e.key !== "Escape") return;   // typing stays typing
    const act = KEYS[e.key];
    if (act) { e.preventDefault(); act(); }
  };
  root.tabIndex = 0;
  map.el.addEventListener("pointerdown", () => root.focus({ preventScroll: true }));   // a click on the map gives the widget the keys
  root.setAttribute("aria-keyshortcuts", "r t f b l p d Escape");
  window.addEventListener("keydown", onKey, true);

  // start
  const ro = new ResizeObserver(() => { map.layout(); map.redraw(); });
  ro.observe(map.el);
  map.layout(); setMode("pan"); setColorBy("clusters"); showTab("map"); legend.render(); refilter();
  return {
    setSelection: (idx) => setSelection(idx, false),
    openDetail: detail.open, setTheme, setColorBy, state, draw: map.draw, zoomTo: map.zoomTo, tiers: T,
    destroy: () => {
      ro.disconnect(); selection.destroy(); search.destroy(); claims.destroy(); map.destroy();
      window.removeEventListener("keydown", onKey, true); root.replaceChildren();
    },
  };
}
