import { test } from "node:test";
import assert from "node:assert/strict";
import { buildTiers, levelUnits, unitCounts, unitYearCounts, tiersOn, legendGroups, groupState, tierName, nestChildren } from "../src/levels.js";
import { NO_CLUSTER } from "../src/points.js";

// three levels: six finest clusters (one unclustered, no parent), three in the middle, two at the top
const fine = [
  { cluster_id: 0, cluster_label: "Black holes", count: 50, color: "#111111", x: 0, y: 0, level: 0, parent_id: 10 },
  { cluster_id: 1, cluster_label: "Neutron stars", count: 30, color: "#222222", x: 1, y: 0, level: 0, parent_id: 10 },
  { cluster_id: 2, cluster_label: "Dark matter", count: 20, color: "#333333", x: 2, y: 0, level: 0, parent_id: 11 },
  { cluster_id: 3, cluster_label: "Protein folding", count: 40, color: "#444444", x: 5, y: 5, level: 0, parent_id: 12 },
  { cluster_id: -1, cluster_label: "Unclustered", count: 7, color: "#e8e8e8", x: null, y: null, level: 0, parent_id: null },
  { cluster_id: 5, cluster_label: "Gene $\\beta$ regulation", count: 25, color: "#555555", x: 6, y: 5, level: 0, parent_id: 12 },
];
const levels = [
  [{ cluster_id: 10, cluster_label: "Compact objects", count: 80, color: "#aa0000", x: 0.5, y: 0, level: 1, parent_id: 20 },
   { cluster_id: 11, cluster_label: "Cosmology", count: 20, color: "#bb0000", x: 2, y: 0, level: 1, parent_id: 20 },
   { cluster_id: 12, cluster_label: "Molecular biology", count: 65, color: "#00aa00", x: 5.5, y: 5, level: 1, parent_id: 21 }],
  [{ cluster_id: 20, cluster_label: "Astrophysics", count: 100, color: "#aa0000", x: 1, y: 0, level: 2, parent_id: null },
   { cluster_id: 21, cluster_label: "Biology", count: 65, color: "#00aa00", x: 5.5, y: 5, level: 2, parent_id: null }],
];
const T = buildTiers(fine, levels);

