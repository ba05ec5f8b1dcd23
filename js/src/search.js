// Search: the box's query goes to the host (debounced); the hits are emphasised on the map and the first ones
// listed with their snippets. A failed or timed-out request shows in the list.
import { h, snippetNode, failure } from "./dom.js";

/** The results' heading: "12 results for “q”"; at a limit, "2,000 of 6,304 results …" (total: {count, exact}, or a
 *  number; null while it is not known yet: "2,000 results …, more not shown"). mode: how the host searched
 *  ("words", the default; "hybrid": words and meaning fused; "meaning"). */
export function resultsHead(shown, total, q, mode = "words") {
  const n = (v) => v.toLocaleString("en-US");
  const many = shown === 1 ? "result" : "results";
  if (mode === "meaning") return `${n(shown)} ${shown === 1 ? "paper" : "papers"} closest in meaning to “${q}”`;
  if (mode === "hybrid") return `${n(shown)} ${many} for “${q}”, by words and meaning`;
  const t = typeof total === "number" ? { count: total, exact: true } : total;
  if (!t || (t.count <= shown && t.exact)) return `${n(shown)} ${many} for “${q}”`;
  return `${n(shown)} of ${t.exact ? "" : "more than "}${n(t.count)} results for “${q}” (the first ${n(shown)} on the map)`;
}

/** The search modes a picker offers, as [value, text] (a host that searches words only offers none). */
export const SEARCH_MODE_TEXT = { hybrid: "Words + meaning", words: "Words", meaning: "Meaning" };

/** onChange() after the hits change (repaint, status); onOpen(i) when a result is clicked. */
/** modeSelect: the search-mode picker (or null); its value is sent with each query and a change searches again. */
export function createSearch({ input, P, state, host, onChange, onOpen, modeSelect = null, delay = 250 }) {
  const el = h("div", { class: "lx-results" });
  let timer = 0, seq = 0;   // seq: only the latest query's answer is shown
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, delay); });
  modeSelect?.addEventListener("change", () => { clearTimeout(timer); run(); });

  async function run() {
    const q = input.value.trim(), my = ++seq;
    if (!q) { state.hits = null; state.hitOrder = null; el.replaceChildren(); onChange(); return; }
    let r;
    try { r = await host.search(q, modeSelect?.value); } catch (err) {
      if (my === seq) { state.hits = null; el.replaceChildren(failure(err)); onChange(); }
      return;
    }
    if (my !== seq) return;
    state.hitOrder = r.indices;   // rank order, for the table
    state.hits = new Uint8Array(P.n); r.indices.forEach((i) => { if (i >= 0) state.hits[i] = 1; });
    const mode = r.mode ?? "words";
    const head = h("div", { class: "lx-results-head", text: resultsHead(r.indices.length, r.total, q, mode) });
    if (mode === "words" && r.total == null && r.limit && r.indices.length >= r.limit && host.count) {   // at the limit: ask how many in all
      host.count(q).then((c) => { if (my === seq) head.textContent = resultsHead(r.indices.length, c, q); }, () => {});
    }
    const note = r.note ? h("div", { class: "lx-results-note", text: r.note }) : null;
    el.replaceChildren(head, ...(note ? [note] : []),
      h("ol", {}, ...r.results.map((x) => h("li", {}, h("a", { href: "#", "data-index": x.index, math: x.title || "(untitled)", onclick: (e) => {
        e.preventDefault(); if (x.index >= 0) onOpen(x.index); } }),
        x.match === "meaning" && mode === "hybrid" ? h("span", { class: "lx-by-meaning", text: " · by meaning", title: "found by meaning: the paper does not hold every word of the query" }) : null,
        x.snippet ? h("div", {}, snippetNode(x.snippet)) : null))));
    onChange();
  }
  /** Empty the box and the results (an answer still on its way is dropped). */
  function clear() { clearTimeout(timer); seq++; input.value = ""; state.hits = null; state.hitOrder = null; el.replaceChildren(); }
  return { el, run, clear, destroy: () => clearTimeout(timer) };
}
