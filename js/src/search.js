// Search: the box's query goes to the host (debounced); the hits are emphasised on the map and the first ones
// listed with their snippets. A failed or timed-out request shows in the list.
import { h, snippetNode, failure } from "./dom.js";

/** The results' heading: "12 results for “q”"; at a limit, "2,000 of 6,304 results …" (total: {count, exact}, or a
 *  number; null while it is not known yet: "2,000 results …, more not shown"). */
export function resultsHead(shown, total, q) {
  const n = (v) => v.toLocaleString("en-US");
  const t = typeof total === "number" ? { count: total, exact: true } : total;
  if (!t || (t.count <= shown && t.exact)) return `${n(shown)} ${shown === 1 ? "result" : "results"} for “${q}”`;
  return `${n(shown)} of ${t.exact ? "" : "more than "}${n(t.count)} results for “${q}” (the first ${n(shown)} on the map)`;
}

/** onChange() after the hits change (repaint, status); onOpen(i) when a result is clicked. */
export function createSearch({ input, P, state, host, onChange, onOpen, delay = 250 }) {
  const el = h("div", { class: "lx-results" });
  let timer = 0, seq = 0;   // seq: only the latest query's answer is shown
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, delay); });

  async function run() {
    const q = input.value.trim(), my = ++seq;
    if (!q) { state.hits = null; state.hitOrder = null; el.replaceChildren(); onChange(); return; }
    let r;
    try { r = await host.search(q); } catch (err) {
      if (my === seq) { state.hits = null; el.replaceChildren(failure(err)); onChange(); }
      return;
    }
    if (my !== seq) return;
    state.hitOrder = r.indices;   // rank order, for the table
    state.hits = new Uint8Array(P.n); r.indices.forEach((i) => { if (i >= 0) state.hits[i] = 1; });
    const head = h("div", { class: "lx-results-head", text: resultsHead(r.indices.length, r.total, q) });
    if (r.total == null && r.limit && r.indices.length >= r.limit && host.count) {   // at the limit: ask how many in all
      host.count(q).then((c) => { if (my === seq) head.textContent = resultsHead(r.indices.length, c, q); }, () => {});
    }
    el.replaceChildren(head,
      h("ol", {}, ...r.results.map((x) => h("li", {}, h("a", { href: "#", "data-index": x.index, math: x.title || "(untitled)", onclick: (e) => {
        e.preventDefault(); if (x.index >= 0) onOpen(x.index); } }), x.snippet ? h("div", {}, snippetNode(x.snippet)) : null))));
    onChange();
  }
  /** Empty the box and the results (an answer still on its way is dropped). */
  function clear() { clearTimeout(timer); seq++; input.value = ""; state.hits = null; state.hitOrder = null; el.replaceChildren(); }
  return { el, run, clear, destroy: () => clearTimeout(timer) };
}
