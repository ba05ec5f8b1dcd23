// The table tab: the papers of the current set (the selection, else the search hits, else the highlighted
// cluster, else every shown paper) as rows: title, year, field, cluster; a line that says what the set holds (its
// largest clusters and fields, its years); sortable columns; a click opens the paper; CSV and JSON downloads. Only
// the rows in view are in the DOM (a lasso of 100,000 papers is 100,000 rows), and titles come by block
// (titles.js). The pure parts (which set, sorting, the summary, CSV) run in node.
import { h } from "./dom.js";
import { YEAR_BASE, NO_CLUSTER, focusMask } from "./points.js";
import { plainTeX } from "./tex.js";

export const ROW = 26;              // px a row
export const COLUMNS = [["title", "Title"], ["year", "Year"], ["field", "Field"], ["cluster", "Cluster"]];

/** The set the table lists: the papers the views follow (points.js focusMask), as {indices, what}. Search hits
 *  keep their rank order (state.hitOrder); the rest map order. */
export function tableSet(P, state) {
  const { mask, what } = focusMask(P, state);
  if (state.hits && !state.selection) {
    const order = (state.hitOrder || []).filter((i) => i >= 0 && mask[i]);
    if (order.length) return { indices: order, what };
  }
  const out = [];
  for (let i = 0; i < P.n; i++) if (!mask || mask[i]) out.push(i);
  return { indices: out, what: what || "shown" };
}

/** Accessors for a row's values: {title(i), year(i) (null when unknown), field(i), cluster(i)}. */
export function rowValues(P, clusters, fields, title = () => "") {
  return {
    title: (i) => title(i) ?? "",
    year: (i) => (P.year[i] ? P.year[i] + YEAR_BASE : null),
    field: (i) => fields[P.field[i]]?.field || "",
    cluster: (i) => (P.cluster[i] !== NO_CLUSTER && clusters[P.cluster[i]] ? plainTeX(clusters[P.cluster[i]].cluster_label) || `Cluster ${clusters[P.cluster[i]].cluster_id}` : ""),
  };
}

/** The indices sorted by column `key` (dir 1 ascending, -1 descending), stable; empty values (unknown year, no
 *  field) last either way. Returns a new array. */
export function sortRows(indices, key, dir, values) {
  const get = values[key], empty = (v) => v == null || v === "";
  const coll = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  const keyed = indices.map((i, k) => [get(i), k, i]);
  keyed.sort((a, b) => {
    if (empty(a[0]) || empty(b[0])) return empty(a[0]) - empty(b[0]) || a[1] - b[1];
    const c = typeof a[0] === "number" ? a[0] - b[0] : coll.compare(a[0], b[0]);
    return c * dir || a[1] - b[1];
  });
  return keyed.map((x) => x[2]);
}

/** What the set holds, in one line: "10,080 selected · clusters: A 1,234, B 900, … · fields: … · 2019–2025". */
export function setSummary(indices, what, values, top = 4) {
  const n = (v) => v.toLocaleString("en-US");
  const tally = (get) => {
    const m = new Map();
    for (const i of indices) { const v = get(i); if (v) m.set(v, (m.get(v) || 0) + 1); }
    const all = [...m.entries()].sort((a, b) => b[1] - a[1]);
    return all.slice(0, top).map(([k, c]) => `${k} ${n(c)}`).join(", ") + (all.length > top ? `, +${all.length - top} more` : "");
  };
  let y0 = Infinity, y1 = -Infinity;
  for (const i of indices) { const y = values.year(i); if (y != null) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); } }
  const parts = [`${n(indices.length)} ${what}`];
  const cl = tally(values.cluster), fi = tally(values.field);
  if (cl) parts.push(`clusters: ${cl}`);
  if (fi) parts.push(`fields: ${fi}`);
  if (y0 <= y1) parts.push(y0 === y1 ? String(y0) : `${y0}–${y1}`);
  return parts.join(" · ");
}

/** A CSV cell: quoted when it must be, and a leading = + - @ (a formula to a spreadsheet) defused with a quote. */
export function csvCell(v) {
  let s = v == null ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The rows as CSV text (a header line, then one line a paper; `map_index` is the paper's row in the map). */
export function toCSV(indices, values) {
  const lines = [["map_index", ...COLUMNS.map((c) => c[0])].join(",")];
  for (const i of indices) lines.push([i, ...COLUMNS.map(([k]) => csvCell(values[k](i)))].join(","));
  return lines.join("\r\n") + "\r\n";
}

/** The rows as JSON text: [{map_index, title, year, field, cluster}]. */
export const toJSON = (indices, values) =>
  JSON.stringify(indices.map((i) => Object.assign({ map_index: i }, ...COLUMNS.map(([k]) => ({ [k]: values[k](i) })))), null, 1);

/** Start a download of `text` as a file in the browser. */
function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name, style: { display: "none" } });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const READING = [["bibtex", "BibTeX"], ["ris", "RIS"], ["csl-json", "CSL-JSON"]];   // reading-list formats

