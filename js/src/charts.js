// The chart tabs, drawn as SVG from the shown points: papers per cluster (bars), and clusters × years
// (a heatmap and the largest ten clusters stacked per year). With cluster levels, a picker chooses the level the
// charts show (the coarsest by default); finer clusters are summed into their ancestor there (levels.js).
import { h, svg } from "./dom.js";
import { clusterCounts, clusterYearCounts } from "./points.js";
import { levelUnits, unitCounts, unitYearCounts, tierName } from "./levels.js";
import { plainTeX } from "./tex.js";
import { themeColors } from "./theme.js";

/** T: the tiers (levels.js buildTiers); state.chartLevel: the tier shown. onPickCluster(fine) when a bar is clicked,
 *  with the finest clusters under it. draw() renders the chart of state.tab ("clusters" or "timeline"). */
export function createCharts({ P, T, state, height, onPickCluster }) {
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

  function bars(w, L) {
    const counts = unitCounts(clusterCounts(P, state.mask, nC), L), { units } = L;
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
    el.append(h("h4", { text: "Papers per cluster (click a bar to see it on the map)" }), chart);
  }

  function timeline(w, L) {
    const th = themeColors(state.theme), { units } = L;
    const cy = unitYearCounts(clusterYearCounts(P, state.mask), L), ys = [...new Set([...cy.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
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
    el.append(h("h4", { text: "Clusters × years" }), h("label", {}, norm, document.createTextNode(" normalise by year")), heat,
      h("h4", { text: "Papers per year, largest ten clusters stacked" }), stack);
  }

  function draw() {
    el.replaceChildren();
    const w = el.clientWidth || 800, L = levelUnits(T, state.chartLevel ?? T.top), pick = levelPicker();
    if (pick) el.append(pick);
    if (state.tab === "clusters") bars(w, L); else if (state.tab === "timeline") timeline(w, L);
  }
  return { el, draw };
}
