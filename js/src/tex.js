// TeX in corpus text, pure (no DOM): splitting text into plain and math parts ($…$, $$…$$, \(…\), \[…\]),
// and turning math into plain Unicode for places that cannot typeset it (canvas labels, SVG chart labels).
// math.js typesets the math parts with KaTeX.

const SPACE = /\s/, DIGIT = /[0-9]/;

/** The closing delimiter `close` after position `from` (an escaped `\$` never closes), or -1. For a single `$` the
 *  rule is pandoc's: the closing `$` follows a non-space and is not followed by a digit ("$5 and $10" is no math). */
function closing(s, from, close) {
  for (let j = from; j < s.length; j++) {
    if (s[j] === "\\" && close !== "\\)" && close !== "\\]") { j++; continue; }
    if (!s.startsWith(close, j)) continue;
    if (close === "$" && (SPACE.test(s[j - 1]) || DIGIT.test(s[j + 1] ?? ""))) continue;
    return j;
  }
  return -1;
}

/** Split text into parts, in order: `{text}` (plain, with `\$` unescaped to `$`) and `{tex, display, raw}` (math;
 *  raw is the source with its delimiters). A delimiter without its closing partner, empty math, or a `$` followed by
 *  a space stays plain text. Adjacent plain parts are merged. */
export function mathParts(text) {
  const s = text == null ? "" : String(text), out = [];
  let buf = "";
  const flush = () => { if (buf) out.push({ text: buf }); buf = ""; };
  for (let i = 0; i < s.length;) {
    if (s[i] === "\\" && s[i + 1] === "$") { buf += "$"; i += 2; continue; }
    let open = null, close = null, display = false;
    if (s.startsWith("$$", i)) [open, close, display] = ["$$", "$$", true];
    else if (s[i] === "$" && s[i + 1] && !SPACE.test(s[i + 1])) [open, close] = ["$", "$"];
    else if (s.startsWith("\\(", i)) [open, close] = ["\\(", "\\)"];
    else if (s.startsWith("\\[", i)) [open, close, display] = ["\\[", "\\]", true];
    if (open) {
      const j = closing(s, i + open.length, close), tex = j < 0 ? "" : s.slice(i + open.length, j);
      if (tex.trim()) {
        flush(); out.push({ tex, display, raw: s.slice(i, j + close.length) });
        i = j + close.length; continue;
      }
      buf += open; i += open.length; continue;
    }
    buf += s[i++];
  }
  flush();
  return out;
}

