// The Claims tab: what the papers of the current set claim (points.js focusMask: the selection, else the search
// hits, else the highlighted cluster, else every shown paper), from the claims layer (claims.claims_for): claim
// groups, each a claim in several papers' words, ranked by how many papers of the set make it; a group that other
// papers' contradicting evidence or limitations speak against is marked contested, with those sentences. Each
// claim and each contesting sentence names its paper: a click opens it (and centres the map on it); "Select these
// papers" selects a group's papers on the map. A box searches the claims' text; a switch keeps the contested only.
import { h } from "./dom.js";
import { focusMask } from "./points.js";

export const CLAIM_GROUPS = 50;   // groups asked for at a time

/** The request for the set the views follow: {indices (map positions; null = the whole map), what}. */
export function claimScope(P, state) {
  const { mask, what } = focusMask(P, state);
  if (!mask) return { indices: null, what: "the whole map" };
  const out = [];
  for (let i = 0; i < P.n; i++) if (mask[i]) out.push(i);
  if (!what && out.length === P.n) return { indices: null, what: "the whole map" };   // filters that hide nothing
  return { indices: out, what: what ? `${out.length.toLocaleString("en-US")} ${what}` : `${out.length.toLocaleString("en-US")} shown` };
}

/** "claimed by 3 of these papers" / "… papers (12 on the whole map)". */
export function groupCount(g, whole) {
  const n = g.papers, all = g.papers_total;
  return `${n.toLocaleString("en-US")} ${n === 1 ? "paper" : "papers"}${!whole && all > n ? ` (${all.toLocaleString("en-US")} on the whole map)` : ""}`;
}

const SOURCE = { contradicting_evidence: "contradicting evidence", limitations: "limitations" };

/** host.claims({indices, query, contested}) -> {groups, missing?}; onOpen(i) opens a paper; onSelect(indices) selects. */
export function createClaims({ P, state, host, height, onOpen, onSelect }) {
  const list = h("div", { class: "lx-claims-list" });
  const head = h("div", { class: "lx-claims-head" });
  const query = h("input", { type: "search", class: "lx-claims-search", placeholder: "Search the claims and their evidence…", "aria-label": "search claims" });
  const contested = h("input", { type: "checkbox", class: "lx-claims-contested" });
  const el = h("div", { class: "lx-claims", style: { height: `${height}px`, display: "none" } },
    h("div", { class: "lx-claims-bar" }, query, h("label", { title: "only claims that other papers' contradicting evidence or limitations speak against" },
      contested, document.createTextNode(" contested only"))), head, list);
  let seq = 0, timer = 0, lastKey = "";
  query.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => draw(true), 300); });
  contested.addEventListener("change", () => draw(true));

  const paperLink = (index, title) => index >= 0
    ? h("a", { href: "#", class: "lx-claim-paper", "data-index": index, math: title || "(untitled)", onclick: (e) => { e.preventDefault(); onOpen(index); } })
    : h("span", { class: "lx-claim-paper", math: title || "(untitled)", title: "not on this map" });

  function groupNode(g, whole) {
    const mark = g.contesting_papers ? h("span", { class: "lx-contested", text: ` contested by ${g.contesting_papers} ${g.contesting_papers === 1 ? "paper" : "papers"}` }) : null;
    const indices = [...new Set([...g.claims, ...g.conflicts].map((c) => c.index).filter((i) => i >= 0))];
    const claims = h("ol", { class: "lx-claim-members" }, ...g.claims.map((c) => h("li", {},
      paperLink(c.index, c.title), c.details !== g.claim ? h("div", { class: "lx-claim-text", math: c.details }) : null,   // the heading's words once
      c.supporting_evidence ? h("div", { class: "lx-claim-ev lx-support", math: `Supporting: ${c.supporting_evidence}` }) : null,
      c.contradicting_evidence ? h("div", { class: "lx-claim-ev lx-contra", math: `Contradicting (its own paper): ${c.contradicting_evidence}` }) : null)));
    const more = g.claims_total > g.claims.length ? h("div", { class: "lx-claims-more", text: `… and ${g.claims_total - g.claims.length} more claims in this group` }) : null;
    const against = g.conflicts.length ? h("div", { class: "lx-claim-conflicts" }, h("div", { class: "lx-claims-sub", text: "Spoken against by:" }),
      h("ul", {}, ...g.conflicts.map((x) => h("li", {}, paperLink(x.index, x.title),
        h("span", { class: "lx-claims-more", text: ` (${SOURCE[x.source] ?? x.source}, similarity ${x.similarity.toFixed(2)})` }),
        h("div", { class: "lx-claim-ev lx-contra", math: x.text }))))) : null;
    const select = indices.length && onSelect ? h("button", { class: "lx-claims-select", text: `Select these ${indices.length} papers`,
      onclick: () => onSelect(indices) }) : null;
    return h("details", { class: "lx-claim-group" + (g.contesting_papers ? " lx-is-contested" : ""), "data-group": g.group_id },
      h("summary", {}, h("span", { class: "lx-claim-n", text: groupCount(g, whole) }), mark, h("div", { class: "lx-claim-rep", math: g.claim })),
      claims, more, against, select);
  }

  /** Ask for the claims of the current set (again only when the set, the query or the switch changed, or `force`). */
  async function draw(force = false) {
    if (!host.claims) { head.textContent = "This map has no claims layer (build it with laion-explorer claims --db MAP, then export again)."; return; }
    const { indices, what } = claimScope(P, state), q = query.value.trim(), only = contested.checked;
    const key = `${indices ? indices.length + ":" + indices.slice(0, 50).join(",") + ":" + indices.at(-1) : "all"}|${q}|${only}`;
    if (!force && key === lastKey) return;
    lastKey = key;
    const my = ++seq;
    head.textContent = `Claims of ${what}${q ? `, matching “${q}”` : ""}${only ? ", contested only" : ""}: …`;
    let r;
    try { r = await host.claims({ indices, query: q || null, contested: only, limit: CLAIM_GROUPS }); } catch (err) {
      if (my === seq) { head.textContent = `Could not load the claims: ${err?.message ?? err}`; list.replaceChildren(); }
      return;
    }
    if (my !== seq) return;
    if (r.missing) { head.textContent = r.missing; list.replaceChildren(); el.dataset.groups = "0"; return; }
    const n = r.groups.length, contestedN = r.groups.filter((g) => g.contesting_papers).length;
    head.textContent = `Claims of ${what}${q ? `, matching “${q}”` : ""}${only ? ", contested only" : ""}: ${n === CLAIM_GROUPS ? "the first " : ""}${n} claim ${n === 1 ? "group" : "groups"}`
      + `, most papers first${contestedN ? `; ${contestedN} contested` : ""}`;
    list.replaceChildren(...r.groups.map((g) => groupNode(g, indices === null)));
    el.dataset.groups = String(n);
  }
  return { el, draw, destroy: () => clearTimeout(timer) };
}
