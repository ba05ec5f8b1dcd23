import test from "node:test";
import assert from "node:assert/strict";
import { claimScope, groupCount } from "../src/claims.js";

const P = { n: 4, cluster: new Uint16Array(4), year: new Uint8Array(4), field: new Uint16Array(4), flags: new Uint8Array(4) };

test("the scope: the whole map (null) unless a set is in focus or filters hide papers", () => {
  assert.deepEqual(claimScope(P, { mask: null }), { indices: null, what: "the whole map" });
  assert.deepEqual(claimScope(P, { mask: Uint8Array.of(1, 1, 1, 1) }), { indices: null, what: "the whole map" });
  assert.deepEqual(claimScope(P, { mask: Uint8Array.of(1, 0, 1, 1) }), { indices: [0, 2, 3], what: "3 shown" });
  assert.deepEqual(claimScope(P, { mask: null, selection: Uint8Array.of(0, 1, 1, 0) }), { indices: [1, 2], what: "2 selected" });
});

test("a group's count: of the set, and of the whole map when that is more", () => {
  assert.equal(groupCount({ papers: 2, papers_total: 2 }, true), "2 papers");
  assert.equal(groupCount({ papers: 1, papers_total: 5 }, false), "1 paper (5 on the whole map)");
});
