// The map's columns: decoding them from Arrow IPC bytes, and the pure questions the UI asks of them (no DOM).
import { tableFromIPC } from "@uwdata/flechette";

export const YEAR_BASE = 1900;     // year column: year - YEAR_BASE, 0 = unknown
export const FULL_TEXT = 1;        // flags bit 0: the paper was summarised from its full text
export const NO_CLUSTER = 0xFFFF;  // cluster column: not in the clusters list

/** The columns decodePoints returns, with the typed array each one becomes; those in OPTIONAL may be absent. */
export const COLUMNS = { x: Float32Array, y: Float32Array, z: Float32Array, cluster: Uint16Array,
  year: Uint8Array, flags: Uint8Array, field: Uint16Array, faith: Uint8Array };
/** z: the third map coordinate; faith: per paper, round(255 × share of its 15 nearest papers in embedding space that
 *  are also among its 15 nearest on the map) (maps made before it was measured have none). */
export const OPTIONAL = new Set(["z", "faith"]);

/** Decode the map from an Arrow IPC stream (ArrayBuffer, Uint8Array or DataView) into typed arrays:
 *  `{n, x, y, z?, cluster, year, flags, field, faith?}`. Columns are views of the bytes where the types allow.
 *  With `ids`, also `id`: each paper's id in map order (Float64Array), which the static site looks search hits
 *  up in (static-host.js's `positionOf`); the widget does without. */
export function decodePoints(data, { ids = false } = {}) {
  let bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.byteOffset % 8) bytes = bytes.slice();   // Arrow aligns buffers to 8 bytes from the stream's start
  const table = tableFromIPC(bytes);
  const out = { n: table.numRows };
  for (const [name, Type] of Object.entries(COLUMNS)) {
    const col = table.getChild(name);
    if (!col) {
      if (OPTIONAL.has(name)) continue;
      throw new Error(`map: no column "${name}" (columns: ${table.names.join(", ")})`);
    }
    const a = col.toArray();   // a typed array, or a plain Array when there are nulls or several batches of another type
    out[name] = a instanceof Type ? a : Type.from(a, (v) => Number(v ?? 0));
  }
  const id = ids ? table.getChild("id") : null;
  const a = id?.toArray();   // int64 as numbers (exact below 2^53): flechette's Float64Array, kept as it is
  if (id) out.id = a instanceof Float64Array ? a : Float64Array.from(a, (v) => Number(v ?? NaN));
  return out;
}

/** Which points pass the filters: a Uint8Array of 0/1. `field` is an index into the fields list (-1 or null: all). */
export function visibleMask(pts, { clusterOn, yearMin, yearMax, classification, field = -1 }) {
  const { n, cluster, year, flags } = pts, out = new Uint8Array(n);
  const fieldOn = field != null && field >= 0;
  for (let i = 0; i < n; i++) {
    if (clusterOn && !clusterOn[cluster[i]]) continue;
    const y = year[i];  // 0 = unknown year: never hidden by the year range
    if (y && ((yearMin && y + YEAR_BASE < yearMin) || (yearMax && y + YEAR_BASE > yearMax))) continue;
    if (classification === "FULL_TEXT" && !(flags[i] & FULL_TEXT)) continue;
    if (classification === "PARTIAL_TEXT" && (flags[i] & FULL_TEXT)) continue;
    if (fieldOn && pts.field[i] !== field) continue;
    out[i] = 1;
  }
  return out;
}

/** The papers the views follow: the shown ones (mask) that are selected, else search hits, else highlighted (a
 *  legend entry), else every shown one. Returns {mask, what} (what: "" when it is every shown paper). */
export function focusMask(P, state) {
  const on = state.selection || state.hits || state.spot;
  if (!on) return { mask: state.mask, what: "" };
  const out = new Uint8Array(P.n);
  for (let i = 0; i < P.n; i++) out[i] = on[i] && (!state.mask || state.mask[i]) ? 1 : 0;
  return { mask: out, what: state.selection ? "selected" : state.hits ? "search hits" : `papers of ${state.spotName}` };
}

/** Papers per field among those in mask: a Uint32Array indexed like the fields list. */
export function fieldCounts(pts, mask, nFields) {
  const out = new Uint32Array(nFields);
  for (let i = 0; i < pts.n; i++) if ((!mask || mask[i]) && pts.field[i] < nFields) out[pts.field[i]]++;
  return out;
}

/** A fixed pseudo-random order of 0..n-1 (Fisher-Yates on a seeded xorshift): drawing in it, no category is on top
 *  everywhere because its papers come last in the file (colour by year would otherwise bury the older years). */
export function shuffledOrder(n, seed = 1) {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  let x = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    const j = x % (i + 1), t = out[i]; out[i] = out[j]; out[j] = t;
  }
  return out;
}

/** How many entries of a 0/1 array are set (0 for null). */
export const countSet = (a) => { let k = 0; if (a) for (let i = 0; i < a.length; i++) k += a[i]; return k; };

/** Papers per cluster among the shown ones: a Uint32Array indexed like the clusters list. */
export function clusterCounts(pts, mask, nClusters) {
  const out = new Uint32Array(nClusters);
  for (let i = 0; i < pts.n; i++) if ((!mask || mask[i]) && pts.cluster[i] < nClusters) out[pts.cluster[i]]++;
  return out;
}

/** Papers per cluster per year, from the columns: Map(clusterIndex -> Map(year -> count)). */
export function clusterYearCounts(pts, mask) {
  const out = new Map();
  for (let i = 0; i < pts.n; i++) {
    if (mask && !mask[i] || !pts.year[i]) continue;
    const c = pts.cluster[i], y = pts.year[i] + YEAR_BASE;
    if (!out.has(c)) out.set(c, new Map());
    const m = out.get(c); m.set(y, (m.get(y) || 0) + 1);
  }
  return out;
}

/** The distinct known years, ascending. */
export const knownYears = (pts) => [...new Set(pts.year)].filter((y) => y).map((y) => y + YEAR_BASE).sort((a, b) => a - b);

/** Indices 0..n-1 ordered by a uint8 column, largest first (a counting sort, stable): with `rasterize`'s order the
 *  smallest values are drawn last, on top (the papers the map places worst stand out in the faithfulness view). */
export function orderDescending(values) {
  const start = new Uint32Array(257), out = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) start[256 - values[i]]++;   // bucket 1 holds 255, bucket 256 holds 0
  for (let b = 1; b < 257; b++) start[b] += start[b - 1];
  for (let i = 0; i < values.length; i++) out[start[255 - values[i]]++] = i;
  return out;
}
