// The detail panel: one paper's summary sections, claims and nearest papers, loaded from the host; math in the
// corpus text is typeset (dom.js's `math` and `mathBlock`).
import { h, failure } from "./dom.js";

const section = (title, text) => (text ? h("section", {}, h("h4", { text: title }), h("p", { mathBlock: text })) : null);

/** redraw() repaints the map (the focus ring); centerOn(i) zooms to a paper. */
export function createDetail({ P, clusters, state, host, redraw, centerOn }) {
  const el = h("div", { class: "lx-detail" });
  const close = () => { state.focus = -1; el.replaceChildren(); redraw(); };
  const head = () => h("div", { class: "lx-detail-head" }, h("button", { text: "×", class: "lx-close", title: "close", onclick: close }));

  /** Focus paper i (centring the map on it if asked) and show its details. */
  async function open(i, center = false) {
    state.focus = i; redraw();
    if (center) centerOn(i);
    el.replaceChildren(h("div", { class: "lx-loading", text: "Loading…" }));
    let d;
    try {
      d = await host.detail(i);
      if (!d) throw new Error(`no paper at position ${i}`);
    } catch (err) {
      if (state.focus === i) el.replaceChildren(head(), failure(err));
      return;
    }
    if (state.focus !== i) return;
    const c = clusters[P.cluster[i]] || {};
    const claims = (d.claims || []).map((cl) => h("li", {}, h("p", { class: "lx-claim", mathBlock: cl.details }),
      cl.supporting_evidence ? h("p", { class: "lx-support", mathBlock: `Supporting: ${cl.supporting_evidence}` }) : null,
      cl.contradicting_evidence ? h("p", { class: "lx-contra", mathBlock: `Contradicting: ${cl.contradicting_evidence}` }) : null,
      cl.implications ? h("p", { class: "lx-impl", mathBlock: `Implications: ${cl.implications}` }) : null));
    const near = (d.nearest_papers || []).map((n) => h("li", {}, h("a", { href: "#", math: n.title || "(untitled)", onclick: (e) => {
      e.preventDefault(); if (n.index >= 0) open(n.index, true); } }), h("span", { class: "lx-dist", text: ` ${(1 - n.distance).toFixed(3)}` })));
    el.replaceChildren(...[
      head(),
      h("h3", { class: "lx-detail-title", math: d.title || "(untitled)" }),
      h("p", { class: "lx-authors", text: d.authors }),
      h("p", { class: "lx-meta", math: [d.field_subfield, d.publication_year, d.classification, c.cluster_label].filter(Boolean).join(" · ") }),
      section("Executive summary", d.executive_summary), section("Research context", d.research_context),
      section("Key results", d.key_results), section("Three takeaways", d.three_takeaways),
      claims.length ? h("section", {}, h("h4", { text: "Claims" }), h("ol", { class: "lx-claims" }, ...claims)) : null,
      near.length ? h("section", {}, h("h4", { text: "Nearest papers" }), h("ol", { class: "lx-nearest" }, ...near)) : null,
    ].filter(Boolean));  // replaceChildren would print a null as "null"
  }
  return { el, open, close };
}
