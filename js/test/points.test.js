import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { decodePoints, visibleMask, clusterCounts, clusterYearCounts, countSet, knownYears, orderDescending, NO_CLUSTER } from "../src/points.js";

const fixture = (name) => readFileSync(new URL(`fixtures/${name}`, import.meta.url));
const expected = JSON.parse(fixture("points.json"));
const TYPES = { x: Float32Array, y: Float32Array, z: Float32Array, cluster: Uint16Array, year: Uint8Array, flags: Uint8Array,
  field: Uint16Array, faith: Uint8Array };

/** The fixture's bytes as the kernel delivers them: a DataView into a larger buffer at `offset`. */
function inBigBuffer(bytes, offset) {
  const big = new Uint8Array(offset + bytes.length + 5).fill(0xAB);
  big.set(bytes, offset);
  return new DataView(big.buffer, offset, bytes.length);
}

function check(p, exp) {
  assert.equal(p.n, exp.x.length);
  assert.deepEqual(Object.keys(p).filter((k) => k !== "n").sort(), Object.keys(exp).sort());
  for (const [k, v] of Object.entries(exp)) {
    assert.ok(p[k] instanceof TYPES[k], `${k} is a ${TYPES[k].name}`);
    assert.deepEqual(Array.from(p[k]), v, k);
  }
}

for (const name of Object.keys(expected)) {
  test(`decodePoints: ${name} from an ArrayBuffer, a Uint8Array and DataViews at offsets`, () => {
    const b = fixture(name), exact = b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
    check(decodePoints(exact), expected[name]);
    check(decodePoints(new Uint8Array(exact)), expected[name]);
    for (const off of [0, 3, 8, 13]) check(decodePoints(inBigBuffer(b, off)), expected[name]);
  });
}

test("decodePoints: z only when the table has it", () => {
  assert.equal("z" in decodePoints(fixture("points.arrow")), false);
  assert.deepEqual(Array.from(decodePoints(fixture("points-z.arrow")).z), expected["points-z.arrow"].z);
});

test("decodePoints: faith (uint8) only when the table has it; old maps decode as before", () => {
  const old = decodePoints(fixture("points.arrow"));
  assert.equal("faith" in old, false);
  assert.deepEqual(Object.keys(old).sort(), ["cluster", "field", "flags", "n", "x", "y", "year"]);
  const p = decodePoints(fixture("points-faith.arrow"));
  assert.ok(p.faith instanceof Uint8Array);
  assert.deepEqual(Array.from(p.faith), [255, 0, 128, 13, 77, 200]);
  assert.deepEqual(Array.from(p.cluster), Array.from(old.cluster));   // the other columns are unchanged by it
  assert.deepEqual(Array.from(decodePoints(fixture("points-faith-batches.arrow")).faith), [255, 0, 128, 13, 77, 200]);
});

test("orderDescending: indices by a uint8 column, largest first, ties in index order", () => {
  assert.deepEqual(Array.from(orderDescending(new Uint8Array([3, 255, 0, 3, 7, 0]))), [1, 4, 0, 3, 2, 5]);
  assert.deepEqual(Array.from(orderDescending(new Uint8Array([]))), []);
  const v = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) % 256), o = orderDescending(v);
  assert.deepEqual(Array.from(o).sort((a, b) => a - b), Array.from(v.keys()));   // a permutation
  for (let j = 1; j < o.length; j++) assert.ok(v[o[j - 1]] > v[o[j]] || (v[o[j - 1]] === v[o[j]] && o[j - 1] < o[j]));
});

test("decodePoints: the columns are views of an aligned input, not copies", () => {
  const b = fixture("points.arrow"), big = new Uint8Array(b.length + 16);
  big.set(b, 16);
  const p = decodePoints(new DataView(big.buffer, 16, b.length));
  assert.equal(p.x.buffer, big.buffer);
});

test("decodePoints: a missing column is a clear error, and bytes that are not Arrow are refused", () => {
  assert.throws(() => decodePoints(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])));
  // drop the field column by renaming it: the schema is flatbuffer text, so patch the name in place
  const b = Buffer.from(fixture("points.arrow")), at = b.indexOf("field");
  b.write("fiel_", at);
  assert.throws(() => decodePoints(b), /no column "field"/);
});

const P = { n: 6, cluster: new Uint16Array([0, 1, 1, NO_CLUSTER, 2, 0]), year: new Uint8Array([100, 0, 124, 125, 99, 120]),
  flags: new Uint8Array([1, 0, 1, 1, 0, 1]), field: new Uint16Array([0, 1, 2, 0, 1, 0]) };
const all = { clusterOn: new Uint8Array([1, 1, 1]), classification: "all" };
const mask = (opts) => Array.from(visibleMask(P, { ...all, ...opts }));

