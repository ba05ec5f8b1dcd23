// The explorer UI: a canvas map with d3-zoom, legend, search, filters, details, selection and charts.
// It talks to its data source through a `host` (the Jupyter kernel in the widget, static files in the
// exported site). Corpus text is only ever set with textContent or drawn with fillText: never as HTML.
import { select, pointer } from "d3-selection";
import { zoom, zoomIdentity } from "d3-zoom";
import { quadtree } from "d3-quadtree";
import { polygonContains } from "d3-polygon";
import { packColor, visibleMask, clusterYearCounts, placeLabels, YEAR_BASE } from "./data.js";

const THEMES = { light: { bg: "#ffffff", fg: "#1d1d1f", halo: "rgba(255,255,255,0.85)" },
                 dark: { bg: "#16181d", fg: "#e8e8ea", halo: "rgba(22,24,29,0.85)" } };

/** Create an element with properties; text goes through textContent only. */
function h(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "text") e.textContent = v ?? "";
    else if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "style") Object.assign(e.style, v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

/** Turn a snippet marked with \x02...\x03 (search matches) into text nodes and <mark> elements. */
function snippetNode(text) {
  const span = h("span", { class: "lx-snippet" });
  (text || "").split(/(\x02[^\x03]*\x03)/).forEach((part) => {
    if (part.startsWith("\x02")) span.append(h("mark", { text: part.slice(1, -1) }));
    else if (part) span.append(document.createTextNode(part));
  });
  return span;
}

export function createExplorer(root, { points, clusters, fields = [], host, theme = "light", height = 640 }) {
  const P = points, nC = clusters.length;
  const state = {
    theme, mode: "pan", transform: zoomIdentity, clusterOn: new Uint8Array(nC).fill(1),
    yearMin: null, yearMax: null, classification: "FULL_TEXT", field: "", fieldMask: null,
    hits: null, selection: null, focus: -1, hover: -1, mask: null, tab: "map",
  };
  const summaries = new Map();

  // ---------- layout ----------
  root.classList.add("lx-root");
  root.dataset.theme = theme;
  const searchInput = h("input", { type: "search", class: "lx-search", placeholder: "Search titles, summaries, takeaways…", "aria-label": "search" });
  const clearBtn = h("button", { text: "Clear", title: "Clear search and selection (Esc)" });
  const modeBtns = ["pan", "box", "lasso"].map((m) => h("button", { text: m[0].toUpperCase() + m.slice(1), "data-mode": m, class: "lx-mode", title: `${m} mode` }));
  const resetBtn = h("button", { text: "Reset view", title: "Reset view (r)" });
  const randomBtn = h("button", { text: "Random paper", class: "lx-random-paper" });
  const themeBtn = h("button", { text: "Theme", title: "Light/dark (t)" });
  const tabs = ["map", "clusters", "timeline"].map((t) => h("button", { text: t[0].toUpperCase() + t.slice(1), "data-tab": t, class: "lx-tab" }));
  const years = [...new Set(P.year)].filter((y) => y).map((y) => y + YEAR_BASE).sort((a, b) => a - b);
  const yMin = h("input", { type: "number", class: "lx-year-min", placeholder: years[0] ?? "", title: "from year" });
  const yMax = h("input", { type: "number", class: "lx-year-max", placeholder: years[years.length - 1] ?? "", title: "to year" });
  const fieldSel = h("select", { class: "lx-field", title: "field" }, h("option", { value: "", text: "All fields" }),
    ...fields.map((f) => h("option", { value: f.field, text: `${f.field || "(none)"} (${f.count})` })));
  const classSel = h("select", { class: "lx-class", title: "classification" },
    h("option", { value: "FULL_TEXT", text: "Full text only" }), h("option", { value: "all", text: "Full and partial" }),
    h("option", { value: "PARTIAL_TEXT", text: "Partial only" }));
  const toolbar = h("div", { class: "lx-toolbar" }, searchInput, clearBtn, ...modeBtns, resetBtn, randomBtn, themeBtn,
    h("span", { class: "lx-sep" }), yMin, h("span", { text: "–" }), yMax, fieldSel, classSel, h("span", { class: "lx-sep" }), ...tabs);

  const canvas = h("canvas", { class: "lx-canvas" });
  const overlay = h("canvas", { class: "lx-overlay" });
  const tooltip = h("div", { class: "lx-tooltip", style: { display: "none" } });
  const mapPane = h("div", { class: "lx-map", style: { height: `${height}px` } }, canvas, overlay, tooltip);
  const chartPane = h("div", { class: "lx-chart", style: { height: `${height}px`, display: "none" } });

  const legendFilter = h("input", { type: "search", placeholder: "Filter clusters…", class: "lx-legend-filter" });
  const legendList = h("div", { class: "lx-legend-list" });
  const legend = h("div", { class: "lx-legend" }, h("div", { class: "lx-legend-head" }, legendFilter,
    h("button", { text: "All", onclick: () => setClusters(1) }), h("button", { text: "None", onclick: () => setClusters(0) }),
    h("button", { text: "Random", onclick: randomCluster })), legendList);
  const results = h("div", { class: "lx-results" });
  const detail = h("div", { class: "lx-detail" });
  const side = h("div", { class: "lx-side", style: { height: `${height}px` } }, results, detail, legend);
  const status = h("div", { class: "lx-status" });
  root.append(toolbar, h("div", { class: "lx-body" }, h("div", { class: "lx-main" }, mapPane, chartPane), side), status);

  // ---------- geometry ----------
  let W = 0, H = 0, dpr = 1, bx = new Float32Array(P.n), by = new Float32Array(P.n), tree = null;
  function layout() {
    const r = mapPane.getBoundingClientRect();
    W = Math.max(100, r.width | 0); H = Math.max(100, r.height | 0); dpr = window.devicePixelRatio || 1;
    for (const c of [canvas, overlay]) { c.width = W * dpr; c.height = H * dpr; c.style.width = `${W}px`; c.style.height = `${H}px`; }
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (let i = 0; i < P.n; i++) { const x = P.x[i], y = P.y[i]; if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y; }
    const pad = 24, s = Math.min((W - 2 * pad) / (x1 - x0 || 1), (H - 2 * pad) / (y1 - y0 || 1));
    const ox = (W - s * (x1 - x0)) / 2, oy = (H - s * (y1 - y0)) / 2;
    for (let i = 0; i < P.n; i++) { bx[i] = ox + (P.x[i] - x0) * s; by[i] = H - (oy + (P.y[i] - y0) * s); }
    state.base = { x0, y0, s, ox, oy };
    tree = null;
  }
  const toScreenX = (i) => state.transform.applyX(bx[i]), toScreenY = (i) => state.transform.applyY(by[i]);
  const centroid = (c) => {  // cluster centre in base px (from the clusters table)
    const b = state.base; return [b.ox + (c.x - b.x0) * b.s, H - (b.oy + (c.y - b.y0) * b.s)];
  };

  // ---------- colours ----------
  let colors, dimmed;
  function paletteFor(theme) {
    const bg = THEMES[theme].bg;
    colors = new Uint32Array(nC + 1); dimmed = new Uint32Array(nC + 1);
    clusters.forEach((c, i) => { colors[i] = packColor(c.color, bg, 0); dimmed[i] = packColor(c.color, bg, 0.85); });
    colors[nC] = packColor("#e8e8e8", bg); dimmed[nC] = packColor("#e8e8e8", bg, 0.85);
  }

  // ---------- drawing ----------
  let frame = 0, lastDraw = 0;
  function draw() {
    const t0 = performance.now();
    const ctx = canvas.getContext("2d"), w = canvas.width, hh = canvas.height;
    const img = ctx.createImageData(w, hh), buf = new Uint32Array(img.data.buffer);
    buf.fill(packColor(THEMES[state.theme].bg));
    const { k, x: tx, y: ty } = state.transform, mask = state.mask;
    const emph = state.selection || state.hits;   // when set, everything else is dimmed
    const base = P.n < 50_000 ? 2 : P.n < 400_000 ? 1.5 : 1;   // fewer points, bigger dots
    const size = Math.max(1, Math.min(6, Math.round((base + Math.log2(Math.max(k, 1)) * 0.6) * dpr)));
    const put = (i, col, sz) => {
      const sx = ((k * bx[i] + tx) * dpr) | 0, sy = ((k * by[i] + ty) * dpr) | 0;
      if (sx < 0 || sy < 0 || sx + sz > w || sy + sz > hh) return;
      for (let dy = 0; dy < sz; dy++) { const row = (sy + dy) * w + sx; for (let dx = 0; dx < sz; dx++) buf[row + dx] = col; }
    };
    const ci = (i) => (P.cluster[i] < nC ? P.cluster[i] : nC);
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < P.n; i++) {
        if (!mask[i]) continue;
        const on = !emph || emph[i];
        if (pass === 0 && emph && !on) put(i, dimmed[ci(i)], size);
        else if (pass === 1 && on) put(i, colors[ci(i)], emph ? size + dpr : size);
      }
    }
    ctx.putImageData(img, 0, 0);
    drawOverlay();
    lastDraw = performance.now() - t0;
    root.dataset.drawMs = lastDraw.toFixed(1);
    root.dataset.frames = ++frame;
  }
  let raf = 0;
  const redraw = () => { if (!raf) raf = requestAnimationFrame(() => { raf = 0; draw(); }); };

  function drawOverlay() {
    const ctx = overlay.getContext("2d"), th = THEMES[state.theme];
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0); ctx.clearRect(0, 0, W, H);
    ctx.font = "600 12px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
    const items = [];
    clusters.forEach((c, i) => {
      if (!state.clusterOn[i] || c.cluster_id < 0 || c.x == null) return;
      const [x, y] = centroid(c);
      const label = c.cluster_label || `Cluster ${c.cluster_id}`;
      items.push({ x: state.transform.applyX(x), y: state.transform.applyY(y), w: ctx.measureText(label).width, h: 14, label, c });
    });
    const placed = placeLabels(items, W, H);  // items are largest-first (clusters come sorted by count)
    for (const it of placed) {
      ctx.lineWidth = 3; ctx.strokeStyle = th.halo; ctx.strokeText(it.label, it.x, it.y);
      ctx.fillStyle = th.fg; ctx.fillText(it.label, it.x, it.y);
    }
    root.dataset.labels = String(placed.length);
    if (state.focus >= 0 && state.mask[state.focus]) {
      ctx.beginPath(); ctx.arc(toScreenX(state.focus), toScreenY(state.focus), 7, 0, 2 * Math.PI);
      ctx.lineWidth = 2; ctx.strokeStyle = th.fg; ctx.stroke();
    }
    if (drag && drag.pts.length > 1) {
      ctx.beginPath(); ctx.moveTo(...drag.pts[0]); drag.pts.forEach((p) => ctx.lineTo(...p));
      if (state.mode === "lasso") ctx.closePath();
      ctx.setLineDash([4, 3]); ctx.lineWidth = 1.5; ctx.strokeStyle = th.fg; ctx.stroke(); ctx.setLineDash([]);
      ctx.fillStyle = "rgba(120,120,255,0.12)"; ctx.fill();
    }
  }

  // ---------- filters ----------
  function refilter() {
    state.mask = visibleMask(P, state);
    tree = null; redraw(); updateStatus();
    if (state.tab !== "map") drawChart();
  }
  function setClusters(v) { state.clusterOn.fill(v); renderLegend(); refilter(); }
  function randomCluster() {
    const i = Math.floor(Math.random() * nC); state.clusterOn.fill(0); state.clusterOn[i] = 1;
    renderLegend(); refilter(); zoomToCluster(i);
  }

  // ---------- zoom ----------
  const z = zoom().scaleExtent([0.5, 4000]).filter((e) => state.mode === "pan" || e.type === "wheel")
    .on("zoom", (e) => { state.transform = e.transform; redraw(); });
  const zsel = select(overlay).call(z).on("dblclick.zoom", null);
  function zoomTo(x0, y0, x1, y1, ms = 500) {
    const k = Math.min(4000, 0.85 / Math.max((x1 - x0) / W, (y1 - y0) / H, 1e-6));
    const t = zoomIdentity.translate(W / 2, H / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
    zsel.transition().duration(ms).call(z.transform, t);
  }
  function zoomToCluster(ci) {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (let i = 0; i < P.n; i++) if (P.cluster[i] === ci) { x0 = Math.min(x0, bx[i]); x1 = Math.max(x1, bx[i]); y0 = Math.min(y0, by[i]); y1 = Math.max(y1, by[i]); }
    if (x0 < Infinity) zoomTo(x0, y0, x1, y1);
  }
  const resetView = () => zsel.transition().duration(400).call(z.transform, zoomIdentity);

  // ---------- hover and click ----------
  function nearest(mx, my, radius = 8) {
    if (!tree) tree = quadtree().x((i) => bx[i]).y((i) => by[i]).addAll(Array.from({ length: P.n }, (_, i) => i).filter((i) => state.mask[i]));
    const [x, y] = state.transform.invert([mx, my]), r = radius / state.transform.k;
    let best = -1, bd = r * r;
    tree.visit((node, x0, y0, x1, y1) => {
      if (!node.length) { do { const i = node.data, d = (bx[i] - x) ** 2 + (by[i] - y) ** 2; if (d < bd) { bd = d; best = i; } } while ((node = node.next)); }
      return x0 > x + r || x1 < x - r || y0 > y + r || y1 < y - r;
    });
    return best;
  }
  async function summary(i) {
    if (!summaries.has(i)) summaries.set(i, host.summary(i));
    return summaries.get(i);
  }
  function showTooltip(i, mx, my) {
    if (i < 0) { tooltip.style.display = "none"; root.dataset.hover = ""; return; }
    const c = clusters[P.cluster[i]] || {};
    tooltip.replaceChildren(h("div", { class: "lx-tt-title", text: "…" }), h("div", { class: "lx-tt-meta",
      text: `${c.cluster_label || "Unclustered"} · ${P.year[i] ? P.year[i] + YEAR_BASE : "year unknown"}` }));
    Object.assign(tooltip.style, { display: "block", left: `${Math.min(mx + 14, W - 260)}px`, top: `${Math.min(my + 14, H - 60)}px` });
    summary(i).then((s) => {
      if (state.hover !== i) return;
      tooltip.firstChild.textContent = s.title || "(untitled)";
      tooltip.lastChild.textContent = `${c.cluster_label || "Unclustered"} · ${s.field_subfield || ""} · ${s.publication_year ?? "year unknown"}`;
      root.dataset.hover = s.title || "";
    });
  }
  select(overlay).on("mousemove.hover", (e) => {
    if (drag) return;
    const [mx, my] = pointer(e, overlay), i = nearest(mx, my);
    if (i !== state.hover) { state.hover = i; showTooltip(i, mx, my); overlay.style.cursor = i >= 0 ? "pointer" : ""; }
  }).on("mouseleave.hover", () => { state.hover = -1; showTooltip(-1); })
    .on("click.pick", (e) => {
      if (state.mode !== "pan" || e.defaultPrevented) return;
      const [mx, my] = pointer(e, overlay), i = nearest(mx, my);
      if (i >= 0) openDetail(i);
    });

  // ---------- details ----------
  const section = (title, text) => text ? h("section", {}, h("h4", { text: title }), h("p", { text })) : null;
  async function openDetail(i, center = false) {
    state.focus = i; redraw();
    if (center) zoomTo(bx[i] - 30, by[i] - 30, bx[i] + 30, by[i] + 30);
    detail.replaceChildren(h("div", { class: "lx-loading", text: "Loading…" }));
    const d = await host.detail(i);
    if (state.focus !== i || !d) return;
    const c = clusters[P.cluster[i]] || {};
    const claims = (d.claims || []).map((cl) => h("li", {}, h("p", { class: "lx-claim", text: cl.details }),
      cl.supporting_evidence ? h("p", { class: "lx-support", text: `Supporting: ${cl.supporting_evidence}` }) : null,
      cl.contradicting_evidence ? h("p", { class: "lx-contra", text: `Contradicting: ${cl.contradicting_evidence}` }) : null,
      cl.implications ? h("p", { class: "lx-impl", text: `Implications: ${cl.implications}` }) : null));
    const near = (d.nearest_papers || []).map((n) => h("li", {}, h("a", { href: "#", text: n.title || "(untitled)", onclick: (e) => {
      e.preventDefault(); if (n.index >= 0) openDetail(n.index, true); } }), h("span", { class: "lx-dist", text: ` ${(1 - n.distance).toFixed(3)}` })));
    detail.replaceChildren(...[
      h("div", { class: "lx-detail-head" }, h("button", { text: "×", class: "lx-close", title: "close", onclick: () => { state.focus = -1; detail.replaceChildren(); redraw(); } })),
      h("h3", { class: "lx-detail-title", text: d.title || "(untitled)" }),
      h("p", { class: "lx-authors", text: d.authors }),
      h("p", { class: "lx-meta", text: [d.field_subfield, d.publication_year, d.classification, c.cluster_label].filter(Boolean).join(" · ") }),
      section("Executive summary", d.executive_summary), section("Research context", d.research_context),
      section("Key results", d.key_results), section("Three takeaways", d.three_takeaways),
      claims.length ? h("section", {}, h("h4", { text: "Claims" }), h("ol", { class: "lx-claims" }, ...claims)) : null,
      near.length ? h("section", {}, h("h4", { text: "Nearest papers" }), h("ol", { class: "lx-nearest" }, ...near)) : null,
    ].filter(Boolean));  // replaceChildren would print a null as "null"
  }

  // ---------- search ----------
  let searchTimer = 0, searchSeq = 0;
  searchInput.addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(runSearch, 250); });
  async function runSearch() {
    const q = searchInput.value.trim(), seq = ++searchSeq;
    if (!q) { state.hits = null; results.replaceChildren(); redraw(); updateStatus(); return; }
    const r = await host.search(q);
    if (seq !== searchSeq) return;
    state.hits = new Uint8Array(P.n); r.indices.forEach((i) => { if (i >= 0) state.hits[i] = 1; });
    results.replaceChildren(h("div", { class: "lx-results-head", text: `${r.indices.length} results for “${q}”` }),
      h("ol", {}, ...r.results.map((x) => h("li", {}, h("a", { href: "#", text: x.title || "(untitled)", onclick: (e) => { e.preventDefault(); openDetail(x.index, true); } }),
        x.snippet ? h("div", {}, snippetNode(x.snippet)) : null))));
    redraw(); updateStatus();
  }
  function clearAll() { searchInput.value = ""; state.hits = null; results.replaceChildren(); setSelection(null, true); redraw(); updateStatus(); }
  clearBtn.addEventListener("click", clearAll);

  // ---------- selection ----------
  let drag = null;
  function setSelection(indices, notify) {
    state.selection = indices && indices.length ? new Uint8Array(P.n) : null;
    if (state.selection) indices.forEach((i) => { state.selection[i] = 1; });
    if (notify) host.select(indices || []);
    redraw(); updateStatus();
  }
  select(overlay).on("mousedown.select", (e) => {
    if (state.mode === "pan") return;
    e.preventDefault(); drag = { pts: [pointer(e, overlay)] };
  });
  const ns = `lx${Math.random().toString(36).slice(2)}`;   // this instance's window listeners, removed on destroy
  select(window).on(`mousemove.${ns}`, (e) => {
    if (!drag) return;
    const p = pointer(e, overlay);
    if (state.mode === "box") drag.pts = [drag.pts[0], [p[0], drag.pts[0][1]], p, [drag.pts[0][0], p[1]], drag.pts[0]];
    else drag.pts.push(p);
    drawOverlay();
  }).on(`mouseup.${ns}`, () => {
    if (!drag) return;
    const poly = drag.pts; drag = null;
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys), out = [];
    for (let i = 0; i < P.n; i++) {
      if (!state.mask[i]) continue;
      const sx = toScreenX(i), sy = toScreenY(i);
      if (sx < x0 || sx > x1 || sy < y0 || sy > y1) continue;
      if (state.mode === "box" || polygonContains(poly, [sx, sy])) out.push(i);
    }
    setSelection(out, true);
  });

  // ---------- legend ----------
  function renderLegend() {
    const f = legendFilter.value.trim().toLowerCase();
    legendList.replaceChildren(...clusters.map((c, i) => {
      if (f && !(c.cluster_label || "").toLowerCase().includes(f) && String(c.cluster_id) !== f) return null;
      const box = h("input", { type: "checkbox", title: "show / hide" }); box.checked = !!state.clusterOn[i];
      box.addEventListener("change", () => { state.clusterOn[i] = box.checked ? 1 : 0; refilter(); });
      return h("div", { class: "lx-legend-row", "data-cluster": c.cluster_id }, box, h("span", { class: "lx-swatch", style: { background: c.color } }),
        h("a", { href: "#", class: "lx-legend-label", text: c.cluster_label || `Cluster ${c.cluster_id}`, title: "zoom to this cluster",
          onclick: (e) => { e.preventDefault(); showTab("map"); zoomToCluster(i); } }), h("span", { class: "lx-count", text: c.count.toLocaleString() }));
    }).filter(Boolean));
  }
  legendFilter.addEventListener("input", renderLegend);

  // ---------- charts ----------
  const SVG = "http://www.w3.org/2000/svg";
  const s = (tag, attrs = {}, text) => { const e = document.createElementNS(SVG, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text != null) e.textContent = text; return e; };
  function drawChart() {
    chartPane.replaceChildren();
    const w = chartPane.clientWidth || 800;
    if (state.tab === "clusters") {
      const counts = new Uint32Array(nC); for (let i = 0; i < P.n; i++) if (state.mask[i] && P.cluster[i] < nC) counts[P.cluster[i]]++;
      const order = [...clusters.keys()].sort((a, b) => counts[b] - counts[a]), bh = 18, m = Math.max(...counts, 1);
      const svg = s("svg", { width: w, height: order.length * bh + 10, class: "lx-bars" });
      order.forEach((ci, r) => {
        const g = s("g", { transform: `translate(0,${r * bh + 4})`, class: "lx-bar", "data-cluster": clusters[ci].cluster_id });
        g.append(s("rect", { x: 260, y: 0, height: bh - 4, width: Math.max(1, (w - 330) * counts[ci] / m), fill: clusters[ci].color }),
          s("text", { x: 254, y: bh / 2, "text-anchor": "end", "dominant-baseline": "middle" }, (clusters[ci].cluster_label || "").slice(0, 42)),
          s("text", { x: 266 + (w - 330) * counts[ci] / m, y: bh / 2, "dominant-baseline": "middle", class: "lx-n" }, String(counts[ci])));
        g.addEventListener("click", () => { showTab("map"); zoomToCluster(ci); });
        svg.append(g);
      });
      chartPane.append(h("h4", { text: "Papers per cluster (click a bar to see it on the map)" }), svg);
    } else if (state.tab === "timeline") {
      const cy = clusterYearCounts(P, state.mask), ys = [...new Set([...cy.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
      const norm = h("input", { type: "checkbox", class: "lx-norm" }); norm.checked = !!state.normalize;
      norm.addEventListener("change", () => { state.normalize = norm.checked; drawChart(); });
      const yearTot = new Map(ys.map((y) => [y, [...cy.values()].reduce((a, m) => a + (m.get(y) || 0), 0)]));
      const rows = [...cy.keys()].sort((a, b) => (clusters[a]?.count ?? 0) < (clusters[b]?.count ?? 0) ? 1 : -1);
      const cw = Math.max(8, Math.min(40, (w - 280) / Math.max(ys.length, 1))), rh = 14;
      const val = (ci, y) => { const v = cy.get(ci).get(y) || 0; return state.normalize ? v / (yearTot.get(y) || 1) : v; };
      const vmax = Math.max(1e-9, ...rows.flatMap((ci) => ys.map((y) => val(ci, y))));
      const heat = s("svg", { width: 280 + cw * ys.length, height: rows.length * rh + 30, class: "lx-heatmap" });
      ys.forEach((y, j) => { if (ys.length < 30 || j % 5 === 0) heat.append(s("text", { x: 280 + j * cw + cw / 2, y: 10, "text-anchor": "middle", class: "lx-n" }, String(y))); });
      rows.forEach((ci, r) => {
        heat.append(s("text", { x: 274, y: 20 + r * rh + rh / 2, "text-anchor": "end", "dominant-baseline": "middle" }, (clusters[ci]?.cluster_label || "").slice(0, 40)));
        ys.forEach((y, j) => { const v = val(ci, y); if (v > 0) heat.append(s("rect", { x: 280 + j * cw, y: 14 + r * rh, width: cw - 1, height: rh - 1,
          fill: clusters[ci]?.color || "#999", "fill-opacity": 0.15 + 0.85 * v / vmax }, null)); });
      });
      // stacked yearly bars: the ten largest clusters, the rest as "other"
      const top = rows.slice(0, 10), sh = 200, bw = Math.max(4, (w - 60) / Math.max(ys.length, 1));
      const tmax = Math.max(1, ...ys.map((y) => yearTot.get(y)));
      const stack = s("svg", { width: w, height: sh + 24, class: "lx-stacked" });
      ys.forEach((y, j) => {
        let acc = 0;
        [...top, "other"].forEach((ci) => {
          const v = ci === "other" ? yearTot.get(y) - top.reduce((a, c) => a + (cy.get(c).get(y) || 0), 0) : (cy.get(ci).get(y) || 0);
          if (v <= 0) return;
          const hgt = sh * v / tmax; acc += hgt;
          stack.append(s("rect", { x: 40 + j * bw, y: sh - acc, width: bw - 1, height: hgt, fill: ci === "other" ? "#bbb" : clusters[ci].color }));
        });
        if (ys.length < 30 || j % 5 === 0) stack.append(s("text", { x: 40 + j * bw + bw / 2, y: sh + 14, "text-anchor": "middle", class: "lx-n" }, String(y)));
      });
      chartPane.append(h("h4", { text: "Clusters × years" }), h("label", {}, norm, document.createTextNode(" normalise by year")), heat,
        h("h4", { text: "Papers per year, largest ten clusters stacked" }), stack);
    }
  }
  function showTab(t) {
    state.tab = t; tabs.forEach((b) => b.classList.toggle("lx-active", b.dataset.tab === t));
    mapPane.style.display = t === "map" ? "" : "none"; chartPane.style.display = t === "map" ? "none" : "";
    if (t !== "map") drawChart(); else redraw();
  }
  tabs.forEach((b) => b.addEventListener("click", () => showTab(b.dataset.tab)));

  // ---------- controls ----------
  function setMode(m) { state.mode = m; modeBtns.forEach((b) => b.classList.toggle("lx-active", b.dataset.mode === m)); root.dataset.mode = m; }
  modeBtns.forEach((b) => b.addEventListener("click", () => setMode(b.dataset.mode)));
  resetBtn.addEventListener("click", resetView);
  randomBtn.addEventListener("click", () => {
    const vis = []; for (let i = 0; i < P.n; i++) if (state.mask[i]) vis.push(i);
    if (vis.length) openDetail(vis[Math.floor(Math.random() * vis.length)], true);
  });
  function setTheme(t) { state.theme = t; root.dataset.theme = t; paletteFor(t); redraw(); host.theme?.(t); }
  themeBtn.addEventListener("click", () => setTheme(state.theme === "light" ? "dark" : "light"));
  const num = (v) => (v === "" ? null : Number(v));
  yMin.addEventListener("change", () => { state.yearMin = num(yMin.value); refilter(); });
  yMax.addEventListener("change", () => { state.yearMax = num(yMax.value); refilter(); });
  classSel.addEventListener("change", () => { state.classification = classSel.value; refilter(); });
  fieldSel.addEventListener("change", async () => {
    state.field = fieldSel.value; state.fieldMask = state.field ? await host.fieldMask(state.field) : null; refilter();
  });
  root.tabIndex = 0;
  root.addEventListener("keydown", (e) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) { if (e.key === "Escape") clearAll(); return; }
    if (e.key === "r") resetView(); else if (e.key === "t") themeBtn.click(); else if (e.key === "Escape") clearAll();
    else if (e.key === "b") setMode("box"); else if (e.key === "l") setMode("lasso"); else if (e.key === "p") setMode("pan");
  });

  function updateStatus() {
    let vis = 0; for (let i = 0; i < P.n; i++) vis += state.mask[i];
    const sel = state.selection ? state.selection.reduce((a, b) => a + b, 0) : 0;
    const hits = state.hits ? state.hits.reduce((a, b) => a + b, 0) : 0;
    status.textContent = `${P.n.toLocaleString()} papers · ${vis.toLocaleString()} shown · ${nC} clusters` +
      (hits ? ` · ${hits} search hits` : "") + (sel ? ` · ${sel} selected` : "");
    root.dataset.visible = vis; root.dataset.selected = sel;
  }

  // ---------- start ----------
  const ro = new ResizeObserver(() => { layout(); redraw(); });
  ro.observe(mapPane);
  paletteFor(theme); layout(); setMode("pan"); showTab("map"); renderLegend(); refilter();
  return {
    setSelection: (idx) => setSelection(idx, false),
    openDetail, setTheme, state, draw, zoomTo,
    destroy: () => { ro.disconnect(); select(window).on(`.${ns}`, null); root.replaceChildren(); },
  };
}