/** Whether text may hold math (a quick test before splitting). */
export const mayHoldMath = (text) => !!text && /\$|\\\(|\\\[/.test(text);

const GREEK = "alpha α beta β gamma γ delta δ epsilon ϵ varepsilon ε zeta ζ eta η theta θ vartheta ϑ iota ι kappa κ " +
  "lambda λ mu μ nu ν xi ξ omicron ο pi π varpi ϖ rho ρ varrho ϱ sigma σ varsigma ς tau τ upsilon υ phi ϕ varphi φ " +
  "chi χ psi ψ omega ω Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω";
const SYMBOLS = "pm ± mp ∓ times × cdot · div ÷ to → rightarrow → leftarrow ← gets ← leftrightarrow ↔ Rightarrow ⇒ " +
  "Leftarrow ⇐ Leftrightarrow ⇔ mapsto ↦ uparrow ↑ downarrow ↓ leq ≤ le ≤ geq ≥ ge ≥ neq ≠ ne ≠ approx ≈ sim ∼ " +
  "simeq ≃ cong ≅ equiv ≡ propto ∝ ll ≪ gg ≫ lesssim ≲ gtrsim ≳ infty ∞ partial ∂ nabla ∇ hbar ℏ ell ℓ sum ∑ " +
  "prod ∏ int ∫ oint ∮ in ∈ notin ∉ ni ∋ subset ⊂ subseteq ⊆ supset ⊃ cup ∪ cap ∩ emptyset ∅ varnothing ∅ forall ∀ " +
  "exists ∃ neg ¬ land ∧ wedge ∧ lor ∨ vee ∨ oplus ⊕ otimes ⊗ circ ∘ bullet • star ⋆ ast ∗ dagger † perp ⊥ " +
  "parallel ∥ mid | angle ∠ langle ⟨ rangle ⟩ ldots … cdots ⋯ dots … vdots ⋮ prime ′ degree ° Re ℜ Im ℑ " +
  "aleph ℵ top ⊤ bot ⊥ vert | Vert ‖ lvert | rvert | backslash \\ setminus ∖ colon : quad \u2003 qquad \u2003\u2003";
const words = (s) => { const a = s.split(" "), m = {}; for (let k = 0; k < a.length; k += 2) m[a[k]] = a[k + 1]; return m; };
const NAMED = { ...words(GREEK), ...words(SYMBOLS) };
const ESCAPED = { ",": " ", ";": " ", ":": " ", ">": " ", " ": " ", "!": "", "%": "%", "&": "&", "_": "_", "#": "#",
  "{": "{", "}": "}", "$": "$", "|": "‖", "\\": " " };
const SUP = Object.fromEntries([..."0123456789+-=()ni"].map((c, k) => [c, "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ"[k]]));
const SUB = Object.fromEntries([..."0123456789+-=()"].map((c, k) => [c, "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎"[k]]));
SUP["−"] = "⁻"; SUB["−"] = "₋";
const ACCENT = { hat: "\u0302", bar: "\u0304", overline: "\u0305", tilde: "\u0303", vec: "\u20d7", dot: "\u0307", ddot: "\u0308" };
const BB = { R: "ℝ", N: "ℕ", Z: "ℤ", Q: "ℚ", C: "ℂ", P: "ℙ", E: "𝔼" };
const SIZING = new Set(["left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
  "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "rm", "it", "bf", "cal", "mathstrut", "middle"]);
const ARG_TEXT = new Set(["text", "textrm", "textit", "textbf", "textsf", "texttt", "mbox", "emph"]);
const ARG_MATH = new Set(["mathrm", "mathit", "mathbf", "mathsf", "mathtt", "mathcal", "mathscr", "mathfrak", "boldsymbol",
  "bm", "operatorname", "mathnormal", "pmb", "underline", "widehat", "widetilde", "overrightarrow"]);

/** Plain Unicode for a TeX math string: Greek letters and common symbols as characters, simple super- and
 *  subscripts as Unicode (else without _ and braces, and a longer superscript as ^(…)), \frac{a}{b} as a/b,
 *  \sqrt{x} as √x, \mathbb{R} as ℝ, font commands as their content, other commands by name without the backslash.
 *  Spaces are kept, runs of them collapsed. */
export function texToPlain(tex) {
  const s = String(tex);
  let i = 0;
  const group = () => {   // s[i] is "{": its content, i past the matching "}"
    let depth = 0, j = i;
    for (; j < s.length; j++) { if (s[j] === "\\") { j++; continue; } if (s[j] === "{") depth++; else if (s[j] === "}" && !--depth) break; }
    const inner = s.slice(i + 1, j); i = j + 1; return inner;
  };
  const argSrc = () => {   // the source of the next argument: a group's content, a command or one character
    while (s[i] === " ") i++;
    if (s[i] === "{") return group();
    if (s[i] === "\\") { const m = /^\\([A-Za-z]+|.)/.exec(s.slice(i)); i += m ? m[0].length : 1; return m ? m[0] : ""; }
    return s[i++] ?? "";
  };
  const arg = () => texToPlain(argSrc());
  const script = (t, map, sup) => ([...t].every((c) => map[c]) ? [...t].map((c) => map[c]).join("")
    : sup && [...t].length > 1 ? `^(${t})` : t);   // x^{a/b}: x^(a/b), never x a/b
  let out = "";
  while (i < s.length) {
    const c = s[i];
    if (c === "\\") {
      const m = /^\\([A-Za-z]+)/.exec(s.slice(i));
      if (!m) { out += ESCAPED[s[i + 1]] ?? (s[i + 1] ?? ""); i += 2; continue; }
      const name = m[1]; i += m[0].length;
      if (name in NAMED) out += NAMED[name];
      else if (name === "frac" || name === "dfrac" || name === "tfrac") {
        const a = arg(), b = arg(), p = (x) => (x.length > 1 && /[^\w.]/.test(x) ? `(${x})` : x);
        out += `${p(a)}/${p(b)}`;
      } else if (name === "sqrt") {
        if (s[i] === "[") { const j = s.indexOf("]", i); i = j < 0 ? s.length : j + 1; }
        const a = arg(); out += a.length > 1 ? `√(${a})` : `√${a}`;
      } else if (name in ACCENT) { const a = arg(); out += [...a].length === 1 ? a + ACCENT[name] : a; }
      else if (name === "mathbb") { const a = arg(); out += [...a].map((ch) => BB[ch] ?? ch).join(""); }
      else if (ARG_TEXT.has(name)) out += argSrc();
      else if (ARG_MATH.has(name)) out += arg();
      else if (SIZING.has(name)) { while (s[i] === " ") i++; if (s[i] === ".") i++; }
      else out += name;
    } else if (c === "^" || c === "_") { i++; out += script(arg(), c === "^" ? SUP : SUB, c === "^"); }
    else if (c === "{") out += texToPlain(group());
    else if (c === "}") i++;
    else if (c === "~") { out += " "; i++; }
    else { out += c; i++; }
  }
  return out.replace(/\s+/g, " ");
}

/** Text with its math turned into plain Unicode (for fillText and SVG text): "$\alpha$-decay" → "α-decay". */
export function plainTeX(text) {
  if (!mayHoldMath(text)) return text == null ? "" : String(text);
  return mathParts(text).map((p) => (p.tex == null ? p.text : texToPlain(p.tex).trim())).join("");
}
