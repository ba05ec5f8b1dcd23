// Cluster labels on the map: which levels to label at a zoom, the labels' fonts and line breaks, which labels fit
// (the same greedy rule as Python's image renderer, tested against the shared fixture test/fixtures/place-labels.json)
// and drawing them with fillText. All pure but drawLabels, which draws on a 2D context it is given.
import { plainTeX } from "./tex.js";

/** Greedy label placement without overlaps. items: [{x, y, w, h, ...}] in screen px, most important first.
 *  An item's box is w×h centred on (x, y), grown by `pad` on every side; it is skipped when the box leaves
 *  [0, width]×[0, height] or overlaps (strictly) a box already placed. Returns the placed items with their box `r`. */
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

export const LABEL_FONT = "600 12px system-ui, sans-serif";   // the finest level's (and a map without levels')
export const LABEL_HEIGHT = 14;                               // its line height
export const WRAP_AT = 24;                                    // labels longer than this go on two lines

/** The label style of tier t (0 = finest) of a map whose coarsest tier is `top`: the finest 12 px semibold, the
 *  coarsest 16 px bold, any level between 14 px semibold; lineHeight is the font size + 2. */
export function tierStyle(t, top) {
  const [size, weight] = t === 0 || top === 0 ? [12, 600] : t === top ? [16, 700] : [14, 600];
  return { font: `${weight} ${size}px system-ui, sans-serif`, lineHeight: size + 2 };
}

/** Screen px² a cluster needs, on average, before its level is labelled: about a 170 px square per cluster. */
export const LABEL_ROOM = 30_000;

/** Which tiers to label at zoom k in a W×H view, coarsest first. n: clusters per tier, finest first.
 *  The rule: at zoom k the map spreads over about W·H·k² screen px², so tier t's clusters get W·H·k²/n[t] px² each.
 *  The "detail" tier is the finest one whose clusters get at least `room` each (the coarsest when none does); its
 *  labels are drawn, under the labels of the tier just above it (bigger, placed first) for context. Zoomed out that is
 *  the coarsest tier alone; zooming in brings in finer tiers as they get room, and the coarser ones beyond the
 *  context tier go. A map with one tier labels it at any zoom (as before levels). */
export function labelTiers(n, k, W, H, room = LABEL_ROOM) {
  const top = n.length - 1, area = W * H * k * k;
  let d = top;
  for (let t = 0; t < top; t++) if (n[t] * room <= area) { d = t; break; }
  return d < top ? [d + 1, d] : [top];
}

/** The zoom from which tier t (not the coarsest) is labelled under `labelTiers`' rule. */
export const tierZoom = (nt, W, H, room = LABEL_ROOM) => Math.sqrt((nt * room) / (W * H));

const NO_LINE_START = /[·•–—\-:;,.)\]}|/&]/;   // a line never starts with a separator ("a ·|b", not "a|· b")

/** A label's lines: one line up to `max` characters, else two, broken at the space that makes the longer line
 *  shortest, never before a separator such as "·" (a label without such a space stays one line). Never shortened. */
export function wrapLabel(text, max = WRAP_AT) {
  if (text.length <= max) return [text];
  let best = -1, len = Infinity;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== " " || NO_LINE_START.test(text[i + 1] ?? "")) continue;
    const l = Math.max(i, text.length - i - 1);
    if (l < len) { len = l; best = i; }
  }
  return best < 0 ? [text] : [text.slice(0, best), text.slice(best + 1)];
}

/** A tier's label candidates in screen px, largest cluster first. on[i]: whether cluster i of the tier is shown;
 *  at(c) gives a cluster's screen position, measure(text, font) a line's width; style from tierStyle.
 *  Labels are plain text (TeX as Unicode, see tex.js), wrapped by wrapLabel; h is lines × lineHeight. */
export function labelItems(clusters, on, at, measure, style = { font: LABEL_FONT, lineHeight: LABEL_HEIGHT }) {
  const items = [];
  clusters.forEach((c, i) => {
    if (!on[i] || c.cluster_id < 0 || c.x == null) return;
    const [x, y] = at(c), label = plainTeX(c.cluster_label) || `Cluster ${c.cluster_id}`, lines = wrapLabel(label);
    items.push({ x, y, w: Math.max(...lines.map((l) => measure(l, style.font))), h: lines.length * style.lineHeight,
      label, lines, font: style.font, lineHeight: style.lineHeight, c });
  });
  return items.sort((a, b) => (b.c.count ?? 0) - (a.c.count ?? 0));   // stable: equal counts keep their order
}

/** Place the labels (items most important first) and draw those that fit on a 2D context (CSS px), with a halo;
 *  returns the placed items. `avoid`: boxes {x, y, w, h} (centre and size) over the map that labels must not
 *  overlap (e.g. a colour key), placed first and not drawn. */
export function drawLabels(ctx, items, W, H, th, avoid = []) {
  ctx.textAlign = "center"; ctx.textBaseline = "middle"; ctx.lineJoin = "round";
  const placed = placeLabels([...avoid.map((b) => ({ ...b, avoid: true })), ...items], W, H).filter((it) => !it.avoid);
  for (const it of placed) {
    ctx.font = it.font;
    it.lines.forEach((line, k) => {
      const y = it.y + (k - (it.lines.length - 1) / 2) * it.lineHeight;
      ctx.lineWidth = 3; ctx.strokeStyle = th.halo; ctx.strokeText(line, it.x, y);
      ctx.fillStyle = th.fg; ctx.fillText(line, it.x, y);
    });
  }
  return placed;
}
