// The exported site's host: answers from static files next to the page, written by Python's write_site
// (searchdb/: the map's full-text index, searched with the notebook's own SQL by sitesearch.js):
// details/NNNN.json (shard_size papers each, in map order), titles/NNNN.json (title_shard titles each, for hover
// and the table), search/NNNN.json ([title, field, summary start] per paper, info.search_shards files)
// and info.json {title, papers, map (the map's files: map.arrow, or its parts), shard_size, search_shards,
// title_shard, title_shards}.
import { siteSearch } from "./sitesearch.js";
import { READING_FORMATS } from "./reading.js";
import { makeAnalyzer, nearestRows, queryVector, rrf, termCounts } from "./meaning.js";
import { siteClaims } from "./siteclaims.js";
import { joinBytes } from "./split-xhr.js";

const WORD = /[\p{L}\p{N}]+/gu;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The query's word matchers: each word must start a word of the text; every word but the last must also end
 *  one (so the last word is a prefix: "black ho" finds "black hole"). Case-insensitive. */
export function queryMatchers(q) {
  const words = q.toLowerCase().match(WORD) || [], last = words.length - 1;
  return words.map((w, k) => new RegExp("(^|[^\\p{L}\\p{N}])" + escape(w) + (k === last ? "" : "($|[^\\p{L}\\p{N}])"), "iu"));
}

export const SNIPPET_BEFORE = 50, SNIPPET_LENGTH = 180;   // characters of a site snippet: before the first match, in all
export const SUMMARY_CHARS = 200;   // the summary start the export writes (export.SITE_SUMMARY_CHARS): a text this long was cut

/** A snippet of `text` around the query's first match, the matched words marked \x02…\x03 (as the kernel's FTS5
 *  snippets are, so dom.js shows both alike), "…" where it is cut; "" when no word matches. */
export function snippetOf(text, matchers) {
  if (!text) return "";
  const marks = [];
  for (const m of matchers) {
    const g = new RegExp(m.source, "giu");
    for (let r; (r = g.exec(text));) {
      const a = r.index + r[1].length;
      let b = a; while (b < text.length && /[\p{L}\p{N}]/u.test(text[b])) b++;   // to the end of the word
      if (b > a) marks.push([a, b]);
      g.lastIndex = Math.max(b, r.index + 1);
    }
  }
  if (!marks.length) return "";
  marks.sort((x, y) => x[0] - y[0]);
  let from = Math.max(0, marks[0][0] - SNIPPET_BEFORE);
  while (from > 0 && from < marks[0][0] && /[\p{L}\p{N}]/u.test(text[from - 1])) from++;   // start on a word
  let to = Math.min(text.length, from + SNIPPET_LENGTH);
  const cut = to < text.length || text.length >= SUMMARY_CHARS;
  if (cut) {   // end on a word: back to the last break after the first match
    let e = to; while (e > marks[0][1] && /[\p{L}\p{N}]/u.test(text[e - 1])) e--;
    if (e > marks[0][1]) to = e;
  }
  let out = from > 0 ? "…" : "", at = from;
  for (const [a, b] of marks) {
    if (a < at || b > to) continue;   // overlapping or past the window
    out += text.slice(at, a) + "\x02" + text.slice(a, b) + "\x03"; at = b;
  }
  return out + text.slice(at, to).trimEnd() + (cut ? "…" : "");
}

/** Search the index (in map order: [title, field, summary start] per paper; a site exported before snippets has
 *  [title, lowercased field and summary start]): papers matching every word in their title plus text; those
 *  matching in the title alone first, then by position. Returns {indices (all hits), results: [{index, title,
 *  snippet}] (the first `limit`)}. */
