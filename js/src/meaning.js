// Search by meaning on the static site (TF-IDF maps): the query side of laion_explorer/query.py, ported. A query
// becomes terms through the same analyzer as the papers' (sklearn's token pattern and stop words), each known
// term adds (1 + log count) × idf times its float16 row of SVD loadings (query_terms, in the site's search
// database), the sum is normalised, and the papers (int8 rows, a scale each: export.write_site_vectors) are
// ranked by cosine to it. Words and meaning are fused by reciprocal rank fusion, as query.hybrid_search does.

const W = "[\\p{L}\\p{N}_]";   // Python's Unicode \w: letters, numbers, underscore (marks are not word characters)

/** The analyzer of a TF-IDF spec: text -> terms, as sklearn's with token_pattern (?u)\b[^\W\d_][\w-]+\b,
 *  lower case and stop words. Python's \b and \w are Unicode-aware, JavaScript's are not, so both are spelled out:
 *  a term starts after a non-word character with a word character that is not a decimal digit or "_", and ends
 *  where a word/non-word boundary is. Any other token pattern is refused (the site then searches by words). */
export function makeAnalyzer({ token_pattern, stop_words = [], lowercase = true }) {
  if (token_pattern !== "(?u)\\b[^\\W\\d_][\\w-]+\\b") throw new Error(`no port of the token pattern ${token_pattern}`);
  const re = new RegExp(`(?<!${W})[\\p{L}\\p{Nl}\\p{No}][\\p{L}\\p{N}_-]+(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`, "gu");
  const stop = new Set(stop_words);
  return (text) => ((lowercase ? String(text ?? "").toLowerCase() : String(text ?? "")).match(re) ?? []).filter((t) => !stop.has(t));
}

/** A little-endian float16 (as two bytes at `o`) as a number. */
export function half(b, o) {
  const bits = b[o] | (b[o + 1] << 8), s = bits & 0x8000 ? -1 : 1, e = (bits >> 10) & 31, f = bits & 1023;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

/** The query's unit vector from its term counts and their query_terms rows [{term, idf, axes: Uint8Array}]; null
 *  when none of its terms is known. */
export function queryVector(counts, rows, dim, sublinear = true) {
  if (!rows.length) return null;
  const v = new Float64Array(dim);
  for (const { term, idf, axes } of rows) {
    const c = counts.get(term) ?? 0;
    if (!c) continue;
    const w = (sublinear ? 1 + Math.log(c) : c) * idf;
    for (let j = 0; j < dim; j++) v[j] += w * half(axes, 2 * j);
  }
  let n = 0; for (let j = 0; j < dim; j++) n += v[j] * v[j];
  if (!(n > 0)) return null;
  n = Math.sqrt(n);
  return Float32Array.from(v, (x) => x / n);
}

/** Term counts of a text, in first-seen order. */
export function termCounts(terms) {
  const m = new Map(); for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1); return m;
}

/** The k rows of `Q` (Int8Array, n × dim; `scale` per row) closest in cosine to unit vector `q`: [{index, score}],
 *  best first, ties by the lower index (map order is paper id order, as query.meaning_search breaks ties). */
export function nearestRows(Q, scale, dim, q, k) {
  const n = scale.length, s = new Float32Array(n);
  for (let i = 0, o = 0; i < n; i++, o += dim) {
    let d = 0; for (let j = 0; j < dim; j++) d += Q[o + j] * q[j];
    s[i] = d * scale[i];
  }
  const order = Array.from({ length: n }, (_, i) => i);
  k = Math.min(k, n);
  // a partial selection would be faster; a full sort of 74k numbers takes ~15 ms, next to the ~30 ms of dot products
  order.sort((a, b) => s[b] - s[a] || a - b);
  return order.slice(0, k).map((i) => ({ index: i, score: s[i] }));
}

export const RRF_K = 60;

/** Reciprocal rank fusion (query.rrf): [[id, score]] best first, ties in order of first appearance. */
export function rrf(rankings, k = RRF_K) {
  const score = new Map();
  for (const r of rankings) r.forEach((id, i) => score.set(id, (score.get(id) ?? 0) + 1 / (k + i + 1)));
  return [...score.entries()].sort((a, b) => b[1] - a[1]);   // a stable sort: ties keep insertion order
}
