import test from "node:test";
import assert from "node:assert/strict";
import { tableSet, rowValues, sortRows, setSummary, csvCell, toCSV, toJSON } from "../src/table.js";
import { titleCache } from "../src/titles.js";

// five papers: years 2021, unknown, 2019, 2021, 2020; fields 0/1; clusters 0, 1, 0, NO_CLUSTER, 1
const P = { n: 5, year: Uint8Array.from([121, 0, 119, 121, 120]), field: Uint16Array.from([0, 1, 0, 1, 0]),
  cluster: Uint16Array.from([0, 1, 0, 0xFFFF, 1]) };
const clusters = [{ cluster_id: 0, cluster_label: "Black holes" }, { cluster_id: 1, cluster_label: "$\\alpha$ decay" }];
const fields = [{ field: "Physics" }, { field: "Mathematics" }];
const TITLES = ["Zeta functions", "alpha particles", "Black holes", "=HYPERLINK(\"x\")", "Gravity, \"waves\"\nagain"];
const values = rowValues(P, clusters, fields, (i) => TITLES[i]);
const all = Uint8Array.from([1, 1, 1, 1, 1]);

test("the table lists the selection, else the search hits in rank order, else the highlight, else what is shown", () => {
  const base = { mask: all, selection: null, hits: null, spot: null };
  assert.deepEqual(tableSet(P, base), { indices: [0, 1, 2, 3, 4], what: "shown" });
  assert.deepEqual(tableSet(P, { ...base, mask: Uint8Array.from([1, 0, 1, 1, 0]) }).indices, [0, 2, 3]);
  assert.deepEqual(tableSet(P, { ...base, spot: Uint8Array.from([1, 0, 1, 0, 0]), spotName: "Black holes" }),
    { indices: [0, 2], what: "papers of Black holes" });
  const hits = { ...base, hits: Uint8Array.from([0, 1, 1, 0, 1]), hitOrder: [4, 1, 2] };
  assert.deepEqual(tableSet(P, hits), { indices: [4, 1, 2], what: "search hits" });
  // a filter hides a hit from the map: the table follows the map
  assert.deepEqual(tableSet(P, { ...hits, mask: Uint8Array.from([1, 1, 1, 1, 0]) }).indices, [1, 2]);
  assert.deepEqual(tableSet(P, { ...hits, selection: Uint8Array.from([0, 0, 0, 1, 1]) }), { indices: [3, 4], what: "selected" });
});

test("a row's values come from the map's columns; cluster labels as plain text", () => {
  assert.deepEqual([0, 1, 3].map((i) => [values.year(i), values.field(i), values.cluster(i)]),
    [[2021, "Physics", "Black holes"], [null, "Mathematics", "α decay"], [2021, "Mathematics", ""]]);
});

test("sorting is stable, either way, with unknown values last", () => {
  assert.deepEqual(sortRows([0, 1, 2, 3, 4], "year", 1, values), [2, 4, 0, 3, 1]);
  assert.deepEqual(sortRows([0, 1, 2, 3, 4], "year", -1, values), [0, 3, 4, 2, 1]);
  assert.deepEqual(sortRows([0, 1, 2, 3, 4], "title", 1, values), [3, 1, 2, 4, 0]);   // case-insensitive, "=" sorts first
  assert.deepEqual(sortRows([0, 1, 2, 3, 4], "cluster", 1, values), [0, 2, 1, 4, 3]);   // Latin before Greek; no cluster last
  const input = [4, 3, 2]; sortRows(input, "year", 1, values); assert.deepEqual(input, [4, 3, 2]);   // a new array
});

test("the summary says what the set holds: how many, its largest clusters and fields, its years", () => {
  assert.equal(setSummary([0, 1, 2, 3, 4], "selected", values),
    "5 selected · clusters: Black holes 2, α decay 2 · fields: Physics 3, Mathematics 2 · 2019–2021");
  assert.equal(setSummary([0, 1, 2, 3, 4], "selected", values, 1),
    "5 selected · clusters: Black holes 2, +1 more · fields: Physics 3, +1 more · 2019–2021");
  assert.equal(setSummary([1], "search hits", values), "1 search hits · clusters: α decay 1 · fields: Mathematics 1");
});

test("CSV: quoted where needed, formulas defused, one line a paper; JSON the same rows", () => {
  assert.equal(csvCell("plain"), "plain");
  assert.equal(csvCell('a "b", c'), '"a ""b"", c"');
  assert.equal(csvCell("=1+1"), "'=1+1");
  assert.equal(csvCell("-2"), "'-2");
  assert.equal(csvCell(null), "");
  const csv = toCSV([3, 4], values);
  assert.equal(csv, 'map_index,title,year,field,cluster\r\n3,"\'=HYPERLINK(""x"")",2021,Mathematics,\r\n'
    + '4,"Gravity, ""waves""\nagain",2020,Physics,α decay\r\n');
  assert.deepEqual(JSON.parse(toJSON([1], values)), [{ map_index: 1, title: "alpha particles", year: null, field: "Mathematics", cluster: "α decay" }]);
});

test("titleCache.many loads each block the papers touch once, and answers in their order", async () => {
  const asked = [];
  const host = { titles: async (start, count) => { asked.push(start); return { start, titles: Array.from({ length: count }, (_, k) => `t${start + k}`) }; } };
  const c = titleCache(host, 10, { block: 4 });
  assert.deepEqual(await c.many([9, 0, 5, 1]), ["t9", "t0", "t5", "t1"]);
  assert.deepEqual(asked.sort((a, b) => a - b), [0, 4, 8]);
  assert.equal(c.now(6), "t6");
});
