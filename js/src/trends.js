// Emerging topics under the timeline: trends.cluster_trends' answer for the level the charts show, as a table.
// Each row: the cluster (a click shows it on the map), its papers, a sparkline of its share per period, the growth
// of that share per period and per year with 95% intervals, and the q-value; emerging first, then declining.
// Clusters the test cannot support are counted, not ranked, and the corpus-wide notes (partial periods, undated
// papers) are shown as they come.
import { h, svg } from "./dom.js";
import { plainTeX } from "./tex.js";

/** "+12%" / "−3.4%" for a growth factor (as trends._pct); "–" when there is none. */
export function pct(g) {
  if (g == null || !Number.isFinite(g)) return "–";
  const v = (g - 1) * 100, s = Math.abs(g - 1) < 0.1 ? Math.abs(v).toFixed(1) : Math.abs(Math.round(v)).toString();
  return (v < 0 ? "−" : "+") + s + "%";
}

/** The rows worth a table (emerging, then declining, in the answer's order) and what the rest are: {shown, quiet, small}. */
export function trendRows(res, level) {
  const rows = (res?.clusters ?? []).filter((r) => level == null || r.level === level);
  return { shown: rows.filter((r) => r.trend === "emerging" || r.trend === "declining"),
    quiet: rows.filter((r) => r.trend === "no clear trend").length, small: rows.filter((r) => r.trend === "too few papers") };
}

function spark(counts, N, color, w = 80, ht = 18) {
  const share = counts.map((c, i) => (N[i] ? c / N[i] : 0)), m = Math.max(...share, 1e-12);
  const pts = share.map((v, i) => `${((i / Math.max(share.length - 1, 1)) * (w - 2) + 1).toFixed(1)},${(ht - 1 - (v / m) * (ht - 2)).toFixed(1)}`).join(" ");
  const s = svg("svg", { width: w, height: ht, class: "lx-spark" });
  s.append(svg("polyline", { points: pts, fill: "none", stroke: color || "currentColor", "stroke-width": 1.5 }));
  return s;
}

/** The table element for `res` at `level`; colorOf(cluster_id) gives a row's colour, onPick(cluster_id) is called on a click. */
export function trendsTable(res, level, { colorOf = () => null, onPick = () => {} } = {}) {
  const el = h("div", { class: "lx-trends" });
  const per = res?.period ?? "period";
  el.append(h("h4", { text: `Emerging and declining topics (whole corpus, by ${per}: each cluster's share, tested against the corpus's own growth)` }));
  if (!res) return el;
  if (res.explanation) { el.append(h("p", { class: "lx-trends-why", text: `No ranking: ${res.explanation}.` })); return el; }
  const { shown, quiet, small } = trendRows(res, level);
  const range = res.periods?.length ? `${res.periods[0]} to ${res.periods.at(-1)}` : "";
  const body = h("tbody", {});
  for (const r of shown) {
    const tr = h("tr", { class: `lx-trend lx-${r.trend === "emerging" ? "up" : "down"}`, "data-cluster": r.cluster_id, title: "show this cluster on the map",
      onclick: () => onPick(r.cluster_id) },
      h("td", { text: r.trend === "emerging" ? `↑ ${r.rank}` : `↓ ${r.rank}` }),
      h("td", {}, h("span", { class: "lx-swatch", style: { background: colorOf(r.cluster_id) || "var(--muted)" } }), document.createTextNode(" " + (plainTeX(r.label) || `Cluster ${r.cluster_id}`)),
        r.jump ? h("span", { class: "lx-jump", text: ` ⚠ a jump ×${Number(r.jump.ratio).toPrecision(2)} at ${r.jump.at}`,
          title: "the share steps from one level to another at this period: a single step fits the counts far better than a steady trend (a change in what the corpus collects?)" }) : null),
      h("td", { class: "lx-n", text: r.total.toLocaleString("en-US") }),
      h("td", {}, spark(r.counts, res.N, colorOf(r.cluster_id))),
      h("td", { class: "lx-n", text: `${pct(r.growth)} (${pct(r.growth_lo)} to ${pct(r.growth_hi)})` }),
      h("td", { class: "lx-n", text: `${pct(r.growth_year)}` }),
      h("td", { class: "lx-n", text: r.q < 0.001 ? r.q.toExponential(0) : r.q.toFixed(3) }));
    body.append(tr);
  }
  if (shown.length) {
    el.append(h("table", { class: "lx-trends-table" },
      h("thead", {}, h("tr", {}, ...["", "cluster", "papers", `share by ${per}`, `share a ${per} (95% CI)`, "a year", "q"].map((t) => h("th", { text: t })))), body));
  } else el.append(h("p", { text: `No cluster at this level grows or shrinks clearly (q < ${res.alpha ?? 0.05}).` }));
  const smallText = small.length ? `; ${small.length} with too few papers to test, not ranked (${small.slice(0, 3).map((r) => `${plainTeX(r.label) || r.cluster_id}: ${r.reason}`).join("; ")}${small.length > 3 ? "; …" : ""})` : "";
  el.append(h("p", { class: "lx-trends-notes", text: `${range}${range ? ": " : ""}${quiet} clusters with no clear trend${smallText}.` }));
  for (const n of res.notes ?? []) el.append(h("p", { class: "lx-trends-notes", text: n }));
  return el;
}
