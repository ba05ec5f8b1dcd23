// The detail panel: one paper's summary, every section the summary has (collapsible), its claims, links to the
// paper where it came from, and its nearest papers, loaded from the host; math in the corpus text is typeset
// (dom.js's `math` and `mathBlock`).
import { h, failure } from "./dom.js";

/** The summary's sections in reading order: [key, heading, open at first]. Claims come after the limitations. */
export const SECTIONS = [
  ["executive_summary", "Executive summary", true],
  ["research_context", "Research context"],
  ["research_question_and_hypothesis", "Research question and hypothesis"],
  ["methodological_details", "Methods"],
  ["procedures_and_architectures", "Procedures and architectures"],
  ["key_results", "Key results", true],
  ["interpretation_and_theoretical_implications", "Interpretation and implications"],
  ["contradictions_and_limitations", "Contradictions and limitations"],
  ["claims", "Claims"],
  ["data_and_code_availability", "Data and code availability"],
  ["robustness_and_ablation_notes", "Robustness and ablations"],
  ["ethical_considerations", "Ethical considerations"],
  ["key_figures_tables", "Key figures and tables"],
  ["three_takeaways", "Three takeaways", true],
];

/** A section's value as text: strings as they are, a list of strings joined by blank lines, anything else as JSON. */
export function sectionText(v) {
  if (v == null) return "";
  if (typeof v === "string") return v.trim();
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.map((x) => x.trim()).filter(Boolean).join("\n\n");
  if (Array.isArray(v) && !v.length) return "";
  return JSON.stringify(v, null, 1);
}

/** The non-empty sections of a detail d: [{key, title, open, text}] (claims: `claims`, the list). */
export function summarySections(d) {
  const out = [];
  for (const [key, title, open = false] of SECTIONS) {
    if (key === "claims") { if (Array.isArray(d.claims) && d.claims.length) out.push({ key, title, open, claims: d.claims }); continue; }
    const text = sectionText(d[key]);
    if (text) out.push({ key, title, open, text });
  }
  return out;
}

/** A link's address if it is a plain web address (http or https), else null: nothing else becomes an href. */
export function safeUrl(url) {
  try { const u = new URL(String(url)); return u.protocol === "https:" || u.protocol === "http:" ? u.href : null; } catch { return null; }
}

/** redraw() repaints the map (the focus ring); centerOn(i) zooms to a paper. */
export function createDetail({ P, clusters, state, host, redraw, centerOn }) {
  const el = h("div", { class: "lx-detail" });
  const close = () => { state.focus = -1; el.replaceChildren(); redraw(); };
  const head = () => h("div", { class: "lx-detail-head" }, h("button", { text: "×", class: "lx-close", title: "close", onclick: close }));
  const toTop = () => {   // the side panel scrolls: bring the detail's first line to its top (the page itself stays)
    const side = el.closest(".lx-side");
    if (side) side.scrollTop += el.getBoundingClientRect().top - side.getBoundingClientRect().top;
  };
  const claim = (cl) => h("li", {}, h("p", { class: "lx-claim", mathBlock: sectionText(cl.details) }),
    cl.supporting_evidence ? h("p", { class: "lx-support", mathBlock: `Supporting: ${sectionText(cl.supporting_evidence)}` }) : null,
    cl.contradicting_evidence ? h("p", { class: "lx-contra", mathBlock: `Contradicting: ${sectionText(cl.contradicting_evidence)}` }) : null,
    cl.implications ? h("p", { class: "lx-impl", mathBlock: `Implications: ${sectionText(cl.implications)}` }) : null);
  const section = (s) => {
    const body = s.claims ? h("ol", { class: "lx-claims" }, ...s.claims.map(claim)) : h("p", { mathBlock: s.text });
    const d = h("details", { class: "lx-section", "data-section": s.key }, h("summary", { text: s.claims ? `${s.title} (${s.claims.length})` : s.title }), body);
    d.open = s.open;
    return d;
  };

  /** Focus paper i (centring the map on it if asked) and show its details. */
  async function open(i, center = false) {
    state.focus = i; redraw();
    if (center) centerOn(i);
    el.replaceChildren(h("div", { class: "lx-loading", text: "Loading…" }));
    toTop();
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
    const links = (d.links || []).map((l) => [l, safeUrl(l.url)]).filter(([, u]) => u)
      .map(([l, u]) => h("a", { href: u, target: "_blank", rel: "noopener noreferrer", class: "lx-link", text: l.label }));
    const near = (d.nearest_papers || []).map((n) => h("li", {}, h("a", { href: "#", math: n.title || "(untitled)", onclick: (e) => {
      e.preventDefault(); if (n.index >= 0) open(n.index, true); } }), h("span", { class: "lx-dist", text: ` ${(1 - n.distance).toFixed(3)}` })));
    el.replaceChildren(...[
      head(),
      h("h3", { class: "lx-detail-title", math: d.title || "(untitled)" }),
      h("p", { class: "lx-authors", text: d.authors }),
      h("p", { class: "lx-meta", math: [d.field_subfield, d.publication_year, d.type_of_paper, d.classification, c.cluster_label].filter(Boolean).join(" · ") }),
      links.length ? h("p", { class: "lx-links" }, ...links) : null,
      ...summarySections(d).map(section),
      near.length ? h("section", {}, h("h4", { text: "Nearest papers" }), h("ol", { class: "lx-nearest" }, ...near)) : null,
    ].filter(Boolean));  // replaceChildren would print a null as "null"
    toTop();
  }
  return { el, open, close };
}
