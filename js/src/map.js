// The map pane: a canvas of points and an overlay (cluster labels, the focused paper's ring, the selection
// outline), d3-zoom, hover and click. Points are drawn by WebGL2 where the browser has it (glpoints.js: a frame
// costs the same at any devicePixelRatio), else on a 2D canvas (geometry.js rasterize, into an image kept between
// frames); in density mode a grid of counts (density.js) replaces the dots. Labels (which levels at which zoom)
// come from labels.js. Points are coloured as state.colorBy says (colorby.js: clusters, a level, faithfulness,
// year, ...), sized by state.pointScale and drawn at state.opacity.
import { select, pointer } from "d3-selection";
import { zoom, zoomIdentity } from "d3-zoom";
import { h } from "./dom.js";
import { fitBase, toBase, dotSize, rasterize, hitTree, nearestPoint, extent } from "./geometry.js";
import { drawLabels, labelItems, labelTiers, tierStyle } from "./labels.js";
import { tiersOn } from "./levels.js";
import { orderDescending, shuffledOrder } from "./points.js";
import { themeColors } from "./theme.js";
import { colorScheme } from "./colorby.js";
import { createGLPoints, useWebGL } from "./glpoints.js";
import { densityGrid, densityPixels, densityCell } from "./density.js";

/** The map for points P and their clusters' tiers T (levels.js); reads state (transform, mask, hits, selection, focus,
 *  drag, mode, theme, colorBy, pointScale, opacity, density). onHover(i, mx, my) gets the point under the mouse (-1 for
 *  none), onPick(i) a clicked point. children: elements laid over the map; labels keep clear of those with
 *  data-avoid-labels while they are shown. renderer: "auto" (WebGL2 where it runs on a GPU: a software one, such as
 *  SwiftShader on a machine without a GPU, is slower than the canvas), "webgl" (WebGL2 wherever there is one) or "canvas". */
