// Decoding the binary map and small pure helpers (no DOM), shared by the widget and the static site.

export const MAGIC = "LXMAP1";
export const YEAR_BASE = 1900;

/** Decode the packed map: magic (8 bytes), n (uint32), x, y (float32), cluster (uint16), year, flags (uint8). */
export function decodePoints(view) {
  const bytes = view instanceof ArrayBuffer ? new Uint8Array(view)
    : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 6));
  if (magic !== MAGIC) throw new Error("not a laion-explorer map blob");
  const n = new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0, true);
  let off = 12;
  // copy each column into its own aligned buffer (the blob may sit at any offset)
  const take = (Type, count) => {
    const size = count * Type.BYTES_PER_ELEMENT;
    const out = new Type(bytes.slice(off, off + size).buffer);
    off += size;
    return out;
  };
  const x = take(Float32Array, n), y = take(Float32Array, n);
  const cluster = take(Uint16Array, n), year = take(Uint8Array, n), flags = take(Uint8Array, n);
  return { n, x, y, cluster, year, flags };
}

/** "#rrggbb" -> 0xAABBGGRR (the byte order of ImageData on little-endian machines), mixed toward `bg` by `fade`. */
export function packColor(hex, bg = "#ffffff", fade = 0) {
  const p = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [r, g, b] = p(hex), [R, G, B] = p(bg);
  const m = (c, C) => Math.round(c * (1 - fade) + C * fade);
  return ((255 << 24) | (m(b, B) << 16) | (m(g, G) << 8) | m(r, R)) >>> 0;
}

/** Which points pass the filters: returns a Uint8Array of 0/1. */
export function visibleMask(pts, { clusterOn, yearMin, yearMax, classification, fieldMask }) {
  const { n, cluster, year, flags } = pts, out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (clusterOn && !clusterOn[cluster[i]]) continue;
    const y = year[i];  // 0 = unknown year: never hidden by the year range
    if (y && ((yearMin && y + YEAR_BASE < yearMin) || (yearMax && y + YEAR_BASE > yearMax))) continue;
    if (classification === "FULL_TEXT" && !(flags[i] & 1)) continue;
    if (classification === "PARTIAL_TEXT" && (flags[i] & 1)) continue;
    if (fieldMask && !fieldMask[i]) continue;
    out[i] = 1;
  }
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

/** Greedy, largest-first label placement without overlaps. items: [{x, y, w, h, ...}] in screen px. */
export function placeLabels(items, width, height, pad = 2) {
  const placed = [];
  for (const it of items) {
    const r = { x0: it.x - it.w / 2 - pad, y0: it.y - it.h / 2 - pad, x1: it.x + it.w / 2 + pad, y1: it.y + it.h / 2 + pad };
    if (r.x0 < 0 || r.y0 < 0 || r.x1 > width || r.y1 > height) continue;
    if (placed.some((q) => r.x0 < q.r.x1 && q.r.x0 < r.x1 && r.y0 < q.r.y1 && q.r.y0 < r.y1)) continue;
    placed.push({ ...it, r });
  }
  return placed;
}
