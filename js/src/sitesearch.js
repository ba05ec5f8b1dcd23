// The static site's full-text search: the notebook's own search (store.search_papers and count_matches, Python),
// the same SQL on the same index, run in the browser by SQLite compiled to WebAssembly over the site's copy of
// the map's full-text index (export.write_search_db; read by HTTP range requests a page at a time, so a search
// loads only the pages it touches). One ranking and one count everywhere: the notebook, the API and the site
// answer a query alike. `q(sql, params)` runs one statement and resolves with its rows as objects; every
// constant below is the Python one of the same name (store.py), and a change there must be made here too.

export const MAX_TERMS = 32, MIN_PREFIX = 4, FREQUENT_WORD = 100, RANK_BOUND = 5_000, SNIPPET_CHARS = 20_000;
export const COMMON_WORD = [20_000, 100_000], COUNT_CAP = 100_000;
export const STOP_WORDS = new Set(`a an and are as at be been but by can do does for from has have how if in into is it its
  of on or our than that the their then these this those to via was we were what when where which while who why
  will with within without`.split(/\s+/));
const BM25 = "bm25(papers_fts, 10.0, 2.0, 1.0, 1.0)";   // titles weigh ten times the summary
const FTS_COLS = ["title", "field", "executive_summary", "three_takeaways"];
const WORD = /[\p{L}\p{N}_]+/gu;   // Python's \w

/** A word with case and accents folded, as the index's tokenizer sees it (store._fold). */
export const fold = (w) => w.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ");

