// The legend: one row a cluster (show/hide box, colour, label that zooms to it, count), a filter box, and
// All / None / Random buttons.
import { h } from "./dom.js";

/** onChange() after the shown clusters change; onZoom(i, showMap) zooms to cluster i (switching to the map tab if asked). */
export function createLegend({ clusters, state, onChange, onZoom }) {
  const filter = h("input", { type: "search", placeholder: "Filter clusters…", class: "lx-legend-filter" });
  const list = h("div", { class: "lx-legend-list" });
  const setAll = (v) => { state.clusterOn.fill(v); render(); onChange(); };
  function randomCluster() {
    const i = Math.floor(Math.random() * clusters.length); state.clusterOn.fill(0); state.clusterOn[i] = 1;
    render(); onChange(); onZoom(i, false);
  }
  const el = h("div", { class: "lx-legend" }, h("div", { class: "lx-legend-head" }, filter,
    h("button", { text: "All", onclick: () => setAll(1) }), h("button", { text: "None", onclick: () => setAll(0) }),
    h("button", { text: "Random", onclick: randomCluster })), list);

  function render() {
    const f = filter.value.trim().toLowerCase();
    list.replaceChildren(...clusters.map((c, i) => {
      if (f && !(c.cluster_label || "").toLowerCase().includes(f) && String(c.cluster_id) !== f) return null;
      const box = h("input", { type: "checkbox", title: "show / hide" }); box.checked = !!state.clusterOn[i];
      box.addEventListener("change", () => { state.clusterOn[i] = box.checked ? 1 : 0; onChange(); });
      return h("div", { class: "lx-legend-row", "data-cluster": c.cluster_id }, box, h("span", { class: "lx-swatch", style: { background: c.color } }),
        h("a", { href: "#", class: "lx-legend-label", text: c.cluster_label || `Cluster ${c.cluster_id}`, title: "zoom to this cluster",
          onclick: (e) => { e.preventDefault(); onZoom(i, true); } }), h("span", { class: "lx-count", text: c.count.toLocaleString() }));
    }).filter(Boolean));
  }
  filter.addEventListener("input", render);
  return { el, render };
}
