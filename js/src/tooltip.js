// The hover tooltip: the paper's title, cluster, field and year, from the host's summary (cached per paper), math typeset.
import { h } from "./dom.js";
import { appendMath } from "./math.js";
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
  /** Show paper i's tooltip at (mx, my) inside a W×H map (-1: hide). In the faithfulness view it also shows the paper's. */
  function show(i, mx, my, [W, H] = [Infinity, Infinity]) {
    if (i < 0) { el.style.display = "none"; root.dataset.hover = ""; return; }
    const c = clusters[P.cluster[i]] || {}, name = c.cluster_label || "Unclustered";
    const faith = state.colorBy === "faith" && P.faith ? ` · faithfulness ${(P.faith[i] / 255).toFixed(2)}` : "";
    const title = h("div", { class: "lx-tt-title", text: "…" });
    const meta = h("div", { class: "lx-tt-meta", math: `${name} · ${P.year[i] ? P.year[i] + YEAR_BASE : "year unknown"}${faith}` });
    el.replaceChildren(title, meta);
    Object.assign(el.style, { display: "block", left: `${Math.min(mx + 14, W - 260)}px`, top: `${Math.min(my + 14, H - 60)}px` });
    summary(i).then((s) => {
      if (state.hover !== i) return;
      s = s || {};
      title.replaceChildren(); appendMath(title, s.title || "(untitled)", { inline: true });
      meta.replaceChildren(); appendMath(meta, `${name} · ${s.field_subfield || ""} · ${s.publication_year ?? "year unknown"}${faith}`, { inline: true });
      root.dataset.hover = s.title || "";
    }, (err) => {
      if (state.hover === i) title.textContent = `Could not load: ${err?.message ?? err}`;
    });
  }
  return { el, show };
}
