import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { SECTIONS, summarySections, sectionText, safeUrl } from "../src/detail.js";
import { resultsHead } from "../src/search.js";

test("every non-empty section of a summary, in reading order, claims after the limitations", () => {
  const d = { executive_summary: "E", research_question_and_hypothesis: "Q", methodological_details: "  ", key_results: "K",
    contradictions_and_limitations: "L", claims: [{ details: "c1" }], ethical_considerations: "", three_takeaways: "T",
    key_figures_tables: ["Table 1", "Figure 2"], title: "not a section" };
  const s = summarySections(d);
  assert.deepEqual(s.map((x) => x.key), ["executive_summary", "research_question_and_hypothesis", "key_results",
    "contradictions_and_limitations", "claims", "key_figures_tables", "three_takeaways"]);
  assert.equal(s.find((x) => x.key === "key_figures_tables").text, "Table 1\n\nFigure 2");
  assert.deepEqual(s.filter((x) => x.open).map((x) => x.key), ["executive_summary", "key_results", "three_takeaways"]);
  assert.equal(summarySections({ claims: [] }).length, 0);
});

test("the sections are the data contract's summary fields", () => {
  const contract = readFileSync(new URL("../../laion_explorer/records.py", import.meta.url), "utf8");
  const fields = contract.match(/SUMMARY_FIELDS = \(([\s\S]*?)\)/)[1].match(/"(\w+)"/g).map((f) => f.slice(1, -1));
  const notSections = ["title", "authors", "publication_year", "field_subfield", "type_of_paper"];
  assert.deepEqual(SECTIONS.map((s) => s[0]).sort(), fields.filter((f) => !notSections.includes(f)).sort());
});

test("a section's text: strings trimmed, anything else as JSON text", () => {
  assert.equal(sectionText(null), ""); assert.equal(sectionText(" a "), "a");
  assert.equal(sectionText({ a: 1 }), '{\n "a": 1\n}'); assert.equal(sectionText([]), "");
  assert.equal(sectionText(3), "3");
});

test("only web addresses become links", () => {
  assert.equal(safeUrl("https://arxiv.org/abs/2503.11731"), "https://arxiv.org/abs/2503.11731");
  for (const bad of ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "//evil", "", null, "JaVaScRiPt:alert(1)"]) assert.equal(safeUrl(bad), null);
});

test("the results heading says how many match in all once the count is known", () => {
  assert.equal(resultsHead(12, null, "q"), "12 results for “q”");
  assert.equal(resultsHead(1, null, "phimeson"), "1 result for “phimeson”");
  assert.equal(resultsHead(12, { count: 12, exact: true }, "q"), "12 results for “q”");
  assert.equal(resultsHead(1, 1, "q"), "1 result for “q”");
  assert.equal(resultsHead(2000, { count: 6304, exact: true }, "diffusion model"),
    "2,000 of 6,304 results for “diffusion model” (the first 2,000 on the map)");
  assert.equal(resultsHead(2000, { count: 100000, exact: false }, "for"), "2,000 of more than 100,000 results for “for” (the first 2,000 on the map)");
  // words and meaning: no word count (the meaning ranking has no end), the mode says how it was searched
  assert.equal(resultsHead(2000, null, "images from text", "hybrid"), "2,000 results for “images from text”, by words and meaning");
  assert.equal(resultsHead(20, { count: 5, exact: true }, "q", "meaning"), "20 papers closest in meaning to “q”");
  assert.equal(resultsHead(3, { count: 3, exact: true }, "q", "words"), "3 results for “q”");
});
