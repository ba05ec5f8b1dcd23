import test from "node:test";
import assert from "node:assert/strict";
import { densityGrid, densityPixels, densityCell, smooth } from "../src/density.js";
import { packColor } from "../src/theme.js";

const I = { k: 1, x: 0, y: 0 };

test("density counts the shown (and emphasised) papers into screen cells, then smooths them", () => {
  const bx = Float32Array.from([1, 1.5, 9, 50]), by = Float32Array.from([1, 1.2, 9, 50]);
  const g = densityGrid({ n: 4, bx, by, mask: Uint8Array.from([1, 1, 1, 1]), transform: I, W: 20, H: 10, cell: 2 });
  assert.equal(g.gw, 10); assert.equal(g.gh, 5);
  assert.equal(g.papers, 3);   // the fourth is off the view
  const total = g.counts.reduce((a, b) => a + b, 0);
  assert.ok(total > 1 && total <= 3 + 1e-6, total);   // smoothing spreads counts; what spreads past the grid's edge is lost
  assert.ok(g.counts[0] > g.counts[4 * 10 + 4] && g.counts[0] === g.max);   // the two papers in cell 0 make the peak
  const hidden = densityGrid({ n: 4, bx, by, mask: Uint8Array.from([1, 0, 1, 1]), emph: Uint8Array.from([1, 1, 0, 0]), transform: I, W: 20, H: 10, cell: 2 });
  assert.equal(hidden.papers, 1);
  // zoom moves papers between cells
  assert.equal(densityGrid({ n: 4, bx, by, mask: null, transform: { k: 2, x: -10, y: -10 }, W: 20, H: 10, cell: 2 }).papers, 1);
});

test("smoothing keeps the mass inside the grid and spreads a single count to its neighbours", () => {
  const s = smooth(Uint32Array.from([0, 0, 0, 0, 9, 0, 0, 0, 0]), 3, 3);
  const sum = s.reduce((a, b) => a + b, 0); assert.ok(sum > 5 && sum <= 9 + 1e-4, sum);   // only what spreads past the edge is lost
  assert.ok(s[4] > s[1] && s[1] > s[0] && s[0] > 0);
});

test("density colours: background where empty; dense cells dark on a light background, bright on a dark one", () => {
  const g = { counts: Float32Array.from([0, 1, 100]), max: 100 };
  const light = densityPixels(g, "#ffffff"), dark = densityPixels(g, "#111111");
  assert.equal(light[0], packColor("#ffffff")); assert.equal(dark[0], packColor("#111111"));
  const lum = (c) => (c & 255) + ((c >>> 8) & 255) + ((c >>> 16) & 255);
  assert.ok(lum(light[2]) < lum(light[1]) && lum(light[1]) < lum(light[0]));
  assert.ok(lum(dark[2]) > lum(dark[1]));
});

test("the cell grows for small maps, 2 to 8 px", () => {
  assert.equal(densityCell(1_000_000, 1000, 640), 2);
  assert.equal(densityCell(3000, 650, 470), 5);
  assert.equal(densityCell(10, 1000, 640), 8);
});