test("visibleMask: clusters, a point in no listed cluster, years (0 = unknown is never hidden)", () => {
  assert.deepEqual(mask({}), [1, 1, 1, 0, 1, 1]);   // NO_CLUSTER has no legend entry: hidden as before
  assert.deepEqual(mask({ clusterOn: new Uint8Array([1, 0, 1]) }), [1, 0, 0, 0, 1, 1]);
  assert.deepEqual(mask({ yearMin: 2020 }), [0, 1, 1, 0, 0, 1]);
  assert.deepEqual(mask({ yearMax: 2000 }), [1, 1, 0, 0, 1, 0]);
  assert.deepEqual(mask({ yearMin: 2000, yearMax: 2020 }), [1, 1, 0, 0, 0, 1]);
});

test("visibleMask: classification from flags bit 0, and the field by index (-1 or null: all)", () => {
  assert.deepEqual(mask({ classification: "FULL_TEXT" }), [1, 0, 1, 0, 0, 1]);
  assert.deepEqual(mask({ classification: "PARTIAL_TEXT" }), [0, 1, 0, 0, 1, 0]);
  assert.deepEqual(mask({ field: 0 }), [1, 0, 0, 0, 0, 1]);
  assert.deepEqual(mask({ field: 1 }), [0, 1, 0, 0, 1, 0]);
  assert.deepEqual(mask({ field: 7 }), [0, 0, 0, 0, 0, 0]);
  assert.deepEqual(mask({ field: -1 }), mask({}));
  assert.deepEqual(mask({ field: null }), mask({}));
  assert.deepEqual(mask({ field: 0, classification: "FULL_TEXT", yearMin: 2010 }), [0, 0, 0, 0, 0, 1]);
});

test("clusterYearCounts: per cluster per year, shown papers with a known year only", () => {
  const m = clusterYearCounts(P, new Uint8Array([1, 1, 1, 1, 1, 0]));
  assert.deepEqual([...m.keys()].sort((a, b) => a - b), [0, 1, 2, NO_CLUSTER]);
  assert.deepEqual([...m.get(0)], [[2000, 1]]);
  assert.deepEqual([...m.get(1)], [[2024, 1]]);   // the paper with year 0 is left out
  assert.deepEqual([...m.get(2)], [[1999, 1]]);
  assert.deepEqual([...clusterYearCounts(P, null).get(0)], [[2000, 1], [2020, 1]]);
});

test("clusterCounts, countSet and knownYears", () => {
  assert.deepEqual(Array.from(clusterCounts(P, null, 3)), [2, 2, 1]);
  assert.deepEqual(Array.from(clusterCounts(P, new Uint8Array([0, 1, 1, 1, 1, 1]), 3)), [1, 2, 1]);
  assert.equal(countSet(new Uint8Array([1, 0, 1, 1])), 3);
  assert.equal(countSet(null), 0);
  assert.deepEqual(knownYears(P), [1999, 2000, 2020, 2024, 2025]);
});

test("the views follow the selection, else the search hits, else the highlight, always within what is shown", async () => {
  const { focusMask, fieldCounts } = await import("../src/points.js");
  const P = { n: 4, field: Uint16Array.from([0, 1, 1, 2]) };
  const mask = Uint8Array.from([1, 1, 0, 1]), on = Uint8Array.from([0, 1, 1, 1]);
  assert.deepEqual(focusMask(P, { mask }), { mask, what: "" });
  assert.deepEqual(focusMask(P, { mask, spot: on, spotName: "X" }), { mask: Uint8Array.from([0, 1, 0, 1]), what: "papers of X" });
  assert.equal(focusMask(P, { mask, hits: on, spot: Uint8Array.from([1, 0, 0, 0]) }).what, "search hits");
  assert.deepEqual(focusMask(P, { mask, selection: Uint8Array.from([1, 0, 1, 0]), hits: on }), { mask: Uint8Array.from([1, 0, 0, 0]), what: "selected" });
  assert.deepEqual(Array.from(fieldCounts(P, mask, 3)), [1, 1, 1]);
  assert.deepEqual(Array.from(fieldCounts(P, null, 2)), [1, 2]);   // a field past the list is not counted
});

test("shuffledOrder: a permutation of 0..n-1, the same every time for a seed, and mixed", async () => {
  const { shuffledOrder } = await import("../src/points.js");
  const a = shuffledOrder(1000), b = shuffledOrder(1000);
  assert.deepEqual(a, b);
  assert.deepEqual([...a].sort((x, y) => x - y), Array.from({ length: 1000 }, (_, i) => i));
  let inPlace = 0; for (let i = 0; i < 1000; i++) inPlace += a[i] === i;
  assert.ok(inPlace < 20, inPlace);
  assert.notDeepEqual(shuffledOrder(1000, 2), a);
  assert.equal(shuffledOrder(0).length, 0);
});

test("decodePoints: the ids in map order only when asked (int64 as numbers)", () => {
  assert.equal("id" in decodePoints(fixture("points.arrow")), false);
  const p = decodePoints(fixture("points.arrow"), { ids: true });
  assert.ok(p.id instanceof Float64Array);
  assert.deepEqual(Array.from(p.id), [10, 11, 12, 13, 14, 2 ** 40]);
});
