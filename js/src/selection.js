// Box and lasso selection: in box or lasso mode, dragging on the map outlines an area (state.drag, drawn by
// the map's overlay); on release the shown points inside are selected.
import { select, pointer } from "d3-selection";
import { polygonContains } from "d3-polygon";

/** The closed outline of the box from corner p0 to corner p. */
export const boxPath = (p0, p) => [p0, [p[0], p0[1]], p, [p0[0], p[1]], p0];

/** Indices of the shown points (mask) whose screen position (sx(i), sy(i)) lies inside the outline `poly`;
 *  with box = true its bounding box is enough. */
export function pointsInside(poly, n, mask, sx, sy, box = false) {
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys), out = [];
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    const x = sx(i), y = sy(i);
    if (x < x0 || x > x1 || y < y0 || y > y1) continue;
    if (box || polygonContains(poly, [x, y])) out.push(i);
  }
  return out;
}

/** Listen for drags on the map's overlay; onSelect(indices) on release. Returns {destroy}. */
export function createSelection({ map, P, state, onSelect }) {
  const overlay = map.overlay;
  select(overlay).on("mousedown.select", (e) => {
    if (state.mode === "pan") return;
    e.preventDefault(); state.drag = { pts: [pointer(e, overlay)] };
  });
  const ns = `lx${Math.random().toString(36).slice(2)}`;   // this instance's window listeners, removed on destroy
  select(window).on(`mousemove.${ns}`, (e) => {
    const drag = state.drag;
    if (!drag) return;
    const p = pointer(e, overlay);
    if (state.mode === "box") drag.pts = boxPath(drag.pts[0], p); else drag.pts.push(p);
    map.drawOverlay();
  }).on(`mouseup.${ns}`, () => {
    if (!state.drag) return;
    const poly = state.drag.pts; state.drag = null;
    onSelect(pointsInside(poly, P.n, state.mask, map.screenX, map.screenY, state.mode === "box"));
  });
  return { destroy: () => select(window).on(`.${ns}`, null) };
}
