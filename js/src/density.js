// Density mode: where thousands of papers overlap, dots hide how many there are; counting them into a grid of
// small screen cells and colouring the counts on a log scale (the sequential scale, zero left as background)
// shows the structure inside a crowded island. Counts follow the emphasis: with a search or selection, the
// density of those papers. The grid is a few hundred thousand cells, counted in one pass over the points, so it
// is redrawn every frame like the dots. Pure (no DOM).
import { sequentialColor } from "./colorby.js";
import { packColor } from "./theme.js";

export const DENSITY_CELL = 2;   // css px a cell, at the least

/** The cell size for n papers in a W×H view: about a quarter of the spacing the papers would have if spread
 *  evenly (a small map gets bigger cells, or its density is a scatter of single papers), 2 to 8 css px. */
export const densityCell = (n, W, H) => Math.max(DENSITY_CELL, Math.min(8, Math.round(Math.sqrt((W * H) / Math.max(1, n)) / 2)));

/** Smooth a gw×gh grid with a 3×3 box filter, twice (close to a small Gaussian): Float32Array. */
export function smooth(counts, gw, gh) {
  let a = Float32Array.from(counts), b = new Float32Array(a.length);
  for (let pass = 0; pass < 2; pass++) {
    for (let y = 0; y < gh; y++) for (let x = 0; x < gw; x++) {   // rows
      const j = y * gw + x; b[j] = (a[j] + (x > 0 ? a[j - 1] : 0) + (x < gw - 1 ? a[j + 1] : 0)) / 3;
    }
    for (let y = 0; y < gh; y++) for (let x = 0; x < gw; x++) {   // columns
      const j = y * gw + x; a[j] = (b[j] + (y > 0 ? b[j - gw] : 0) + (y < gh - 1 ? b[j + gw] : 0)) / 3;
    }
  }
  return a;
}

/** Count the shown points (mask; and emph where given) into cells of `cell` css px over a W×H view under the
 *  zoom {k, x, y}, then smooth them: {counts (Float32Array gw*gh, row-major from the top left), gw, gh, max, papers}. */
export function densityGrid({ n, bx, by, mask, emph, transform, W, H, cell = DENSITY_CELL }) {
  const gw = Math.max(1, Math.ceil(W / cell)), gh = Math.max(1, Math.ceil(H / cell)), counts = new Uint32Array(gw * gh);
  const { k, x: tx, y: ty } = transform, s = 1 / cell;
  let max = 0;
  for (let i = 0; i < n; i++) {
    if ((mask && !mask[i]) || (emph && !emph[i])) continue;
    const cx = Math.floor((k * bx[i] + tx) * s), cy = Math.floor((k * by[i] + ty) * s);
    if (cx < 0 || cy < 0 || cx >= gw || cy >= gh) continue;
    counts[cy * gw + cx]++;
  }
  let papers = 0;
  for (let j = 0; j < counts.length; j++) papers += counts[j];
  const sm = smooth(counts, gw, gh);
  for (let j = 0; j < sm.length; j++) if (sm[j] > max) max = sm[j];
  return { counts: sm, gw, gh, max, papers };
}

/** The colour of each count, 0xAABBGGRR: background where none, else the sequential scale at log(1 + c) / log(1 +
 *  max), blended over the background (so one paper is faint and the densest cell full colour). On a light
 *  background the scale runs the other way (dense is dark), on a dark one dense is bright. */
export function densityPixels({ counts, max }, background = "#ffffff", out = new Uint32Array(counts.length)) {
  const bg = packColor(background), lut = new Uint32Array(256), top = Math.log1p(Math.max(1e-3, max));
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16)), light = 0.299 * r + 0.587 * g + 0.114 * b > 128;
  for (let v = 0; v < 256; v++) lut[v] = packColor(sequentialColor(light ? 1 - v / 255 : v / 255), background, 0.85 * (1 - v / 255) ** 2);
  for (let j = 0; j < counts.length; j++) {
    const c = counts[j];
    out[j] = c > 1e-3 ? lut[Math.min(255, Math.round(255 * Math.log1p(c) / top))] : bg;
  }
  return out;
}
