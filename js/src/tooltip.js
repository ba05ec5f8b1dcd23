// The hover tooltip: the paper's title (titles.js: fetched by block, when the host can), cluster, field and year from
// the map's columns; from the host's summary (cached per paper) where it cannot send titles. Math is typeset.
import { h } from "./dom.js";
import { appendMath } from "./math.js";
import { YEAR_BASE } from "./points.js";

/** titles: titles.js's cache (null where the host sends no titles: the summary's title instead). */
export function createTooltip({ root, P, clusters, fields = [], state, host, titles }) {
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
    const year = P.year[i] ? P.year[i] + YEAR_BASE : "year unknown", field = fields[P.field[i]]?.field;
    const title = h("div", { class: "lx-tt-title", text: "…" });
    const meta = h("div", { class: "lx-tt-meta", math: [name, field, year].filter(Boolean).join(" · ") + faith });
    el.replaceChildren(title, meta);
    Object.assign(el.style, { display: "block", left: `${Math.min(mx + 14, W - 260)}px`, top: `${Math.min(my + 14, H - 60)}px` });
    const put = (t) => { title.replaceChildren(); appendMath(title, t || "(untitled)", { inline: true }); root.dataset.hover = t || "(untitled)"; };
    const known = titles?.now(i);
    if (known !== undefined) { put(known); return; }
    (titles ? titles.title(i) : summary(i).then((s) => (s || {}).title)).then((t) => { if (state.hover === i) put(t); },
      (err) => { if (state.hover === i) title.textContent = `Could not load: ${err?.message ?? err}`; });
  }
  return { el, show };
}
