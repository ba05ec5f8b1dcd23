import { test } from "node:test";
import assert from "node:assert/strict";
import { boxPath, pointsInside } from "../src/selection.js";

const xs = [1, 5, 9, 5, 5], ys = [1, 5, 9, 1, 9];
const sx = (i) => xs[i], sy = (i) => ys[i];

test("pointsInside: a box takes its bounding box, shown points only", () => {
  const box = boxPath([0, 0], [6, 6]);
  assert.deepEqual(box, [[0, 0], [6, 0], [6, 6], [0, 6], [0, 0]]);
  assert.deepEqual(pointsInside(box, 5, new Uint8Array([1, 1, 1, 1, 1]), sx, sy, true), [0, 1, 3]);
  assert.deepEqual(pointsInside(box, 5, new Uint8Array([1, 0, 1, 1, 1]), sx, sy, true), [0, 3]);
});

test("pointsInside: a lasso takes the polygon, not its bounding box", () => {
  const triangle = [[0, 0], [10, 0], [0, 10]];   // holds (1,1), (5,1); not (5,5) on its edge... nor (9,9)
  assert.deepEqual(pointsInside(triangle, 5, new Uint8Array(5).fill(1), sx, sy, false), [0, 3]);
});