test("buildTiers: finest first, each finest cluster's ancestor on every tier via parent_id", () => {
  assert.equal(T.top, 2);
  assert.deepEqual(T.tiers.map((t) => t.length), [6, 3, 2]);
  assert.deepEqual(Array.from(T.up[0]), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(Array.from(T.up[1]), [0, 0, 1, 2, -1, 2]);
  assert.deepEqual(Array.from(T.up[2]), [0, 0, 0, 1, -1, 1]);
});

test("buildTiers: no levels (an old map), empty levels, and a parent_id that names no cluster", () => {
  for (const lv of [[], undefined, null, [[]]]) {
    const t = buildTiers(fine, lv);
    assert.equal(t.top, 0); assert.equal(t.tiers.length, 1);
  }
  const t = buildTiers(fine.slice(0, 2), [[{ cluster_id: 10, count: 50 }]]);
  assert.deepEqual(Array.from(t.up[1]), [0, 0]);
  const bad = buildTiers([{ cluster_id: 0, parent_id: 99, count: 1 }], [[{ cluster_id: 10, count: 0 }]]);
  assert.deepEqual(Array.from(bad.up[1]), [-1]);
});

test("levelUnits: a tier's clusters with the finest under them, orphans as units of their own, counts summed", () => {
  const L = levelUnits(T, 2);
  assert.deepEqual(L.units.map((u) => [u.cluster_id, u.fine, u.count, u.orphan]),
    [[20, [0, 1, 2], 100, false], [21, [3, 5], 65, false], [-1, [4], 7, true]]);
  assert.deepEqual(Array.from(L.of), [0, 0, 0, 1, 2, 1]);
  assert.equal(L.units[0].cluster_label, "Astrophysics"); assert.equal(L.units[0].color, "#aa0000");
  const M = levelUnits(T, 1);
  assert.deepEqual(M.units.map((u) => u.fine), [[0, 1], [2], [3, 5], [4]]);
  const F = levelUnits(T, 0);   // the finest tier: the clusters themselves
  assert.deepEqual(F.units.map((u) => u.fine), [[0], [1], [2], [3], [4], [5]]);
  assert.ok(F.units.every((u) => !u.orphan));
});

test("unitCounts and unitYearCounts: finest counts summed into the tier's units", () => {
  const L = levelUnits(T, 2);
  assert.deepEqual(Array.from(unitCounts(new Uint32Array([5, 3, 2, 4, 1, 6]), L)), [10, 10, 1]);
  const cy = new Map([[0, new Map([[2020, 2], [2021, 1]])], [2, new Map([[2020, 5]])], [5, new Map([[2019, 1]])],
    [NO_CLUSTER, new Map([[2020, 9]])]]);
  const u = unitYearCounts(cy, L);
  assert.deepEqual([...u.get(0)].sort(), [[2020, 7], [2021, 1]]);
  assert.deepEqual([...u.get(1)], [[2019, 1]]);
  assert.deepEqual([...u.get(NO_CLUSTER)], [[2020, 9]]);   // papers in no listed cluster stay apart
  assert.equal(u.size, 3);
});

test("tiersOn: a coarser cluster is shown while any of its finest clusters is", () => {
  const on = tiersOn(T, new Uint8Array([0, 0, 1, 0, 1, 0]));
  assert.deepEqual(on.map((a) => Array.from(a)), [[0, 0, 1, 0, 1, 0], [0, 1, 0], [1, 0]]);
});

test("legendGroups: the coarsest clusters, largest first, orphans last, each with its finest clusters", () => {
  const g = legendGroups(T);
  assert.deepEqual(g.map((x) => [x.unit.cluster_id, x.children]), [[20, [0, 1, 2]], [21, [3, 5]], [-1, [4]]]);
  assert.deepEqual(g.map((x) => x.unit.orphan), [false, false, true]);
});

test("legendGroups: the filter matches coarse, intermediate and finest labels and ids, case-insensitively", () => {
  const ids = (q) => legendGroups(T, q).map((x) => [x.unit.cluster_id, x.children, x.match]);
  assert.deepEqual(ids("BIOLOGY"), [[21, [3, 5], true]]);                    // a group's label: all its clusters
  assert.deepEqual(ids("stars"), [[20, [1], false]]);                        // a finest label: that one, in its group
  assert.deepEqual(ids("cosmology"), [[20, [2], false]]);                    // an intermediate label: its clusters
  assert.deepEqual(ids("molecular"), [[21, [3, 5], false]]);
  assert.deepEqual(ids("unclus"), [[-1, [4], false]]);
  assert.deepEqual(ids("5"), [[21, [5], false]]);                            // an id
  assert.deepEqual(ids("beta"), [[21, [5], false]]);                         // the TeX source matches
  assert.deepEqual(ids("nothing like it"), []);
  assert.deepEqual(ids("  "), ids(""));
});

test("legendGroups: without levels every cluster is a group of one, in the clusters' order", () => {
  const g = legendGroups(buildTiers(fine, []));
  assert.deepEqual(g.map((x) => x.children), [[0], [1], [2], [3], [4], [5]]);
  assert.deepEqual(legendGroups(buildTiers(fine, []), "dark").map((x) => x.children), [[2]]);
});

test("nestChildren: the tiers between the top and the finest nest as groups; single children and orphans as rows", () => {
  const shape = (items) => items.map((it) => (it.unit ? [it.unit.cluster_id, it.t, shape(it.items)] : it.i));
  const [astro, bio] = legendGroups(T);
  assert.deepEqual(shape(nestChildren(T, astro.children, 2)), [[10, 1, [0, 1]], 2]);   // Compact objects (0, 1); Cosmology holds one: a row
  assert.deepEqual(shape(nestChildren(T, bio.children, 2)), [[12, 1, [3, 5]]]);
  assert.deepEqual(shape(nestChildren(T, [1], 2)), [1]);                           // filtered down to one: a row
  assert.deepEqual(shape(nestChildren(T, [3, 5], 1)), [3, 5]);                     // two levels: the finest, flat
  const t2 = buildTiers(fine, levels.slice(0, 1));                                 // two tiers: no middle
  assert.deepEqual(shape(nestChildren(t2, legendGroups(t2)[0].children, 1)), [0, 1]);
});

test("groupState: all, none or some shown", () => {
  const on = new Uint8Array([1, 1, 0, 0, 1, 0]);
  assert.equal(groupState([0, 1], on), 1);
  assert.equal(groupState([2, 3], on), 0);
  assert.equal(groupState([0, 2], on), -1);
});

test("tierName", () => {
  assert.deepEqual([0, 1, 2].map((t) => tierName(t, 2)), ["finest", "level 1", "coarsest"]);
  assert.equal(tierName(0, 0), "finest");
});
