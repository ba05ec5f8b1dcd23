import { test } from "node:test";
import assert from "node:assert/strict";
import { fitBase, toBase, dotSize, rasterize, hitTree, nearestPoint, extent } from "../src/geometry.js";

const P = { n: 3, x: new Float32Array([0, 10, 5]), y: new Float32Array([0, 5, 2.5]), cluster: new Uint16Array([0, 1, 0xFFFF]) };

test("fitBase: keeps the aspect ratio, centres, puts +y up", () => {
  const bx = new Float32Array(3), by = new Float32Array(3);
  const fit = fitBase(P, 120, 100, bx, by, 10);   // x range 10 into 100 px, y range 5 into 80 px: scale 10
  assert.equal(fit.s, 10);
  assert.deepEqual(Array.from(bx), [10, 110, 60]);
  assert.deepEqual(Array.from(by), [75, 25, 50]);
  assert.deepEqual(toBase(fit, 10, 5), [110, 25]);
});

test("fitBase: a single point or a line does not divide by zero", () => {
  const bx = new Float32Array(1), by = new Float32Array(1);
  fitBase({ n: 1, x: [3], y: [4] }, 100, 100, bx, by);
  assert.deepEqual([bx[0], by[0]], [50, 50]);
});

test("dotSize: fewer points and zooming in give bigger dots, 1 to 6 device px", () => {
  assert.equal(dotSize(1000, 1, 1), 2);
  assert.equal(dotSize(1_000_000, 1, 1), 1);
  assert.equal(dotSize(1000, 1, 2), 4);
  assert.equal(dotSize(1000, 2 ** 20, 2), 6);
  assert.ok(dotSize(100_000, 16, 1) > dotSize(100_000, 1, 1));
});

test("rasterize: squares in cluster colours; emphasised points bigger, the rest dimmed; off-canvas skipped", () => {
  const w = 8, h = 4, buf = new Uint32Array(w * h);
  const base = { n: 3, bx: new Float32Array([1, 5, 20]), by: new Float32Array([1, 1, 1]), cluster: P.cluster,
    mask: new Uint8Array([1, 1, 1]), colors: new Uint32Array([11, 22, 99]), dimmed: new Uint32Array([1, 2, 9]),
    transform: { k: 1, x: 0, y: 0 }, dpr: 1, size: 1 };
  rasterize(buf, w, h, base);
  assert.equal(buf[1 * w + 1], 11); assert.equal(buf[1 * w + 5], 22);
  assert.equal(buf.filter((v) => v).length, 2);   // the third point lies outside the 8 px canvas
  buf.fill(0);
  rasterize(buf, w, h, { ...base, emph: new Uint8Array([0, 1, 0]) });
  assert.equal(buf[1 * w + 1], 1);                                     // dimmed
  assert.deepEqual([buf[w + 5], buf[w + 6], buf[2 * w + 5], buf[2 * w + 6]], [22, 22, 22, 22]);   // size + dpr
  buf.fill(0);
  rasterize(buf, w, h, { ...base, mask: new Uint8Array([0, 1, 0]), transform: { k: 1, x: 1, y: 1 } });
  assert.equal(buf[2 * w + 6], 22); assert.equal(buf.filter((v) => v).length, 1);
});

test("rasterize: `order` sets which point is drawn on top; faith values index a 257-colour scale", () => {
  const w = 4, h = 2, buf = new Uint32Array(w * h);
  const two = { n: 2, bx: new Float32Array([1, 1]), by: new Float32Array([1, 1]), mask: new Uint8Array([1, 1]),
    transform: { k: 1, x: 0, y: 0 }, dpr: 1, size: 1 };
  const colors = Uint32Array.from({ length: 257 }, (_, v) => 1000 + v), faith = new Uint8Array([200, 3]);
  rasterize(buf, w, h, { ...two, cluster: faith, colors, dimmed: colors });
  assert.equal(buf[w + 1], 1003);                              // index order: the last point on top
  rasterize(buf, w, h, { ...two, cluster: faith, colors, dimmed: colors, order: new Uint32Array([1, 0]) });
  assert.equal(buf[w + 1], 1200);
});

test("hitTree and nearestPoint: the closest shown point within the radius", () => {
  const bx = new Float32Array([0, 10, 11, 50]), by = new Float32Array([0, 10, 10, 50]);
  const tree = hitTree(bx, by, new Uint8Array([1, 1, 0, 1]));
  assert.equal(nearestPoint(tree, bx, by, 11, 10, 3), 1);   // 2 is closer but hidden
  assert.equal(nearestPoint(tree, bx, by, 1, 1, 3), 0);
  assert.equal(nearestPoint(tree, bx, by, 30, 30, 3), -1);
});

test("extent: the bounding box of the points kept, or null", () => {
  const bx = new Float32Array([0, 10, 4]), by = new Float32Array([5, 1, 9]);
  assert.deepEqual(extent(bx, by, (i) => i > 0), [4, 1, 10, 9]);
  assert.equal(extent(bx, by, () => false), null);
});

test("rasterize: with alpha < 1 a dot is blended over what lies under it, so overlaps build up", () => {
  const w = 2, h = 1, buf = new Uint32Array(w * h).fill(0xffffffff);   // white
  const black = 0xff000000, one = { n: 1, bx: new Float32Array([0]), by: new Float32Array([0]), cluster: new Uint16Array([0]),
    mask: new Uint8Array([1]), colors: new Uint32Array([black, black]), dimmed: new Uint32Array([black, black]), transform: { k: 1, x: 0, y: 0 }, dpr: 1, size: 1 };
  rasterize(buf, w, h, { ...one, alpha: 0.5 });
  assert.equal(buf[0] & 0xff, 127); assert.equal(buf[0] >>> 24, 255);   // half way to black, opaque
  rasterize(buf, w, h, { ...one, alpha: 0.5 });
  assert.equal(buf[0] & 0xff, 63);                                     // a second dot on top: darker
  assert.equal(buf[1], 0xffffffff);
  rasterize(buf, w, h, { ...one, alpha: 1 });
  assert.equal(buf[0], black);
});
