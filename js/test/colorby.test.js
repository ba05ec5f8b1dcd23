import test from "node:test";
import assert from "node:assert/strict";
import { colorOptions, colorScheme, sequentialColor, SEQUENTIAL } from "../src/colorby.js";
import { buildTiers } from "../src/levels.js";
import { clusterPalette, contrast, packColor, themeColors } from "../src/theme.js";

const P = { n: 4, cluster: Uint16Array.from([0, 1, 2, 0]), year: Uint8Array.from([0, 120, 125, 122]), flags: Uint8Array.from([1, 0, 1, 1]),
  field: Uint16Array.from([0, 1, 0, 2]) };
const fine = [{ cluster_id: 10, color: "#4e79a7", parent_id: 100 }, { cluster_id: 11, color: "#f28e2c", parent_id: 100 },
  { cluster_id: 12, color: "#e15759", parent_id: 101 }];
const T = buildTiers(fine, [[{ cluster_id: 100, color: "#111111" }, { cluster_id: 101, color: "#222222" }]]);
const fields = [{ field: "Physics", count: 2 }, { field: "Biology", count: 1 }, { field: "", count: 1 }];

test("the colourings a map offers", () => {
  assert.deepEqual(colorOptions(P, T).map((o) => o.value), ["clusters", "level:1", "year", "field", "classification"]);
  assert.ok(colorOptions({ ...P, faith: new Uint8Array(4) }, T).some((o) => o.value === "faith"));
  assert.ok(!colorOptions({ ...P, year: new Uint8Array(4) }, T).some((o) => o.value === "year"));   // no known year
});

test("year: a sequential scale from the first to the last year, unknown years grey", () => {
  const s = colorScheme("year", { P, T, fields });
  assert.equal(s.values, P.year);
  assert.deepEqual([s.key.kind, s.key.lo, s.key.hi], ["scale", 2020, 2025]);
  const th = themeColors("light");
  assert.equal(s.colors[0], packColor(th.other, th.bg));
  assert.notEqual(s.colors[120], s.colors[125]);
  assert.equal(sequentialColor(0), SEQUENTIAL[0]); assert.equal(sequentialColor(1), SEQUENTIAL[SEQUENTIAL.length - 1]);
});

test("field and classification: categories with their counts; clusters and levels as the legend has them", () => {
  const f = colorScheme("field", { P, T, fields });
  assert.equal(f.values, P.field);
  assert.deepEqual(f.key.items.map((i) => [i.name, i.count]), [["Physics", 2], ["Biology", 1], ["(none)", 1]]);
  assert.equal(new Set(f.key.items.map((i) => i.color)).size, 3);
  const c = colorScheme("classification", { P, T, fields });
  assert.deepEqual(c.key.items.map((i) => i.count), [3, 1]);
  assert.notEqual(c.colors[1], c.colors[0]);
  assert.deepEqual(colorScheme("clusters", { P, T }).colors, clusterPalette(fine, "light").colors);
  const lv = colorScheme("level:1", { P, T });   // the two clusters of group 100 share its colour
  assert.equal(lv.values, P.cluster); assert.equal(lv.colors[0], lv.colors[1]); assert.notEqual(lv.colors[0], lv.colors[2]);
  assert.deepEqual(colorScheme("nonsense", { P, T }).colors, clusterPalette(fine, "light").colors);
  for (const it of f.key.items) assert.ok(contrast(it.color, "#ffffff") >= 1.6);
});
