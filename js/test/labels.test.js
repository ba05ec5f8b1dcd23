import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { placeLabels, drawLabels, labelItems, labelTiers, tierZoom, tierStyle, wrapLabel, LABEL_HEIGHT, LABEL_FONT, LABEL_ROOM, WRAP_AT } from "../src/labels.js";

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

test("labelItems: TeX as Unicode, long labels on two lines (h grows, never cut), largest cluster first", () => {
  const clusters = [{ cluster_id: 1, cluster_label: "$\\alpha$-decay", count: 5, x: 0, y: 0 },
    { cluster_id: 2, cluster_label: "Quantum error correction with surface codes", count: 9, x: 1, y: 1 }];
  const style = tierStyle(2, 2), items = labelItems(clusters, [1, 1], (c) => [c.x, c.y], (t, font) => (font === style.font ? t.length : -1), style);
  assert.deepEqual(items.map((it) => it.lines), [["Quantum error correction", "with surface codes"], ["α-decay"]]);
  assert.deepEqual(items.map((it) => [it.w, it.h]), [[24, 2 * style.lineHeight], [7, style.lineHeight]]);
  assert.equal(items[0].lines.join(" "), clusters[1].cluster_label);
  assert.equal(items[0].font, style.font);
});

test("wrapLabel: up to WRAP_AT characters one line; else two, balanced at a space; never shortened", () => {
  assert.equal(WRAP_AT, 24);
  assert.deepEqual(wrapLabel("Graph neural networks"), ["Graph neural networks"]);
  assert.deepEqual(wrapLabel("x".repeat(24)), ["x".repeat(24)]);
  assert.deepEqual(wrapLabel("Dark matter and dark energy surveys"), ["Dark matter and", "dark energy surveys"]);
  assert.deepEqual(wrapLabel("Supercalifragilisticexpialidocious-ness"), ["Supercalifragilisticexpialidocious-ness"]);
  assert.deepEqual(wrapLabel("reasoning · models · multimodal"), ["reasoning ·", "models · multimodal"]);   // never "· models"
  assert.deepEqual(wrapLabel("network · networks · degree"), ["network ·", "networks · degree"]);
  assert.deepEqual(wrapLabel("Topological insulators – transport"), ["Topological", "insulators – transport"]);
  for (const t of ["a b c d e f g h i j k l m n o p q r s t u v w x y z", "Large language models for code generation and repair"]) {
    const lines = wrapLabel(t);
    assert.equal(lines.length, 2); assert.equal(lines.join(" "), t);
    assert.ok(Math.abs(lines[0].length - lines[1].length) <= 12, lines);
  }
});

test("tierStyle: the finest (and a map without levels) as before, the coarsest biggest and bold", () => {
  assert.deepEqual(tierStyle(0, 0), { font: LABEL_FONT, lineHeight: LABEL_HEIGHT });
  assert.deepEqual(tierStyle(0, 2), { font: LABEL_FONT, lineHeight: LABEL_HEIGHT });
  assert.deepEqual(tierStyle(1, 2), { font: "600 14px system-ui, sans-serif", lineHeight: 16 });
  assert.deepEqual(tierStyle(2, 2), { font: "700 16px system-ui, sans-serif", lineHeight: 18 });
  assert.deepEqual(tierStyle(1, 1), tierStyle(2, 2));
});

test("labelTiers: the coarsest tier zoomed out, finer tiers once their clusters get LABEL_ROOM px² each", () => {
  const W = 1000, H = 600, n = [200, 40, 10];   // finest first
  assert.equal(LABEL_ROOM, 30000);
  assert.deepEqual(labelTiers(n, 1, W, H), [2]);             // 40 clusters need 1.2M px²: the view has 600k
  const k1 = tierZoom(40, W, H), k0 = tierZoom(200, W, H);
  assert.ok(Math.abs(k1 - Math.sqrt(2)) < 1e-12 && Math.abs(k0 - Math.sqrt(10)) < 1e-12);
  assert.deepEqual(labelTiers(n, k1 * 0.99, W, H), [2]);
  assert.deepEqual(labelTiers(n, k1 * 1.001, W, H), [2, 1]);  // level 1 under the coarsest, for context
  assert.deepEqual(labelTiers(n, k0 * 0.99, W, H), [2, 1]);
  assert.deepEqual(labelTiers(n, k0 * 1.001, W, H), [1, 0]);  // the finest under level 1; the coarsest goes
  assert.deepEqual(labelTiers(n, 100, W, H), [1, 0]);
  assert.deepEqual(labelTiers([20, 6], 1, W, H), [1, 0]);    // few clusters: both tiers at once
  assert.deepEqual(labelTiers([200], 0.5, W, H), [0]);       // one tier (a map without levels): always
  assert.deepEqual(labelTiers([200], 50, W, H), [0]);
  assert.deepEqual(labelTiers(n, 1, 2000, 1200), [2, 1]);    // a bigger view has room sooner
  assert.deepEqual(labelTiers(n, 0.5, 2000, 1200), [2]);
});

test("drawLabels: lines centred on the item, halo then text; boxes to avoid block labels and are not drawn", () => {
  const calls = [], ctx = { strokeText: (t, x, y) => calls.push(["stroke", t, x, y]), fillText: (t, x, y) => calls.push(["fill", t, x, y]) };
  const th = { halo: "white", fg: "black" };
  const items = [{ x: 50, y: 50, w: 20, h: 28, lines: ["ab", "cd"], font: "f", lineHeight: 14 },
    { x: 150, y: 50, w: 20, h: 14, lines: ["ef"], font: "f", lineHeight: 14 }];
  const placed = drawLabels(ctx, items, 200, 100, th, [{ x: 150, y: 50, w: 30, h: 30 }]);
  assert.deepEqual(placed.map((p) => p.lines), [["ab", "cd"]]);   // "ef" lies under the box to avoid
  assert.deepEqual(calls, [["stroke", "ab", 50, 43], ["fill", "ab", 50, 43], ["stroke", "cd", 50, 57], ["fill", "cd", 50, 57]]);
});
