import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { placeLabels, labelItems, LABEL_HEIGHT } from "../src/labels.js";

const F = JSON.parse(readFileSync(new URL("fixtures/place-labels.json", import.meta.url), "utf8"));

test("placeLabels: the shared fixture (the Python renderer checks the same file)", () => {
  const placed = placeLabels(F.items.map((it, k) => ({ ...it, k })), F.width, F.height, F.pad);
  assert.deepEqual(placed.map((p) => p.k), F.placed);
  const p0 = placed[0];
  assert.deepEqual(p0.r, { x0: 28, y0: 41, x1: 72, y1: 59 });
});

test("placeLabels: pad defaults to 2; nothing fits in a canvas smaller than a label", () => {
  assert.deepEqual(placeLabels([{ x: 5, y: 5, w: 6, h: 6 }], 10, 10).length, 1);   // 0..10 exactly
  assert.deepEqual(placeLabels([{ x: 5, y: 5, w: 6.5, h: 6 }], 10, 10).length, 0);
  assert.deepEqual(placeLabels([], 10, 10), []);
});

test("labelItems: shown, clustered clusters with a centre, in order, with a default label", () => {
  const clusters = [{ cluster_id: 3, cluster_label: "Stars", x: 1, y: 2 }, { cluster_id: -1, cluster_label: "noise", x: 0, y: 0 },
    { cluster_id: 4, cluster_label: "", x: 5, y: 6 }, { cluster_id: 5, cluster_label: "hidden", x: 1, y: 1 }, { cluster_id: 6, x: null, y: null }];
  const items = labelItems(clusters, [1, 1, 1, 0, 1], (c) => [c.x * 10, c.y * 10], (t) => t.length);
  assert.deepEqual(items.map(({ x, y, w, h, label }) => ({ x, y, w, h, label })),
    [{ x: 10, y: 20, w: 5, h: LABEL_HEIGHT, label: "Stars" }, { x: 50, y: 60, w: 9, h: LABEL_HEIGHT, label: "Cluster 4" }]);
});
