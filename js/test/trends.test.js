import test from "node:test";
import assert from "node:assert/strict";
import { pct, trendRows } from "../src/trends.js";

test("growth as a percentage: one decimal near zero, whole percents past 10%, a true minus sign", () => {
  assert.equal(pct(1.0512), "+5.1%"); assert.equal(pct(0.966), "−3.4%"); assert.equal(pct(1.21), "+21%");
  assert.equal(pct(0.5), "−50%"); assert.equal(pct(null), "–"); assert.equal(pct(NaN), "–");
});

test("rows: emerging and declining shown in the answer's order, the rest counted; one level only", () => {
  const res = { clusters: [
    { cluster_id: 1, level: 0, trend: "emerging" }, { cluster_id: 2, level: 0, trend: "declining" },
    { cluster_id: 3, level: 0, trend: "no clear trend" }, { cluster_id: 4, level: 0, trend: "too few papers", reason: "12 papers" },
    { cluster_id: 5, level: 1, trend: "emerging" }] };
  const r = trendRows(res, 0);
  assert.deepEqual(r.shown.map((x) => x.cluster_id), [1, 2]);
  assert.equal(r.quiet, 1); assert.deepEqual(r.small.map((x) => x.cluster_id), [4]);
  assert.deepEqual(trendRows(res, 1).shown.map((x) => x.cluster_id), [5]);
  assert.deepEqual(trendRows(null, 0), { shown: [], quiet: 0, small: [] });
});
