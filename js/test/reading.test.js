import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { toBibtex, toRis, toCslJson, texEscape, citeKey, READING_FORMATS } from "../src/reading.js";

// Python's reading.py output for the 16 real LAION records and a hostile one (written by nbs/16_reading.ipynb)
const F = JSON.parse(readFileSync(new URL("./fixtures/reading.json", import.meta.url), "utf-8"));

test("the site's reading lists are Python's, byte for byte: BibTeX, RIS, CSL-JSON", () => {
  assert.equal(F.records.length, 17);
  assert.equal(toBibtex(F.records), F.bibtex);
  assert.equal(toRis(F.records), F.ris);
  assert.equal(toCslJson(F.records), F["csl-json"]);
  assert.deepEqual(Object.keys(READING_FORMATS), ["bibtex", "ris", "csl-json"]);
});

test("TeX escaping: specials escaped, balanced math kept, acronyms braced; keys unique", () => {
  assert.equal(texEscape("50% of R&D_costs #1"), "50\\% of R\\&D\\_costs \\#1");
  assert.equal(texEscape("On $L^{1}$-Convergence"), "On $L^{1}$-Convergence");
  assert.equal(texEscape("a $}$ b"), "a \\$\\}\\$ b");
  assert.equal(texEscape("CT perfusion in VESSA and pH", { protect: true }), "{CT} perfusion in {VESSA} and {pH}");
  const used = new Set(), r = { authors: [{ family: "Zoë" }], year: 2024, title: "An ok Title" };
  assert.deepEqual([citeKey(r, used), citeKey(r, used), citeKey(r, used)], ["zoe2024title", "zoe2024titlea", "zoe2024titleb"]);
});
