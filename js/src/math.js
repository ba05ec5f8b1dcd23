// Math in corpus text, typeset with KaTeX (bundled; its CSS and main fonts are inlined into widget.css by
// build-css.mjs). Only the math goes through KaTeX, which builds DOM nodes itself (no HTML strings); the text around
// it goes in as text nodes. Math KaTeX cannot parse stays as its source text.
import katex from "katex";
import { mathParts, mayHoldMath } from "./tex.js";

/** KaTeX's options: no \href or \includegraphics (trust), no warnings, bounded macro expansion and sizes. */
export const KATEX_OPTIONS = Object.freeze({ throwOnError: false, trust: false, strict: "ignore", maxExpand: 100, maxSize: 10 });

/** Typeset `tex` into a new span (class lx-math); null when KaTeX cannot parse it. */
export function mathSpan(tex, display = false) {
  const span = document.createElement("span");
  span.className = "lx-math";
  try {
    katex.render(tex, span, { ...KATEX_OPTIONS, displayMode: display });
  } catch { return null; }
  return span.querySelector(".katex-error") ? null : span;   // throwOnError: false marks a parse error this way
}

/** Append text to element `el` with its math typeset: plain parts as text nodes, math as KaTeX. `inline`: display
 *  math ($$…$$) is set inline too (titles, labels, snippets). Returns el. */
export function appendMath(el, text, { inline = false } = {}) {
  if (!mayHoldMath(text)) { el.append(document.createTextNode(text ?? "")); return el; }
  for (const p of mathParts(text)) {
    if (p.tex == null) { el.append(document.createTextNode(p.text)); continue; }
    el.append(mathSpan(p.tex, p.display && !inline) ?? document.createTextNode(p.raw));
  }
  return el;
}
