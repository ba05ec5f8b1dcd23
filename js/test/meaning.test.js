import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { makeAnalyzer, half, queryVector, termCounts, nearestRows, rrf } from "../src/meaning.js";

// query.py's analyzer, query vectors and fusion on the shipped sample's TF-IDF fit (written by nbs/19_query.ipynb)
const F = JSON.parse(readFileSync(new URL("./fixtures/meaning.json", import.meta.url), "utf-8"));
const bytes = (b64) => Uint8Array.from(Buffer.from(b64, "base64"));

test("the analyzer splits text into Python's terms (Unicode word characters, hyphens, digits, stop words)", () => {
  const an = makeAnalyzer(F.analyzer);
  for (const [text, terms] of F.tokens) assert.deepEqual(an(text), terms, text);
  assert.throws(() => makeAnalyzer({ ...F.analyzer, token_pattern: "\\w+" }), /no port of the token pattern/);
});

test("float16: normal, subnormal, zero, signs, infinity", () => {
  const f = (bits) => half(Uint8Array.of(bits & 255, bits >> 8), 0);
  assert.equal(f(0x3c00), 1); assert.equal(f(0xc000), -2); assert.equal(f(0x0001), 2 ** -24);
  assert.equal(f(0x0000), 0); assert.equal(f(0x7c00), Infinity); assert.equal(f(0x3555), 0.333251953125);
});

test("a query's vector is Python's (to float32 rounding); unknown words give none", () => {
  const an = makeAnalyzer(F.analyzer);
  for (const { q, rows, vector } of F.queries) {
    const v = queryVector(termCounts(an(q)), rows.map((r) => ({ ...r, axes: bytes(r.axes) })), F.dim, F.analyzer.sublinear_tf);
    if (vector === null) { assert.equal(v, null, q); continue; }
    let dot = 0; for (let j = 0; j < F.dim; j++) dot += v[j] * vector[j];
    assert.ok(dot > 0.99999, `${q}: cosine ${dot}`);
  }
});

test("reciprocal rank fusion: the same order and scores as query.rrf", () => {
  for (const [w, m, want] of F.rrf) {
    const got = rrf([w, m]);
    assert.deepEqual(got.map(([i]) => i), want.map(([i]) => i));
    got.forEach(([, s], k) => assert.ok(Math.abs(s - want[k][1]) < 1e-15));
  }
});

test("nearest rows: int8 rows with a scale each, ranked by cosine, ties by position", () => {
  const dim = 2, Q = Int8Array.of(127, 0, 0, 127, 90, 90, 127, 0), scale = Float32Array.of(1 / 127, 1 / 127, 1 / 127 / Math.SQRT2 * 127 / 90, 1 / 127);
  const got = nearestRows(Q, scale, dim, Float32Array.of(1, 0), 3);
  assert.deepEqual(got.map((h) => h.index), [0, 3, 2]);
  assert.ok(Math.abs(got[2].score - Math.SQRT1_2) < 1e-6);
});
