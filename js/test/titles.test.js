import test from "node:test";
import assert from "node:assert/strict";
import { titleCache } from "../src/titles.js";

const fakeHost = (n) => {
  const asked = [];
  return { asked, titles: async (start, count) => { asked.push([start, count]); return { start, titles: Array.from({ length: count }, (_, k) => `paper ${start + k}`) }; } };
};

test("titles come a block at a time: one request per block, however many papers are hovered", async () => {
  const host = fakeHost(), c = titleCache(host, 2500, { block: 1000 });
  assert.equal(c.now(5), undefined);
  assert.deepEqual(await Promise.all([5, 6, 999, 1000, 1999].map(c.title)), ["paper 5", "paper 6", "paper 999", "paper 1000", "paper 1999"]);
  assert.deepEqual(host.asked, [[0, 1000], [1000, 1000]]);
  assert.equal(c.now(7), "paper 7");
  await c.prefetch();
  assert.deepEqual(host.asked, [[0, 1000], [1000, 1000], [2000, 500]]);   // the last block is cut at the map's end
  assert.equal(c.loaded, 3);
});

test("a failed block is asked again", async () => {
  let fail = true;
  const host = { titles: async (start, count) => { if (fail) { fail = false; throw new Error("kernel busy"); } return { start, titles: ["a", "b"] }; } };
  const c = titleCache(host, 2, { block: 2 });
  await assert.rejects(c.title(0), /kernel busy/);
  assert.equal(await c.title(1), "b");
});
