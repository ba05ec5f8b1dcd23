// Building DOM: elements, SVG elements, and search snippets. Text only ever goes in through textContent or
// text nodes, never as HTML; math in it is typeset by math.js. (Importing this module touches no DOM, so node can
// test snippetParts.)
import { appendMath } from "./math.js";

/** Create an element with properties; text goes through textContent only. `math`: text with its math typeset
 *  inline (titles, labels); `mathBlock`: the same, display math ($$…$$) as a block (summaries). */
export function h(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "text") e.textContent = v ?? "";
    else if (k === "math" || k === "mathBlock") appendMath(e, v ?? "", { inline: k === "math" });
    else if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "style") Object.assign(e.style, v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

const SVG = "http://www.w3.org/2000/svg";

/** Create an SVG element with attributes and optional text (through textContent). */
export function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

/** Split a snippet marked with \x02...\x03 (search matches) into [{text, mark}] parts; empty parts are
 *  dropped and a stray marker (a snippet cut inside a match) is removed. */
export function snippetParts(text) {
  return (text || "").split(/(\x02[^\x03]*\x03)/)
    .map((part, k) => (k % 2 ? { text: part.slice(1, -1), mark: true } : { text: part.replace(/[\x02\x03]/g, ""), mark: false }))
    .filter((p) => p.text);
}

/** A snippet as a span of text nodes and <mark> elements. */
export function snippetNode(text) {
  const span = h("span", { class: "lx-snippet" });
  for (const p of snippetParts(text)) span.append(p.mark ? h("mark", { math: p.text }) : appendMath(new DocumentFragment(), p.text, { inline: true }));
  return span;
}

/** "Could not load: <message>", for a request that failed or timed out. */
export const failure = (err) => h("div", { class: "lx-error", text: `Could not load: ${err?.message ?? err}` });