/** The rowid of the match after the first `bound` matches of `query` in `table` (null: no more than that). */
async function edge(q, query, bound, table = "papers_fts") {
  if (!bound) return null;
  const r = await q(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT 1 OFFSET ?`, [query, bound]);
  return r.length ? r[0].rowid : null;
}

/** Free text as an FTS5 MATCH expression that always parses, each word once ("" when there is nothing to search):
 *  stop words dropped (unless they are all there is), the last word a prefix unless it is short, a stop word or a
 *  word at least FREQUENT_WORD papers hold whole (store.fts_query). */
export async function ftsQuery(q, text, { prefix = true, maxTerms = MAX_TERMS } = {}) {
  let words = (text || "").match(WORD) || [];
  if (!words.length) return "";
  const kept = words.filter((w) => !STOP_WORDS.has(fold(w)));
  words = kept.length ? kept : words;
  const last = prefix ? words.pop() : null, terms = new Map();
  for (const w of words) if (!terms.has(fold(w))) terms.set(fold(w), `"${w}"`);
  if (last != null && !terms.has(fold(last))) {
    const whole = [...last].length < MIN_PREFIX || STOP_WORDS.has(fold(last))
      || (terms.size < maxTerms && (await edge(q, `"${last}"`, FREQUENT_WORD - 1)) !== null);
    terms.set(fold(last), whole ? `"${last}"` : `"${last}"*`);
  }
  if (terms.size > maxTerms) throw new Error(`query too broad: ${terms.size} different words (at most ${maxTerms}); search for fewer words`);
  return [...terms.values()].join(" ");
}

/** A search over one database: search(text, limit, snippets) and count(text), as the notebook's. */
export function siteSearch(q) {
  let tokenizer = null;
  const groups = new Map();   // query word -> group (the index never changes under a site)
  async function tok() {
    if (tokenizer === null) {
      const r = await q("SELECT sql FROM sqlite_master WHERE name = 'papers_fts'");
      const m = /tokenize\s*=\s*'([\w ]+)'/.exec(r.length ? r[0].sql : "");
      tokenizer = m ? `, tokenize='${m[1]}'` : "";
      await q(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.lx_t USING fts5(x${tokenizer})`);
      await q("CREATE VIRTUAL TABLE IF NOT EXISTS temp.lx_v USING fts5vocab(temp, lx_t, 'instance')");
      await q(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.lx_s USING fts5(${FTS_COLS.join(", ")}${tokenizer})`);
    }
    return tokenizer;
  }
  /** The index terms the tokenizer makes of `text` (store._index_terms). */
  async function indexTerms(text) {
    await tok();
    await q("INSERT INTO temp.lx_t (rowid, x) VALUES (1, ?)", [text]);
    try { return (await q("SELECT term FROM temp.lx_v ORDER BY offset")).map((r) => r.term); }
    finally { await q("DELETE FROM temp.lx_t WHERE rowid = 1"); }
  }
  /** How many of COMMON_WORD's bounds the papers holding `w` (a term of the query) exceed (store._word_group). */
  async function wordGroup(w) {
    if (!groups.has(w)) {
      const terms = w.endsWith("*") ? [] : await indexTerms(w.replace(/^"|"$/g, ""));
      let g = 0;
      if (terms.length === 1) {
        const r = await q("SELECT docs FROM common_words WHERE term = ?", terms);
        g = COMMON_WORD.filter((n) => r.length && r[0].docs > n).length;
      } else for (const n of COMMON_WORD) { if ((await edge(q, w, n)) === null) break; g++; }
      groups.set(w, g);
    }
    return groups.get(w);
  }
  /** The query's words in the fewest papers (null: every word is in more than the last bound). */
  async function scoringWords(query) {
    const by = new Map();
    for (const w of query.split(" ")) { const g = await wordGroup(w); if (!by.has(g)) by.set(g, []); by.get(g).push(w); }
    const g = Math.min(...by.keys());
    return g < COMMON_WORD.length ? by.get(g).join(" ") : null;
  }
  async function byWords(query, ids, limit) {
    if (!ids.length) return [];
    const words = await scoringWords(query);
    if (words === null) return ids.slice(0, limit).map((i) => ({ rowid: i, score: null }));
    return q(`SELECT rowid, ${BM25} AS score FROM papers_fts WHERE papers_fts MATCH ? AND rowid BETWEEN ? AND ? `
      + "AND +rowid IN (SELECT value FROM json_each(?)) ORDER BY score LIMIT ?", [words, ids[0], ids[ids.length - 1], JSON.stringify(ids), limit]);
  }
  async function snippets(query, ids) {
    if (!ids.length) return new Map();
    await tok();
    const cut = FTS_COLS.map((c) => `substr(${c}, 1, ${SNIPPET_CHARS}) AS ${c}`).join(", ");
    const rows = await q(`SELECT id, ${cut} FROM papers_text WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)]);
    await q("DELETE FROM temp.lx_s");
    for (const r of rows) await q("INSERT INTO temp.lx_s (rowid, title, field, executive_summary, three_takeaways) VALUES (?, ?, ?, ?, ?)",
      [r.id, ...FTS_COLS.map((c) => r[c])]);
    const out = new Map((await q("SELECT rowid, snippet(lx_s, -1, char(2), char(3), '…', 12) AS s FROM temp.lx_s WHERE lx_s MATCH ?", [query]))
      .map((r) => [r.rowid, r.s]));
    for (const r of rows) {   // the match lies past the cut: the start of the summary (or title) instead
      if (!out.has(r.id)) out.set(r.id, (r.executive_summary || r.title || "").split(/\s+/).filter(Boolean).slice(0, 12).join(" ") + " …");
    }
    return out;
  }
  return {
    /** The best `limit` papers for `text`, titles naming it first: [{id, score, snippet}] (store.search_papers). */
    async search(text, limit = 100, snippetsFor = null) {
      const query = await ftsQuery(q, text);
      if (!query) return [];
      const e = await edge(q, query, RANK_BOUND, "papers_title_fts");   // papers whose title holds every word first
      let hits = await q("SELECT rowid, bm25(papers_title_fts) AS score FROM papers_title_fts WHERE papers_title_fts MATCH ?"
        + (e === null ? "" : " AND rowid < ?") + " ORDER BY score LIMIT ?", e === null ? [query, limit] : [query, e, limit]);
      if (hits.length < limit) {
        const seen = new Set(hits.map((h) => h.rowid));
        const ids = (await q("SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? LIMIT ?", [query, RANK_BOUND + hits.length]))
          .map((r) => r.rowid).filter((i) => !seen.has(i));
        hits = hits.concat(await byWords(query, ids.slice(0, RANK_BOUND), limit - hits.length));
      }
      const sn = await snippets(query, hits.slice(0, snippetsFor ?? hits.length).map((h) => h.rowid));
      return hits.map((h) => ({ id: h.rowid, score: h.score, snippet: sn.get(h.rowid) ?? "" }));
    },
    /** Snippets of papers `ids` for `text` (query._snippets_for): Map id -> snippet. */
    async snippetsOf(text, ids) {
      const query = await ftsQuery(q, text);
      return query && ids.length ? snippets(query, ids) : new Map();
    },
    /** How many papers match `text`, counted up to `cap`: {count, exact} (store.count_matches). */
    async count(text, cap = COUNT_CAP) {
      const query = await ftsQuery(q, text);
      if (!query) return { count: 0, exact: true };
      const n = (await q("SELECT count(*) AS n FROM (SELECT 1 FROM papers_fts WHERE papers_fts MATCH ? LIMIT ?)", [query, cap + 1]))[0].n;
      return { count: Math.min(n, cap), exact: n <= cap };
    },
  };
}