export function searchIndex(index, q, limit = 50) {
  const re = queryMatchers(q);
  if (!re.length) return { indices: [], results: [] };
  const hit = [];
  index.forEach((s, i) => {
    const t = s[0] || "", text = s.length > 2 ? `${t} ${s[1] || ""} ${s[2] || ""}` : `${t} ${s[1]}`;
    if (re.every((r) => r.test(text))) hit.push([re.every((r) => r.test(t)) ? 0 : 1, i]);
  });
  hit.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const indices = hit.map((x) => x[1]);
  return { indices, results: indices.slice(0, limit).map((i) => ({ index: i, title: index[i][0],
    snippet: index[i].length > 2 ? snippetOf(index[i][2], re) : "" })) };
}

/** get(path, kind = "json") fetches a file next to the page; the response's kind ("json", "arrayBuffer"). */
export const fetcher = (fetchFn = fetch, base = "") => async (path, kind = "json") => {
  const r = await fetchFn(base + path);
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r[kind]();
};

/** The map's Arrow bytes from the site's files: `map.arrow`, or the parts a large map is cut into (info.map lists
 *  them: map.arrow.000, map.arrow.001, ..., each under Pages' 25 MiB a file; write_site), fetched together and
 *  joined in order. A site without info.map (one file) reads map.arrow. */
export async function mapBytes(get, info) {
  return joinBytes(await Promise.all((info.map?.length ? info.map : ["map.arrow"]).map((f) => get(f, "arrayBuffer"))));
}

/** A lookup over the map's ids (in map order): (paper id) -> its map position, or -1 for a paper not on the map.
 *  A binary search, over the ids themselves when ascending (as the export writes them), else over their order. */
export function positionOf(ids) {
  const n = ids.length;
  let order = null;
  for (let i = 1; i < n; i++) {
    if (!(ids[i - 1] < ids[i])) { order = Uint32Array.from({ length: n }, (_, k) => k).sort((a, b) => ids[a] - ids[b]); break; }
  }
  return (id) => {
    let lo = 0, hi = n - 1;
    while (lo <= hi) {
      const m = (lo + hi) >> 1, k = order ? order[m] : m, v = ids[k];
      if (v === id) return k;
      if (v < id) lo = m + 1; else hi = m - 1;
    }
    return -1;
  };
}

const shardName = (dir, k) => `${dir}/${String(k).padStart(4, "0")}.json`;

export const SEARCH_HITS = 2_000, LISTED = 50;   // as the widget: marked on the map, listed with snippets
export const MEANING_HITS = 200;   // the closest papers a search by meaning marks (query.MEANING_HITS)

/** The host for the static site, given a fetcher and the site's info.json. openSearchDb() (site.js) opens the
 *  site's copy of the full-text index (info.search_db) and resolves with q(sql, params) -> rows; search and
 *  count then run the notebook's own search on it (sitesearch.js). Without it, or where it cannot be opened
 *  (a server that does not answer byte ranges), search falls back to the lighter word index of search/.
 *  mapIds (decodePoints(..., {ids: true}).id): the papers' ids in map order, so that search hits become map
 *  positions here rather than by reading them from the database (2,000 random rows touch most of its pages). */
