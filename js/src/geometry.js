// Map geometry, pure (no DOM): fitting data coordinates into the canvas ("base" pixels, before zoom), the dot
// size, drawing dots into an ImageData buffer, and finding the point under the mouse.
import { quadtree } from "d3-quadtree";

/** Fit the points into a W×H box with `pad` px margins, keeping the aspect ratio and putting +y up. Fills
 *  bx, by (Float32Array(n)) with each point's base pixel position; returns the fit {x0, y0, s, ox, oy, H}. */
export function fitBase(P, W, H, bx, by, pad = 24) {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < P.n; i++) { const x = P.x[i], y = P.y[i]; if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y; }
  const s = Math.min((W - 2 * pad) / (x1 - x0 || 1), (H - 2 * pad) / (y1 - y0 || 1));
  const ox = (W - s * (x1 - x0)) / 2, oy = (H - s * (y1 - y0)) / 2;
  for (let i = 0; i < P.n; i++) { bx[i] = ox + (P.x[i] - x0) * s; by[i] = H - (oy + (P.y[i] - y0) * s); }
  return { x0, y0, s, ox, oy, H };
}

/** A data position (a cluster's centre) in base pixels under a fit. */
export const toBase = (fit, x, y) => [fit.ox + (x - fit.x0) * fit.s, fit.H - (fit.oy + (y - fit.y0) * fit.s)];

/** Dot size in device pixels: bigger for fewer points and when zoomed in (k), 1 to 6. */
export function dotSize(n, k, dpr) {
  const base = n < 50_000 ? 2 : n < 400_000 ? 1.5 : 1;
  return Math.max(1, Math.min(6, Math.round((base + Math.log2(Math.max(k, 1)) * 0.6) * dpr)));
}

/** Draw the shown points (mask) as squares into `buf` (a Uint32Array over w×h ImageData), under the zoom {k, x, y}.
 *  A point's colour is colors[cluster[i]] (the last entry for values past it). With `emph` (search hits or a
 *  selection) the others are drawn dimmed first, the emphasised ones bigger on top. `order` (optional): the indices
 *  in drawing order, later ones on top (default: 0 to n - 1). alpha < 1: each dot is blended over what is under it
 *  (so overlapping dots build up). */
export function rasterize(buf, w, h, { n, bx, by, cluster, mask, emph, colors, dimmed, transform, dpr, size, order, alpha = 1 }) {
  const { k, x: tx, y: ty } = transform, nC = colors.length - 1, a = Math.round(Math.max(0, Math.min(1, alpha)) * 256), b = 256 - a;
  const mix = (d, c) => ((((c & 0xff) * a + (d & 0xff) * b) >> 8) | (((((c >>> 8) & 0xff) * a + ((d >>> 8) & 0xff) * b) >> 8) << 8)
    | (((((c >>> 16) & 0xff) * a + ((d >>> 16) & 0xff) * b) >> 8) << 16) | (0xff << 24)) >>> 0;
  const put = (i, col, sz) => {
    const sx = ((k * bx[i] + tx) * dpr) | 0, sy = ((k * by[i] + ty) * dpr) | 0;
    if (sx < 0 || sy < 0 || sx + sz > w || sy + sz > h) return;
    if (b === 0) { for (let dy = 0; dy < sz; dy++) { const row = (sy + dy) * w + sx; for (let dx = 0; dx < sz; dx++) buf[row + dx] = col; } return; }
    for (let dy = 0; dy < sz; dy++) { const row = (sy + dy) * w + sx; for (let dx = 0; dx < sz; dx++) buf[row + dx] = mix(buf[row + dx], col); }
  };
  const ci = (i) => (cluster[i] < nC ? cluster[i] : nC);
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < n; j++) {
      const i = order ? order[j] : j;
      if (!mask[i]) continue;
      const on = !emph || emph[i];
      if (pass === 0 && emph && !on) put(i, dimmed[ci(i)], size);
      else if (pass === 1 && on) put(i, colors[ci(i)], emph ? size + dpr : size);
    }
  }
}

/** A quadtree of the shown points' indices, by base position. */
export function hitTree(bx, by, mask) {
  const shown = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) shown.push(i);
  return quadtree().x((i) => bx[i]).y((i) => by[i]).addAll(shown);
}

/** The index of the nearest point to base position (x, y) within radius r, or -1. */
export function nearestPoint(tree, bx, by, x, y, r) {
  let best = -1, bd = r * r;
  tree.visit((node, x0, y0, x1, y1) => {
    if (!node.length) { do { const i = node.data, d = (bx[i] - x) ** 2 + (by[i] - y) ** 2; if (d < bd) { bd = d; best = i; } } while ((node = node.next)); }
    return x0 > x + r || x1 < x - r || y0 > y + r || y1 < y - r;
  });
  return best;
}

/** The base-pixel bounding box [x0, y0, x1, y1] of the points for which keep(i) holds, or null if none. */
export function extent(bx, by, keep) {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < bx.length; i++) if (keep(i)) { x0 = Math.min(x0, bx[i]); x1 = Math.max(x1, bx[i]); y0 = Math.min(y0, by[i]); y1 = Math.max(y1, by[i]); }
  return x0 < Infinity ? [x0, y0, x1, y1] : null;
}
