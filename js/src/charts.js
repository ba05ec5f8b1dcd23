// The chart tabs, drawn as SVG from the papers the views follow (points.js focusMask: the selection, search hits or
// highlighted cluster when there is one, else every shown paper): papers per cluster and per field (bars; a click
// shows the cluster on the map or filters to the field), and clusters × years (a heatmap and the largest ten
// clusters stacked per year; dragging across the years filters the map to them, a click clears that).
// With cluster levels, a picker chooses the level the charts show (the coarsest by default); finer clusters are
// summed into their ancestor there (levels.js).
import { h, svg, failure } from "./dom.js";
import { trendsTable } from "./trends.js";
import { clusterCounts, clusterYearCounts, focusMask, fieldCounts, countSet, visibleMask } from "./points.js";
import { levelUnits, unitCounts, unitYearCounts, tierName } from "./levels.js";
import { plainTeX } from "./tex.js";
import { themeColors } from "./theme.js";

/** T: the tiers (levels.js buildTiers); state.chartLevel: the tier shown. onPickCluster(fine) when a bar is clicked,
 *  with the finest clusters under it; onPickField(k) when a field's bar is; onYears(y0, y1) after a drag across the
 *  years (null, null: cleared). draw() renders the chart of state.tab ("clusters" or "timeline"). */