export function staticHost(get, info, { openSearchDb = null, mapIds = null } = {}) {
  let search = null, engine = null;
  const where = mapIds ? positionOf(mapIds) : null;
  /** Map positions of the papers `ids`, and the titles of the first `listed` of them: {idx, title(id)}. */
  const placed = async (db, ids, listed) => {
    const ask = where ? ids.slice(0, listed) : ids;
    const rows = ask.length ? new Map((await db.q("SELECT id, map_index, title FROM papers WHERE id IN (SELECT value FROM json_each(?))",
      [JSON.stringify(ask)])).map((r) => [r.id, r])) : new Map();
    return { idx: ids.map((id) => (where ? where(id) : rows.get(id)?.map_index ?? -1)), title: (id) => rows.get(id)?.title ?? "" };
  };
  const sql = () => {
    if (!info.search_db || !openSearchDb) return Promise.resolve(null);
    engine ??= openSearchDb().then((q) => ({ q, s: siteSearch(q) }), (err) => { console.warn(`laion-explorer: site search database: ${err?.message ?? err}; using the word index`); return null; });
    return engine;
  };
  const wordIndex = async (q) => {
    search ??= (await Promise.all(Array.from({ length: info.search_shards }, (_, k) => get(shardName("search", k))))).flat();
    return searchIndex(search, q);
  };
  /** The k-th file of folder `dir`, fetched once (a failed fetch is asked again next time). */
  const files = (dir, memo = new Map()) => (k) => {
    if (!memo.has(k)) { const p = get(shardName(dir, k)); memo.set(k, p); p.catch(() => memo.delete(k)); }
    return memo.get(k);
  };
  const loadShard = files("details"), titleFile = files("titles");
  // search by meaning (info.meaning: TF-IDF maps, export.write_site_vectors): the vectors are fetched at the first such search
  const M = info.meaning ?? null;
  let vectors = null, analyze = null, claimsFor = null;
  const loadVectors = () => {
    vectors ??= Promise.all([...Array.from({ length: M.files }, (_, k) => get(`vectors/${String(k).padStart(3, "0")}.bin`, "arrayBuffer")),
      get("vectors/scale.bin", "arrayBuffer")]).then((parts) => {
      const Q = new Int8Array(M.papers * M.dim); let o = 0;
      for (const p of parts.slice(0, -1)) { Q.set(new Int8Array(p), o); o += p.byteLength; }
      return { Q, scale: new Float32Array(parts.at(-1)) };
    });
    vectors.catch(() => { vectors = null; });   // a failed fetch is tried again at the next search
    return vectors;
  };
  /** Map positions closest in meaning to `text`, best first: [{index, score}] (query.meaning_search). */
  const byMeaning = async (db, text, depth) => {
    analyze ??= makeAnalyzer(M);
    const counts = termCounts(analyze(text));
    if (!counts.size) return [];
    const rows = await db.q("SELECT term, idf, axes FROM query_terms WHERE term IN (SELECT value FROM json_each(?))", [JSON.stringify([...counts.keys()])]);
    const qv = queryVector(counts, rows, M.dim, M.sublinear_tf);
    if (!qv) return [];
    const { Q, scale } = await loadVectors();
    return nearestRows(Q, scale, M.dim, qv, depth);
  };
  /** Words and/or meaning (query.search): the fused or meaning ranking as map positions, the first LISTED with titles and snippets. */
  const searchMeaning = async (db, text, mode) => {
    const meaning = (await byMeaning(db, text, MEANING_HITS)).map((h) => h.index);
    let ranked = meaning, words = new Set();
    if (mode === "hybrid") {
      const hits = await db.s.search(text, SEARCH_HITS, 0);
      const w = (await placed(db, hits.map((h) => h.id), 0)).idx.filter((i) => i >= 0);
      words = new Set(w);
      ranked = rrf([w, meaning]).map(([i]) => i);
    }
    ranked = ranked.slice(0, SEARCH_HITS);
    const top = ranked.slice(0, LISTED), near = new Set(meaning);
    const rows = new Map((await db.q("SELECT id, map_index, title FROM papers WHERE map_index IN (SELECT value FROM json_each(?))",
      [JSON.stringify(top)])).map((r) => [r.map_index, r]));
    const sn = await db.s.snippetsOf(text, top.map((i) => rows.get(i)?.id).filter((x) => x != null));   // by meaning alone: the summary's start
    const match = (i) => mode === "meaning" ? "meaning" : words.has(i) ? (near.has(i) ? "both" : "words") : "meaning";
    return { indices: ranked, limit: SEARCH_HITS, mode,
      results: top.map((i) => ({ index: i, title: rows.get(i)?.title ?? "", snippet: sn.get(rows.get(i)?.id) ?? "", match: match(i) })) };
  };
  const detail = async (i) => (await loadShard(Math.floor(i / info.shard_size)))[i % info.shard_size];
  /** Titles of papers start .. start + count - 1, from the titles files that hold them. */
  const titles = async (start, count) => {
    const b = info.title_shard, parts = [];
    for (let k = Math.floor(start / b); k * b < start + count; k++) parts.push(titleFile(k).then((t) => [k, t]));
    const out = new Array(count).fill("");
    for (const [k, t] of await Promise.all(parts)) t.forEach((x, j) => { const i = k * b + j - start; if (i >= 0 && i < count) out[i] = x; });
    return { start, titles: out };
  };
  return {
    summary: detail, detail,
    // a site exported before the titles files has none: hover then loads the details shard, as it did
    ...(info.title_shard ? { titles, titleBlock: info.title_shard, prefetchTitles: 0 } : {}),
    /** The search modes the picker offers: words + meaning, words, meaning where the site has the vectors. */
    searchModes: M && info.search_db ? ["hybrid", "words", "meaning"] : [],
    search: async (text, mode = "hybrid") => {
      const db = await sql();
      if (!db) {
        const r = await wordIndex(text);
        return M ? { ...r, mode: "words", note: "Searched by words only: this server does not answer byte ranges, which search by meaning needs" } : r;
      }
      if (M && (mode === "hybrid" || mode === "meaning")) return searchMeaning(db, text, mode);
      const hits = await db.s.search(text, SEARCH_HITS, LISTED);
      if (!hits.length) return { indices: [], results: [], limit: SEARCH_HITS };
      const { idx, title } = await placed(db, hits.map((h) => h.id), LISTED);
      return { indices: idx.filter((i) => i >= 0), limit: SEARCH_HITS,
        results: hits.slice(0, LISTED).map((h, k) => ({ index: idx[k], title: title(h.id), snippet: h.snippet })) };
    },
    /** Papers at map positions `indices` as a reading list (reading.js, Python's writers ported): {text, ext, mime}. */
    reading: async (indices, format) => {
      const db = await sql();
      if (!db) throw new Error("reading lists need the site's search database, which this server cannot serve (no byte ranges)");
      const [write, ext, mime] = READING_FORMATS[format] || [];
      if (!write) throw new Error(`unknown reading-list format ${format}`);
      const rows = new Map((await db.q("SELECT p.map_index AS i, r.record, t.executive_summary AS text FROM papers p "
        + "JOIN reading r ON r.id = p.id LEFT JOIN papers_text t ON t.id = p.id WHERE p.map_index IN (SELECT value FROM json_each(?))",
      [JSON.stringify(Array.from(indices))])).map((x) => [x.i, x]));
      const records = Array.from(indices, (i) => rows.get(i)).filter(Boolean).map((x) => {
        const r = JSON.parse(x.record);
        if (!("abstract" in r)) r.abstract = typeof x.text === "string" ? x.text.trim() : "";
        return r;
      });
      return { text: write(records), ext, mime };
    },
    /** The Claims tab (siteclaims.js: claims.claims_for on the search database's copy of the claims layer). */
    ...(info.claims ? { claims: async (o) => {
      const db = await sql();
      if (!db) throw new Error("the claims need the site's search database, which this server cannot serve (no byte ranges)");
      claimsFor ??= siteClaims(db.q);
      return claimsFor(o);
    } } : {}),
    /** Emerging topics at a level (trends.json: trends.cluster_trends for every level, written by the export). */
    ...(info.trends ? { trends: async (level) => { const r = await get(info.trends); return { ...r, clusters: r.clusters.filter((c) => c.level === level) }; } } : {}),
    /** How many papers match in all (asked when a search reaches SEARCH_HITS); the word index has no count. */
    count: async (text) => { const db = await sql(); if (!db) throw new Error("no count without the search database"); return db.s.count(text); },
    select: () => {},
  };
}
