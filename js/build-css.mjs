// The bundle's widget.css: KaTeX's stylesheet with its main fonts inlined as data URLs, then src/widget.css.
// The widget's CSS is injected into the page and the static site copies only widget.css, so the fonts cannot be
// separate files: the ones nearly every formula uses are inlined (woff2 only); KaTeX's other fonts (bold, italic,
// calligraphic, fraktur, script, sans-serif, typewriter) are left out and fall back to KaTeX_Main or the system's.
// Deterministic: the same inputs give the same bytes (CI rebuilds and compares).
import { readFileSync, writeFileSync } from "node:fs";

export const EMBEDDED = ["Main-Regular", "Math-Italic", "AMS-Regular", "Size1-Regular", "Size2-Regular", "Size3-Regular", "Size4-Regular"];
const dist = new URL("node_modules/katex/dist/", import.meta.url);
const version = JSON.parse(readFileSync(new URL("node_modules/katex/package.json", import.meta.url), "utf8")).version;
let katexCss = readFileSync(new URL("katex.min.css", dist), "utf8"), kept = 0;
katexCss = katexCss.replace(/@font-face\{[^}]*\}/g, (rule) => {
  const file = /url\(fonts\/KaTeX_([\w-]+)\.woff2\)/.exec(rule)?.[1];
  if (!EMBEDDED.includes(file)) return "";
  kept++;
  const data = readFileSync(new URL(`fonts/KaTeX_${file}.woff2`, dist)).toString("base64");
  return rule.replace(/src:[^;}]*/, `src:url(data:font/woff2;base64,${data}) format("woff2")`);
});
if (kept !== EMBEDDED.length) throw new Error(`build-css: found ${kept} of the ${EMBEDDED.length} KaTeX fonts to inline`);
const out = `/* KaTeX ${version} (MIT licence, https://katex.org): its CSS, fonts ${EMBEDDED.join(", ")} inlined */\n` +
  katexCss.trim() + "\n" + readFileSync(new URL("src/widget.css", import.meta.url), "utf8");
writeFileSync(new URL("../laion_explorer/static/widget.css", import.meta.url), out);