export function createMap({ root, P, T, fields = [], state, height, children = [], onHover, onPick, renderer = "auto" }) {
  let canvas = h("canvas", { class: "lx-canvas" });
  const dens = h("canvas", { class: "lx-density", style: { display: "none" } });
  const overlay = h("canvas", { class: "lx-overlay" });
  const el = h("div", { class: "lx-map", style: { height: `${height}px` } }, canvas, dens, overlay, ...children);
  let gl = useWebGL(renderer) ? createGLPoints(canvas) : null, img = null;
  root.dataset.renderer = gl ? gl.kind : "canvas";
  // a lost WebGL context (the GPU reset, too many contexts open) falls back to a fresh 2D canvas
  canvas.addEventListener("webglcontextlost", (e) => {
    e.preventDefault(); gl = null; img = null;
    const c = h("canvas", { class: "lx-canvas" }); canvas.replaceWith(c); canvas = c;
    root.dataset.renderer = "canvas"; layout(); redraw();
  });
  const bx = new Float32Array(P.n), by = new Float32Array(P.n);   // base pixel positions (before zoom)
  const clusters = T.tiers[0], nTier = T.tiers.map((t) => t.length), widths = new Map();
  let W = 0, H = 0, dpr = 1, palette = null, faithOrder = null, mixed = null, tree = null, treeMask = null, frame = 0, raf = 0;
  // the drawing order: the least faithful last in the faithfulness view; for colourings by a column of the paper
  // (year, field, classification) a fixed shuffle, so no value lies on top everywhere; else the map's own order
  const MIXED = new Set(["year", "field", "classification"]);
  const drawOrder = () => (byFaith() ? faithOrder : MIXED.has(state.colorBy) ? (mixed ??= shuffledOrder(P.n)) : null);
  const byFaith = () => state.colorBy === "faith" && !!P.faith;
  function setPalette() {
    palette = colorScheme(state.colorBy, { P, T, fields, theme: state.theme });
    if (byFaith() && !faithOrder) faithOrder = orderDescending(P.faith);   // the least faithful drawn last, on top
  }
  setPalette();

  function layout() {
    const r = el.getBoundingClientRect();
    W = Math.max(100, r.width | 0); H = Math.max(100, r.height | 0); dpr = window.devicePixelRatio || 1;
    for (const c of [canvas, overlay]) { c.width = W * dpr; c.height = H * dpr; c.style.width = `${W}px`; c.style.height = `${H}px`; }
    Object.assign(dens.style, { width: `${W}px`, height: `${H}px` }); img = null;
    state.base = fitBase(P, W, H, bx, by);
    tree = null;
  }
  const screenX = (i) => state.transform.applyX(bx[i]), screenY = (i) => state.transform.applyY(by[i]);

  function drawDensity() {
    const g = densityGrid({ n: P.n, bx, by, mask: state.mask, emph: state.selection || state.hits || state.spot, transform: state.transform, W, H, cell: densityCell(P.n, W, H) });
    if (dens.width !== g.gw || dens.height !== g.gh) { dens.width = g.gw; dens.height = g.gh; }
    const ctx = dens.getContext("2d"), im = ctx.createImageData(g.gw, g.gh);
    densityPixels(g, themeColors(state.theme).bg, new Uint32Array(im.data.buffer));
    ctx.putImageData(im, 0, 0);
    root.dataset.densityMax = g.max.toFixed(2);
  }
  function drawPoints() {
    const emph = state.selection || state.hits || state.spot, size = Math.max(1, Math.round(dotSize(P.n, state.transform.k, dpr) * (state.pointScale ?? 1)));
    const f = { n: P.n, bx, by, values: palette.values, order: drawOrder(), mask: state.mask, emph,
      colors: palette.colors, dimmed: palette.dimmed, background: palette.background, transform: state.transform, dpr, size, alpha: state.opacity ?? 1 };
    if (gl) { gl.draw(f); if (state.syncFrames) gl.finish(); return; }
    const ctx = canvas.getContext("2d"), w = canvas.width, hh = canvas.height;
    if (!img || img.width !== w || img.height !== hh) img = ctx.createImageData(w, hh);   // kept between frames
    const buf = new Uint32Array(img.data.buffer);
    buf.fill(palette.background);
    rasterize(buf, w, hh, { ...f, cluster: f.values });
    ctx.putImageData(img, 0, 0);
  }

  function draw() {
    const t0 = performance.now();
    const density = !!state.density;
    canvas.style.display = density ? "none" : ""; dens.style.display = density ? "" : "none";
    if (density) drawDensity(); else { drawPoints(); delete root.dataset.densityMax; }
    drawOverlay();
    root.dataset.drawMs = (performance.now() - t0).toFixed(1);
    root.dataset.frames = ++frame;
  }
  const redraw = () => { if (!raf) raf = requestAnimationFrame(() => { raf = 0; draw(); }); };

  function drawOverlay() {
    const ctx = overlay.getContext("2d"), th = themeColors(state.theme), t = state.transform;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0); ctx.clearRect(0, 0, W, H);
    const at = (c) => { const [x, y] = toBase(state.base, c.x, c.y); return [t.applyX(x), t.applyY(y)]; };
    const measure = (text, font) => {   // widths are cached: labels are measured again every frame
      const key = font + "\n" + text;
      if (!widths.has(key)) { ctx.font = font; widths.set(key, ctx.measureText(text).width); }
      return widths.get(key);
    };
    const shown = labelTiers(nTier, t.k, W, H), on = tiersOn(T, state.clusterOn);
    const items = shown.flatMap((ti) => labelItems(T.tiers[ti], on[ti], at, measure, tierStyle(ti, T.top)));
    const box = el.getBoundingClientRect(), avoid = children.filter((c) => "avoidLabels" in c.dataset && c.style.display !== "none")
      .map((c) => { const r = c.getBoundingClientRect(); return { x: r.left - box.left + r.width / 2, y: r.top - box.top + r.height / 2, w: r.width, h: r.height }; });
    const placed = drawLabels(ctx, items, W, H, th, avoid);
    root.dataset.labels = String(placed.length);
    root.dataset.labelTiers = shown.join(" ");
    if (state.focus >= 0 && state.mask[state.focus]) {
      ctx.beginPath(); ctx.arc(screenX(state.focus), screenY(state.focus), 7, 0, 2 * Math.PI);
      ctx.lineWidth = 2; ctx.strokeStyle = th.fg; ctx.stroke();
    }
    const drag = state.drag;
    if (drag && drag.pts.length > 1) {
      ctx.beginPath(); ctx.moveTo(...drag.pts[0]); drag.pts.forEach((p) => ctx.lineTo(...p));
      if (state.mode === "lasso") ctx.closePath();
      ctx.setLineDash([4, 3]); ctx.lineWidth = 1.5; ctx.strokeStyle = th.fg; ctx.stroke(); ctx.setLineDash([]);
      ctx.fillStyle = th.brush; ctx.fill();
    }
  }

  // zoom: pan mode drags and wheels; box and lasso modes keep the wheel
  const z = zoom().scaleExtent([0.5, 4000]).filter((e) => state.mode === "pan" || e.type === "wheel")
    .on("start", () => { if (state.hover >= 0) { state.hover = -1; onHover(-1); } })   // the point under it moves away
    .on("zoom", (e) => { state.transform = e.transform; redraw(); });
  const zsel = select(overlay).call(z).on("dblclick.zoom", null);
  /** Zoom (animated) so that the base-pixel box fills most of the view. */
  function zoomTo(x0, y0, x1, y1, ms = 500) {
    const k = Math.min(4000, 0.85 / Math.max((x1 - x0) / W, (y1 - y0) / H, 1e-6));
    const t = zoomIdentity.translate(W / 2, H / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
    zsel.transition().duration(ms).call(z.transform, t);
  }
  /** Zoom to the papers of the finest clusters `fine` (indices). */
  function zoomToClusters(fine) {
    const inside = new Uint8Array(clusters.length + 1);
    for (const c of fine) inside[c] = 1;
    const b = extent(bx, by, (i) => P.cluster[i] < clusters.length && inside[P.cluster[i]]);
    if (b) zoomTo(...b);
  }
  const centerOn = (i) => zoomTo(bx[i] - 30, by[i] - 30, bx[i] + 30, by[i] + 30);
  const resetView = () => zsel.transition().duration(400).call(z.transform, zoomIdentity);

  // hover and click
  function nearest(mx, my, radius = 8) {
    if (!tree || treeMask !== state.mask) { tree = hitTree(bx, by, state.mask); treeMask = state.mask; }
    const [x, y] = state.transform.invert([mx, my]);
    return nearestPoint(tree, bx, by, x, y, radius / state.transform.k);
  }
  select(overlay).on("mousemove.hover", (e) => {
    if (state.drag) return;
    const [mx, my] = pointer(e, overlay), i = nearest(mx, my);
    if (i !== state.hover) { state.hover = i; onHover(i, mx, my); overlay.style.cursor = i >= 0 ? "pointer" : ""; }
  }).on("mouseleave.hover", () => { state.hover = -1; onHover(-1); })
    .on("click.pick", (e) => {
      if (state.mode !== "pan" || e.defaultPrevented) return;
      const [mx, my] = pointer(e, overlay), i = nearest(mx, my);
      if (i >= 0) onPick(i);
    });

  return {
    el, overlay, layout, draw, redraw, drawOverlay, zoomTo, zoomToClusters, centerOn, resetView, screenX, screenY,
    size: () => [W, H],
    /** Recolour after state.theme or state.colorBy changed. */
    recolor: () => { setPalette(); redraw(); },
    /** What the colours mean (colorby.js's key). */
    colorKey: () => palette.key,
    destroy: () => { cancelAnimationFrame(raf); raf = 0; zsel.interrupt(); },
  };
}
