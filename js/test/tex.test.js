import { test } from "node:test";
import assert from "node:assert/strict";
import katex from "katex";
import { mathParts, mayHoldMath, texToPlain, plainTeX } from "../src/tex.js";
import { KATEX_OPTIONS } from "../src/math.js";

const m = (tex, display = false, raw = `$${tex}$`) => ({ tex, display, raw });

test("mathParts: text and math in order, with each kind of delimiter", () => {
  assert.deepEqual(mathParts("$\\phi^{\\pm}$ production at $\\sqrt{s}=13$ TeV"),
    [m("\\phi^{\\pm}"), { text: " production at " }, m("\\sqrt{s}=13"), { text: " TeV" }]);
  assert.deepEqual(mathParts("a $$x^2$$ b"), [{ text: "a " }, m("x^2", true, "$$x^2$$"), { text: " b" }]);
  assert.deepEqual(mathParts("\\(a_1\\) and \\[b\\]"), [m("a_1", false, "\\(a_1\\)"), { text: " and " }, m("b", true, "\\[b\\]")]);
  assert.deepEqual(mathParts("$x$$y$"), [m("x"), m("y")]);
  assert.deepEqual(mathParts("plain"), [{ text: "plain" }]);
  assert.deepEqual(mathParts(""), []);
  assert.deepEqual(mathParts(null), []);
});

test("mathParts: escaped \\$, unbalanced $, prices and empty math stay text", () => {
  assert.deepEqual(mathParts("costs \\$5 or \\$10"), [{ text: "costs $5 or $10" }]);
  assert.deepEqual(mathParts("costs $5 and $10"), [{ text: "costs $5 and $10" }]);   // pandoc's rule: $10 is no closer
  assert.deepEqual(mathParts("an unbalanced $x"), [{ text: "an unbalanced $x" }]);
  assert.deepEqual(mathParts("$ x$ is not math"), [{ text: "$ x$ is not math" }]);   // opening $ before a space
  assert.deepEqual(mathParts("$x $ neither"), [{ text: "$x $ neither" }]);           // closing $ after a space
  assert.deepEqual(mathParts("$$ $$ alone"), [{ text: "$$ $$ alone" }]);
  assert.deepEqual(mathParts("\\(open"), [{ text: "\\(open" }]);
  assert.deepEqual(mathParts("$a\\$b$ c"), [m("a\\$b"), { text: " c" }]);          // an escaped $ inside math
  assert.deepEqual(mathParts("a $x$, \\$3"), [{ text: "a " }, m("x"), { text: ", $3" }]);
});

test("mathParts: markup is math source or text, never HTML (KaTeX builds the nodes)", () => {
  assert.deepEqual(mathParts("$<img src=x onerror=alert(1)>$"), [m("<img src=x onerror=alert(1)>")]);
  assert.deepEqual(mathParts("<img src=x onerror=alert(1)>"), [{ text: "<img src=x onerror=alert(1)>" }]);
  // what KaTeX makes of it with our options: escaped text, no element
  const html = katex.renderToString("<img src=x onerror=alert(1)>", KATEX_OPTIONS);
  assert.doesNotMatch(html, /<img/);
  assert.doesNotMatch(katex.renderToString("\\href{javascript:alert(1)}{x}", KATEX_OPTIONS), /href="javascript/);
  assert.doesNotMatch(katex.renderToString("\\includegraphics{x.png}", KATEX_OPTIONS), /<img/);
});

test("mayHoldMath", () => {
  assert.equal(mayHoldMath("no math"), false);
  assert.equal(mayHoldMath(""), false);
  assert.equal(mayHoldMath(undefined), false);
  for (const t of ["$x$", "\\(x\\)", "\\[x\\]", "a $ b"]) assert.equal(mayHoldMath(t), true, t);
});

test("texToPlain: Greek, symbols, scripts, fractions, roots, fonts, accents", () => {
  const cases = {
    "\\alpha + \\beta \\to \\Gamma": "α + β → Γ", "\\phi^{\\pm}": "ϕ±", "x^2 + y_{12}": "x² + y₁₂", "N^{-1/2}": "N^(-1/2)",
    "p_T": "pT", "\\Lambda_{\\rm QCD}": "ΛQCD", "\\frac{1}{2}": "1/2", "\\frac{a+b}{c}": "(a+b)/c", "\\sqrt{s}=13": "√s=13",
    "\\sqrt[3]{xy}": "√(xy)", "\\mathcal{O}(n\\log n)": "O(nlog n)", "\\mathbb{R}^n": "ℝⁿ", "\\text{if } x": "if x",
    "\\hat{H}": "H\u0302", "\\left( x \\right)": "( x )", "a \\leq b \\sim c": "a ≤ b ∼ c", "10\\,\\%": "10 %",
    "\\mathrm{H}_2\\mathrm{O}": "H₂O", "{}^{8}\\mathrm{Be}": "⁸Be", "\\unknown{x}": "unknownx",
  };
  for (const [tex, want] of Object.entries(cases)) assert.equal(texToPlain(tex), want, tex);
});

test("plainTeX: labels for fillText and SVG text, no $ left, plain text untouched", () => {
  assert.equal(plainTeX("$\\phi^{\\pm}$ production in $pp$ collisions at $\\sqrt{s}=13$ TeV"),
    "ϕ± production in pp collisions at √s=13 TeV");
  assert.equal(plainTeX("$\\alpha$-decay of $^{8}$Be"), "α-decay of ⁸Be");
  assert.equal(plainTeX("Prices of \\$5 and $10"), "Prices of $5 and $10");
  assert.equal(plainTeX("Graph neural networks"), "Graph neural networks");
  assert.equal(plainTeX(""), "");
  assert.equal(plainTeX(null), "");
  assert.equal(plainTeX("unbalanced $x^2"), "unbalanced $x^2");
});
