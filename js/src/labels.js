// Cluster labels on the map: which ones fit (pure, the same rule as Python's image renderer, tested against
// the shared fixture test/fixtures/place-labels.json) and drawing them with fillText.

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

export const LABEL_FONT = "600 12px system-ui, sans-serif";
export const LABEL_HEIGHT = 14;

/** The shown clusters' label candidates in screen px, in the clusters' order (largest first).
 *  at(c) gives a cluster's screen position, measure(text) a label's width. */
export function labelItems(clusters, clusterOn, at, measure) {
  const items = [];
  clusters.forEach((c, i) => {
    if (!clusterOn[i] || c.cluster_id < 0 || c.x == null) return;
    const [x, y] = at(c), label = c.cluster_label || `Cluster ${c.cluster_id}`;
    items.push({ x, y, w: measure(label), h: LABEL_HEIGHT, label, c });
  });
  return items;
}

/** Draw the labels that fit on a 2D context (CSS px) with a halo; returns how many were drawn. */
export function drawLabels(ctx, clusters, clusterOn, at, W, H, th) {
  ctx.font = LABEL_FONT; ctx.textAlign = "center"; ctx.textBaseline = "middle";
  const placed = placeLabels(labelItems(clusters, clusterOn, at, (t) => ctx.measureText(t).width), W, H);
  for (const it of placed) {
    ctx.lineWidth = 3; ctx.strokeStyle = th.halo; ctx.strokeText(it.label, it.x, it.y);
    ctx.fillStyle = th.fg; ctx.fillText(it.label, it.x, it.y);
  }
  return placed.length;
}