/** The table pane. titles: titles.js's cache (null: titles from host-less summaries are not available, the column
 *  shows what is loaded); onOpen(i) opens a paper; reading(indices, format) -> {text, ext, mime} (the kernel's
 *  reading lists; null where the host has none). draw() lists the current set; it is redrawn when the set changes. */
export function createTable({ P, clusters, fields, state, titles, height, onOpen, reading = null }) {
  const el = h("div", { class: "lx-table", style: { height: `${height}px`, display: "none" } });
  const values = rowValues(P, clusters, fields, (i) => titles?.now(i));
  let rows = [], sort = null, seq = 0;   // sort: {key, dir} or null (the set's own order)
  const head = h("div", { class: "lx-table-head" }), summary = h("div", { class: "lx-table-summary" });
  const body = h("div", { class: "lx-table-body", role: "rowgroup" }), spacer = h("div", { class: "lx-table-spacer" });
  body.append(spacer);
  const note = h("span", { class: "lx-table-note" });
  const csv = h("button", { text: "Download CSV", class: "lx-download-csv", onclick: () => save("csv") });
  const json = h("button", { text: "Download JSON", class: "lx-download-json", onclick: () => save("json") });
  const lists = reading ? READING.map(([f, name]) => h("button", { text: name, class: `lx-download-${f}`,
    title: `the list as ${name}, for a reference manager`, onclick: () => saveReading(f) })) : [];
  el.append(summary, h("div", { class: "lx-table-actions" }, csv, json, ...lists, note), head, body);

  async function saveReading(f) {
    note.textContent = "making the reading list…";
    try {
      const r = await reading(rows, f);
      note.textContent = "";
      download(r.text, `papers-${rows.length}.${r.ext}`, r.mime);
    } catch (err) { note.textContent = `Could not make the reading list: ${err?.message ?? err}`; }
  }

  const allTitles = async (indices) => { if (titles) await titles.many(indices); };
  async function save(kind) {
    note.textContent = "loading titles…";
    try { await allTitles(rows); } catch (err) { note.textContent = `Could not load titles: ${err?.message ?? err}`; return; }
    note.textContent = "";
    const stem = `papers-${rows.length}`;
    if (kind === "csv") download(toCSV(rows, values), `${stem}.csv`, "text/csv;charset=utf-8");
    else download(toJSON(rows, values), `${stem}.json`, "application/json");
  }

  function header() {
    head.replaceChildren(...COLUMNS.map(([k, name]) => {
      const on = sort?.key === k, arrow = on ? (sort.dir > 0 ? " ▲" : " ▼") : "";
      return h("button", { class: `lx-th lx-col-${k}`, "data-key": k, "aria-sort": on ? (sort.dir > 0 ? "ascending" : "descending") : "none",
        text: name + arrow, title: `sort by ${name.toLowerCase()}`, onclick: () => sortBy(k) });
    }));
  }
  async function sortBy(k) {
    const dir = sort?.key === k ? -sort.dir : k === "year" ? -1 : 1, my = ++seq;   // newest first, names A to Z
    if (k === "title") {
      note.textContent = "loading titles…";
      try { await allTitles(rows); } catch (err) { note.textContent = `Could not load titles: ${err?.message ?? err}`; return; }
      note.textContent = "";
      if (my !== seq) return;
    }
    sort = { key: k, dir }; rows = sortRows(rows, k, dir, values);
    header(); body.scrollTop = 0; paint();
  }

  // the rows in view (and a few either side) are the only ones in the DOM
  function paint() {
    const top = Math.max(0, Math.floor(body.scrollTop / ROW) - 5), end = Math.min(rows.length, top + Math.ceil((body.clientHeight || height) / ROW) + 10);
    const out = [], missing = [];
    for (let r = top; r < end; r++) {
      const i = rows[r], t = values.title(i);
      if (!t && titles) missing.push(i);
      out.push(h("div", { class: "lx-tr", role: "row", "data-index": i, style: { top: `${r * ROW}px` }, onclick: () => onOpen(i) },
        h("span", { class: "lx-td lx-col-title", math: t || "…" }),
        ...COLUMNS.slice(1).map(([k]) => h("span", { class: `lx-td lx-col-${k}`, text: values[k](i) ?? "" }))));
    }
    spacer.replaceChildren(...out);
    spacer.style.height = `${rows.length * ROW}px`;
    el.dataset.rows = rows.length;
    if (missing.length) titles.many(missing).then(() => { if (state.tab === "table") paint(); }, () => {});
  }
  body.addEventListener("scroll", () => paint(), { passive: true });

  function draw() {
    const set = tableSet(P, state);
    rows = sort ? sortRows(set.indices, sort.key, sort.dir, values) : set.indices;
    if (sort?.key === "title") allTitles(rows).then(() => { rows = sortRows(rows, "title", sort.dir, values); paint(); }, () => {});
    summary.textContent = setSummary(set.indices, set.what, values);
    el.dataset.what = set.what;
    header(); body.scrollTop = 0; paint();
  }
  return { el, draw, values };
}
