// The exported site's host: answers from static files next to the page, written by Python's write_site:
// details/NNNN.json (shard_size papers each, in map order), titles/NNNN.json (title_shard titles each, for hover
// and the table), search/NNNN.json ([title, lowercased field and summary start] per paper, info.search_shards files)
// and info.json {title, papers, shard_size, search_shards, title_shard, title_shards}.

const WORD = /[\p{L}\p{N}]+/gu;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The query's word matchers: each word must start a word of the text; every word but the last must also end
 *  one (so the last word is a prefix: "black ho" finds "black hole"). Case-insensitive via the lowercased query. */
export function queryMatchers(q) {
  const words = q.toLowerCase().match(WORD) || [], last = words.length - 1;
  return words.map((w, k) => new RegExp("(^|[^\\p{L}\\p{N}])" + escape(w) + (k === last ? "" : "($|[^\\p{L}\\p{N}])"), "u"));
}

/** Search the index ([[title, lowercased text], ...] in map order): papers matching every word in their
 *  lowercased title plus text; those matching in the title alone first, then by position.
 *  Returns {indices (all hits), results: [{index, title}] (the first `limit`)}. */
export function searchIndex(index, q, limit = 50) {
  const re = queryMatchers(q);
  if (!re.length) return { indices: [], results: [] };
  const hit = [];
  index.forEach((s, i) => {
    const t = (s[0] || "").toLowerCase();
    if (re.every((r) => r.test(t + " " + s[1]))) hit.push([re.every((r) => r.test(t)) ? 0 : 1, i]);
  });
  hit.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const indices = hit.map((x) => x[1]);
  return { indices, results: indices.slice(0, limit).map((i) => ({ index: i, title: index[i][0] })) };
}

/** get(path, kind = "json") fetches a file next to the page; the response's kind ("json", "arrayBuffer"). */
export const fetcher = (fetchFn = fetch, base = "") => async (path, kind = "json") => {
  const r = await fetchFn(base + path);
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r[kind]();
};

const shardName = (dir, k) => `${dir}/${String(k).padStart(4, "0")}.json`;

/** The host for the static site, given a fetcher and the site's info.json. */
export function staticHost(get, info) {
  const shards = new Map();
  let search = null;
  const loadShard = (k) => {
    if (!shards.has(k)) { const p = get(shardName("details", k)); shards.set(k, p); p.catch(() => shards.delete(k)); }
    return shards.get(k);
  };
  const detail = async (i) => (await loadShard(Math.floor(i / info.shard_size)))[i % info.shard_size];
  const titleFiles = new Map();
  const titleFile = (k) => {
    if (!titleFiles.has(k)) { const p = get(shardName("titles", k)); titleFiles.set(k, p); p.catch(() => titleFiles.delete(k)); }
    return titleFiles.get(k);
  };
  /** Titles of papers start .. start + count - 1, from the titles files that hold them. */
  const titles = async (start, count) => {
    const b = info.title_shard, files = [];
    for (let k = Math.floor(start / b); k * b < start + count; k++) files.push(titleFile(k).then((t) => [k, t]));
    const out = new Array(count).fill("");
    for (const [k, t] of await Promise.all(files)) t.forEach((x, j) => { const i = k * b + j - start; if (i >= 0 && i < count) out[i] = x; });
    return { start, titles: out };
  };
  return {
    summary: detail, detail,
    // a site exported before the titles files has none: hover then loads the details shard, as it did
    ...(info.title_shard ? { titles, titleBlock: info.title_shard, prefetchTitles: 0 } : {}),
    search: async (q) => {
      search ??= (await Promise.all(Array.from({ length: info.search_shards }, (_, k) => get(shardName("search", k))))).flat();
      return searchIndex(search, q);
    },
    select: () => {},
  };
}
