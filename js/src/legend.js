// The legend: one row a cluster (show/hide box, colour, label that zooms to it, count), a filter box, and
// All / None / Random buttons. With cluster levels the finest clusters are grouped under their coarsest-level
// cluster: a group row (fold caret, a box that shows or hides all its clusters, colour, label, papers) and its
// clusters indented under it, through every level between (a tree, levels.js nestChildren); top groups start
// folded when there are more than FOLD_OVER of them, the groups inside them folded, all open while filtering.
import { h } from "./dom.js";
import { legendGroups, groupState, nestChildren } from "./levels.js";

export const FOLD_OVER = 12;

/** T: the tiers (levels.js buildTiers). onChange() after the shown clusters change; onZoom(fine, showMap) zooms to
 *  the finest clusters `fine` (an array of indices), switching to the map tab if asked. */
export function createLegend({ T, state, onChange, onZoom }) {
  const clusters = T.tiers[0], grouped = T.top > 0;
  const filter = h("input", { type: "search", placeholder: "Filter clusters…", class: "lx-legend-filter" });
  const list = h("div", { class: "lx-legend-list" });
  const all = legendGroups(T);
  const open = new Set(all.length > FOLD_OVER ? [] : all.map((g) => `${T.top}:${g.u}`));   // unfolded groups, "tier:unit"
  const setAll = (v) => { state.clusterOn.fill(v); render(); onChange(); };
  function randomCluster() {
    const i = Math.floor(Math.random() * clusters.length); state.clusterOn.fill(0); state.clusterOn[i] = 1;
    render(); onChange(); onZoom([i], false);
  }
  const el = h("div", { class: "lx-legend" }, h("div", { class: "lx-legend-head" }, filter,
    h("button", { text: "All", onclick: () => setAll(1) }), h("button", { text: "None", onclick: () => setAll(0) }),
    h("button", { text: "Random", onclick: randomCluster })), list);

  const label = (c, fine, what = "cluster") => h("a", { href: "#", class: "lx-legend-label", math: c.cluster_label || `Cluster ${c.cluster_id}`,
    title: `zoom to this ${what}`, onclick: (e) => { e.preventDefault(); onZoom(fine, true); } });
  const count = (n) => h("span", { class: "lx-count", text: n.toLocaleString() });
  const swatch = (color) => h("span", { class: "lx-swatch", style: { background: color } });

  function row(i) {
    const c = clusters[i], box = h("input", { type: "checkbox", title: "show / hide" }); box.checked = !!state.clusterOn[i];
    box.addEventListener("change", () => { state.clusterOn[i] = box.checked ? 1 : 0; onChange(); if (grouped) render(); });
    return h("div", { class: "lx-legend-row", "data-cluster": c.cluster_id }, box, swatch(c.color), label(c, [i]), count(c.count || 0));
  }

  function group(unit, key, items, filtering) {
    const isOpen = filtering || open.has(key), st = groupState(unit.fine, state.clusterOn);
    const box = h("input", { type: "checkbox", title: "show / hide all its clusters" });
    box.checked = st === 1; box.indeterminate = st === -1;
    box.addEventListener("change", () => { for (const i of unit.fine) state.clusterOn[i] = box.checked ? 1 : 0; render(); onChange(); });
    const caret = h("button", { class: "lx-caret", text: isOpen ? "▾" : "▸", title: isOpen ? "fold" : "unfold",
      "aria-expanded": String(isOpen), onclick: () => { if (open.has(key)) open.delete(key); else open.add(key); render(); } });
    const head = h("div", { class: "lx-legend-row lx-legend-grouprow" }, caret, box, swatch(unit.color), label(unit, unit.fine, "group"),
      count(unit.count), h("span", { class: "lx-nkids", text: `${unit.fine.length}`, title: "clusters in this group" }));
    const kids = () => items.map((it) => (it.unit ? group(it.unit, `${it.t}:${it.u}`, it.items, filtering) : row(it.i)));
    return h("div", { class: "lx-legend-group", "data-group": unit.cluster_id },
      head, isOpen ? h("div", { class: "lx-legend-children" }, ...kids()) : null);
  }

  function render() {
    const q = filter.value, groups = legendGroups(T, q);
    if (!grouped) { list.replaceChildren(...groups.flatMap((g) => g.children.map(row))); return; }
    list.replaceChildren(...groups.map((g) => (g.unit.orphan ? row(g.children[0])
      : group(g.unit, `${T.top}:${g.u}`, nestChildren(T, g.children, T.top), !!q.trim()))));
  }
  filter.addEventListener("input", render);
  return { el, render };
}
