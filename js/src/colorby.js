// Colour by a column: the clusters (their stored colours), a coarser cluster level, faithfulness, year, field or
// classification. A choice gives `rasterize` its per-point index column and a palette over it, and a key that says
// what the colours mean. Pure: no DOM (colorkey.js draws the key).
import { themeColors, packColor, readable, clusterPalette, faithPalette } from "./theme.js";
import { levelUnits } from "./levels.js";
import { YEAR_BASE, FULL_TEXT, knownYears } from "./points.js";

/** Distinct hues for categories (Tableau 10, then Dark2): made readable on the theme's background when drawn. */
export const CATEGORICAL = ["#4e79a7", "#f28e2c", "#e15759", "#76b7b2", "#59a14f", "#edc949", "#af7aa1", "#ff9da7", "#9c755f",
  "#bab0ab", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"];
/** A sequential scale for numbers (viridis' stops): dark is early, yellow is late; ordered in lightness, so it reads
 *  in grey and for colour-blind readers. */
export const SEQUENTIAL = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"];

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
/** The sequential scale at t in [0, 1]: "#rrggbb", mixed linearly between its stops. */
export function sequentialColor(t) {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (SEQUENTIAL.length - 1), k = Math.min(SEQUENTIAL.length - 2, Math.floor(x));
  const a = rgb(SEQUENTIAL[k]), b = rgb(SEQUENTIAL[k + 1]), f = x - k;
  return "#" + a.map((c, j) => Math.round(c + (b[j] - c) * f).toString(16).padStart(2, "0")).join("");
}

/** The colourings this map offers, in the control's order: [{value, text}]. Levels: "level:t" for each coarser tier. */
export function colorOptions(P, T) {
  const out = [{ value: "clusters", text: "clusters" }];
  for (let t = 1; t <= T.top; t++) out.push({ value: `level:${t}`, text: t === T.top ? "top-level groups" : `cluster level ${t}` });
  if (P.faith) out.push({ value: "faith", text: "faithfulness" });
  if (knownYears(P).length) out.push({ value: "year", text: "year" });
  out.push({ value: "field", text: "field" }, { value: "classification", text: "full / partial text" });
  return out;
}

function packed(list, th, n, other) {   // list[k] "#rrggbb" for k < list.length; `other` past it
  const colors = new Uint32Array(n), dimmed = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const c = readable(k < list.length ? list[k] : other, th.bg, th.fg);
    colors[k] = packColor(c, th.bg); dimmed[k] = packColor(c, th.bg, 0.85);
  }
  return { colors, dimmed, background: packColor(th.bg) };
}

/** How to draw colouring `by`: {values (per point, an index into colors; the last colour for values past it), colors,
 *  dimmed, background, key}. key: null (the legend says it), {kind: "faith"}, {kind: "scale", title, lo, hi, stops}
 *  or {kind: "categories", title, items: [{name, color, count}]}. An unknown `by` is "clusters". */
export function colorScheme(by, { P, T, fields = [], theme = "light" }) {
  const th = themeColors(theme);
  if (by === "faith" && P.faith) return { ...faithPalette(theme), values: P.faith, key: { kind: "faith" } };
  const lv = /^level:(\d+)$/.exec(by || "");
  if (lv && +lv[1] >= 1 && +lv[1] <= T.top) {
    const { units, of } = levelUnits(T, +lv[1]);
    return { ...clusterPalette(T.tiers[0].map((c, i) => ({ color: units[of[i]].color })), theme), values: P.cluster, key: null };
  }
  if (by === "year") {
    const years = knownYears(P);
    if (years.length) {
      const lo = years[0], hi = years[years.length - 1], list = [th.other];   // value 0: year unknown
      for (let v = 1; v < 256; v++) list.push(sequentialColor(hi > lo ? (v + YEAR_BASE - lo) / (hi - lo) : 1));
      return { ...packed(list, th, 257, th.other), values: P.year,
        key: { kind: "scale", title: "Year", lo, hi, stops: [0, 0.25, 0.5, 0.75, 1].map(sequentialColor), unknown: th.other } };
    }
  }
  if (by === "field") {
    const list = fields.map((_, k) => CATEGORICAL[k % CATEGORICAL.length]);
    const s = packed(list, th, fields.length + 1, th.other);
    return { ...s, values: P.field, key: { kind: "categories", title: "Field",
      items: fields.map((f, k) => ({ name: f.field || "(none)", color: readable(list[k], th.bg, th.fg), count: f.count })) } };
  }
  if (by === "classification") {
    const full = CATEGORICAL[0], partial = CATEGORICAL[1];
    const list = Array.from({ length: 256 }, (_, v) => (v & FULL_TEXT ? full : partial));
    let nFull = 0; for (let i = 0; i < P.n; i++) nFull += P.flags[i] & FULL_TEXT;
    return { ...packed(list, th, 256, partial), values: P.flags, key: { kind: "categories", title: "Summarised from",
      items: [{ name: "full text", color: readable(full, th.bg, th.fg), count: nFull }, { name: "partial text", color: readable(partial, th.bg, th.fg), count: P.n - nFull }] } };
  }
  return { ...clusterPalette(T.tiers[0], theme), values: P.cluster, key: null };
}
