// The hover tooltip: the paper's title, cluster, field and year, from the host's summary (cached per paper).
import { h } from "./dom.js";
import { YEAR_BASE } from "./points.js";

export function createTooltip({ root, P, clusters, state, host }) {
  const el = h("div", { class: "lx-tooltip", style: { display: "none" } });
  const summaries = new Map();
  function summary(i) {
    if (!summaries.has(i)) {
      const p = Promise.resolve().then(() => host.summary(i));
      summaries.set(i, p); p.catch(() => summaries.delete(i));   // a failed request is asked again next time
    }
    return summaries.get(i);
  }
  /** Show paper i's tooltip at (mx, my) inside a W×H map (-1: hide). */
  function show(i, mx, my, [W, H] = [Infinity, Infinity]) {
    if (i < 0) { el.style.display = "none"; root.dataset.hover = ""; return; }
    const c = clusters[P.cluster[i]] || {}, name = c.cluster_label || "Unclustered";
    const title = h("div", { class: "lx-tt-title", text: "…" });
    const meta = h("div", { class: "lx-tt-meta", text: `${name} · ${P.year[i] ? P.year[i] + YEAR_BASE : "year unknown"}` });
    el.replaceChildren(title, meta);
    Object.assign(el.style, { display: "block", left: `${Math.min(mx + 14, W - 260)}px`, top: `${Math.min(my + 14, H - 60)}px` });
    summary(i).then((s) => {
      if (state.hover !== i) return;
      s = s || {};
      title.textContent = s.title || "(untitled)";
      meta.textContent = `${name} · ${s.field_subfield || ""} · ${s.publication_year ?? "year unknown"}`;
      root.dataset.hover = s.title || "";
    }, (err) => {
      if (state.hover === i) title.textContent = `Could not load: ${err?.message ?? err}`;
    });
  }
  return { el, show };
}