export function createCharts({ P, T, fields = [], state, height, onPickCluster, onPickField = () => {}, onYears = () => {}, trends = null }) {
  const el = h("div", { class: "lx-chart", style: { height: `${height}px`, display: "none" } });
  const nC = T.tiers[0].length;
  const name = (u) => plainTeX(u?.cluster_label) || (u ? `Cluster ${u.cluster_id}` : "");

  function levelPicker() {
    if (T.top === 0) return null;
    const pick = h("select", { class: "lx-level", title: "the cluster level the charts show" },
      ...T.tiers.map((tier, t) => h("option", { value: t, text: `${tierName(t, T.top)} (${tier.length} clusters)` })).reverse());
    pick.value = String(state.chartLevel);
    pick.addEventListener("change", () => { state.chartLevel = Number(pick.value); draw(); });
    return h("label", { class: "lx-level-pick" }, document.createTextNode("Level: "), pick);
  }

  let M = null;   // focusMask(P, state) while drawing
  const scope = () => (M.what ? ` — ${countSet(M.mask).toLocaleString()} ${M.what}` : "");

  function bars(w, L) {
    const counts = unitCounts(clusterCounts(P, M.mask, nC), L), { units } = L;
    const order = [...units.keys()].sort((a, b) => counts[b] - counts[a]), bh = 18, m = Math.max(...counts, 1);
    const chart = svg("svg", { width: w, height: order.length * bh + 10, class: "lx-bars" });
    order.forEach((u, r) => {
      const g = svg("g", { transform: `translate(0,${r * bh + 4})`, class: "lx-bar", "data-cluster": units[u].cluster_id });
      g.append(svg("rect", { x: 260, y: 0, height: bh - 4, width: Math.max(1, (w - 330) * counts[u] / m), fill: units[u].color }),
        svg("text", { x: 254, y: bh / 2, "text-anchor": "end", "dominant-baseline": "middle" }, name(units[u])),
        svg("text", { x: 266 + (w - 330) * counts[u] / m, y: bh / 2, "dominant-baseline": "middle", class: "lx-n" }, String(counts[u])));
      g.addEventListener("click", () => onPickCluster(units[u].fine));
      chart.append(g);
    });
    el.append(h("h4", { text: `Papers per cluster${scope()} (click a bar to see it on the map)` }), chart);
    if (!fields.length) return;
    // fields: a click filters the map to the field
    // (as in a cross-filter, the field chart ignores the field filter, so another field is one click away)
    const fc = fieldCounts(P, state.field >= 0 ? focusMask(P, { ...state, mask: visibleMask(P, { ...state, field: -1 }) }).mask : M.mask, fields.length), fo = [...fc.keys()].filter((k) => fc[k] > 0).sort((a, b) => fc[b] - fc[a]);
    const fm = Math.max(1, ...fc), th = themeColors(state.theme);
    const fchart = svg("svg", { width: w, height: fo.length * bh + 10, class: "lx-fields" });
    fo.forEach((k, r) => {
      const g = svg("g", { transform: `translate(0,${r * bh + 4})`, class: "lx-bar lx-field-bar", "data-field": fields[k].field ?? "" });
      g.append(svg("rect", { x: 260, y: 0, height: bh - 4, width: Math.max(1, (w - 330) * fc[k] / fm), fill: k === state.field ? th.fg : th.other }),
        svg("text", { x: 254, y: bh / 2, "text-anchor": "end", "dominant-baseline": "middle" }, fields[k].field || "(none)"),
        svg("text", { x: 266 + (w - 330) * fc[k] / fm, y: bh / 2, "dominant-baseline": "middle", class: "lx-n" }, String(fc[k])));
      g.addEventListener("click", () => onPickField(k));
      fchart.append(g);
    });
    el.append(h("h4", { text: `Papers per field${scope()} (click a bar to show that field only)` }), fchart);
  }

  function timeline(w, L) {
    const th = themeColors(state.theme), { units } = L;
    // the years chart ignores the year range, so a brushed range shows within all the years and can be redrawn
    const YM = state.yearMin || state.yearMax ? focusMask(P, { ...state, mask: visibleMask(P, { ...state, yearMin: null, yearMax: null }) }).mask : M.mask;
    const cy = unitYearCounts(clusterYearCounts(P, YM), L), ys = [...new Set([...cy.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
    const norm = h("input", { type: "checkbox", class: "lx-norm" }); norm.checked = !!state.normalize;
    norm.addEventListener("change", () => { state.normalize = norm.checked; draw(); });
    const yearTot = new Map(ys.map((y) => [y, [...cy.values()].reduce((a, m) => a + (m.get(y) || 0), 0)]));
    const rows = [...cy.keys()].sort((a, b) => (units[a]?.count ?? 0) < (units[b]?.count ?? 0) ? 1 : -1);
    const cw = Math.max(8, Math.min(40, (w - 280) / Math.max(ys.length, 1))), rh = 14;
    const val = (u, y) => { const v = cy.get(u).get(y) || 0; return state.normalize ? v / (yearTot.get(y) || 1) : v; };
    const vmax = Math.max(1e-9, ...rows.flatMap((u) => ys.map((y) => val(u, y))));
    const heat = svg("svg", { width: 280 + cw * ys.length, height: rows.length * rh + 30, class: "lx-heatmap" });
    ys.forEach((y, j) => { if (ys.length < 30 || j % 5 === 0) heat.append(svg("text", { x: 280 + j * cw + cw / 2, y: 10, "text-anchor": "middle", class: "lx-n" }, String(y))); });
    rows.forEach((u, r) => {
      heat.append(svg("text", { x: 274, y: 20 + r * rh + rh / 2, "text-anchor": "end", "dominant-baseline": "middle" }, name(units[u])));
      ys.forEach((y, j) => { const v = val(u, y); if (v > 0) heat.append(svg("rect", { x: 280 + j * cw, y: 14 + r * rh, width: cw - 1, height: rh - 1,
        fill: units[u]?.color || th.unclustered, "fill-opacity": 0.15 + 0.85 * v / vmax })); });
    });
    // stacked yearly bars: the ten largest clusters, the rest as "other"
    const top = rows.slice(0, 10), sh = 200, bw = Math.max(4, (w - 60) / Math.max(ys.length, 1));
    const tmax = Math.max(1, ...ys.map((y) => yearTot.get(y)));
    const stack = svg("svg", { width: w, height: sh + 24, class: "lx-stacked" });
    ys.forEach((y, j) => {
      let acc = 0;
      [...top, "other"].forEach((u) => {
        const v = u === "other" ? yearTot.get(y) - top.reduce((a, c) => a + (cy.get(c).get(y) || 0), 0) : (cy.get(u).get(y) || 0);
        if (v <= 0) return;
        const hgt = sh * v / tmax; acc += hgt;
        stack.append(svg("rect", { x: 40 + j * bw, y: sh - acc, width: bw - 1, height: hgt, fill: u === "other" ? th.other : units[u]?.color || th.unclustered }));
      });
      if (ys.length < 30 || j % 5 === 0) stack.append(svg("text", { x: 40 + j * bw + bw / 2, y: sh + 14, "text-anchor": "middle", class: "lx-n" }, String(y)));
    });
    // a drag across the years filters the map to them (the toolbar's year range); a click clears it
    const brush = svg("rect", { class: "lx-brush", y: 0, height: sh, x: 0, width: 0, "pointer-events": "none" });
    const yearAt = (px) => ys[Math.max(0, Math.min(ys.length - 1, Math.floor((px - 40) / bw)))];
    const showRange = (a, b) => {
      const j0 = ys.indexOf(Math.min(a, b)), j1 = ys.indexOf(Math.max(a, b));
      brush.setAttribute("x", 40 + j0 * bw); brush.setAttribute("width", (j1 - j0 + 1) * bw);
    };
    if (state.yearMin || state.yearMax) {
      const a = ys.find((y) => y >= (state.yearMin || -Infinity)), b = [...ys].reverse().find((y) => y <= (state.yearMax || Infinity));
      if (a != null && b != null && a <= b) showRange(a, b);
    }
    stack.prepend(brush);
    let from = null, x0 = 0;   // a drag sets the range; a click without one clears it
    const at = (e) => e.clientX - stack.getBoundingClientRect().left;
    stack.addEventListener("pointerdown", (e) => { if (!ys.length) return; x0 = at(e); from = yearAt(x0); stack.setPointerCapture?.(e.pointerId); });
    stack.addEventListener("pointermove", (e) => { if (from != null && Math.abs(at(e) - x0) >= 4) showRange(from, yearAt(at(e))); });
    stack.addEventListener("pointerup", (e) => {
      if (from == null) return;
      const to = yearAt(at(e)), dragged = Math.abs(at(e) - x0) >= 4, a = from; from = null;
      if (dragged) onYears(Math.min(a, to), Math.max(a, to)); else if (state.yearMin || state.yearMax) onYears(null, null);
    });
    el.append(h("h4", { text: `Clusters × years${scope()}` }), h("label", {}, norm, document.createTextNode(" normalise by year")), heat,
      h("h4", { text: `Papers per year${scope()}, largest ten clusters stacked (drag across years to show only those; click for all)` }), stack);
    const tr = trendsSection(L);
    if (tr) el.append(tr);
  }

  // emerging topics (trends.js): asked of the host once per level, for the whole corpus (not the current set)
  const trendCache = new Map();
  function trendsSection(L) {
    if (!trends) return null;
    const level = T.tiers[state.chartLevel ?? T.top]?.[0]?.level ?? (state.chartLevel ?? T.top);
    const box = h("div", { class: "lx-trends-box" }, h("p", { class: "lx-trends-notes", text: "Testing each cluster's trend…" }));
    if (!trendCache.has(level)) { const p = trends(level); trendCache.set(level, p); p.catch(() => trendCache.delete(level)); }
    const byId = new Map(L.units.map((u) => [u.cluster_id, u]));
    trendCache.get(level).then((res) => box.replaceChildren(trendsTable(res, level, { colorOf: (id) => byId.get(id)?.color,
      onPick: (id) => { const u = byId.get(id); if (u) onPickCluster(u.fine); } })), (err) => box.replaceChildren(failure(err)));
    return box;
  }

  function draw() {
    el.replaceChildren(); M = focusMask(P, state);
    const w = el.clientWidth || 800, L = levelUnits(T, state.chartLevel ?? T.top), pick = levelPicker();
    if (pick) el.append(pick);
    if (state.tab === "clusters") bars(w, L); else if (state.tab === "timeline") timeline(w, L);
  }
  return { el, draw };
}
