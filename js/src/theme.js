// Colours: the themes (theme.json, also read by Python's image renderer), CSS custom properties on the
// root element (widget.css uses only var(--name)), and packed pixel colours for the canvas.
import THEMES from "./theme.json" with { type: "json" };

export { THEMES };

/** The colours of a theme by name; an unknown name gets the light theme. */
export const themeColors = (name) => THEMES[name] ?? THEMES.light;

/** The CSS custom properties of a theme: {"--bg": "#ffffff", ...}. */
export const themeVars = (name) => Object.fromEntries(Object.entries(themeColors(name)).map(([k, v]) => [`--${k}`, v]));

/** Show `root` in a theme: data-theme (for tests and CSS hooks) and the colours as custom properties. */
export function applyTheme(root, name) {
  root.dataset.theme = name;
  for (const [k, v] of Object.entries(themeVars(name))) root.style.setProperty(k, v);
}

/** "#rrggbb" -> 0xAABBGGRR (the byte order of ImageData on little-endian machines), mixed toward `bg` by `fade`. */
export function packColor(hex, bg = "#ffffff", fade = 0) {
  const p = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [r, g, b] = p(hex), [R, G, B] = p(bg);
  const m = (c, C) => Math.round(c * (1 - fade) + C * fade);
  return ((255 << 24) | (m(b, B) << 16) | (m(g, G) << 8) | m(r, R)) >>> 0;
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hex = (c) => "#" + c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");

/** WCAG relative luminance of "#rrggbb". */
export function luminance(color) {
  const [r, g, b] = rgb(color).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1: the same, 21: black on white). */
export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

export const DOT_CONTRAST = 1.6;   // a dot this far from the background stays visible (a pale yellow on white is 1.04)

/** `color`, or, when it is too close to the background `bg` to see, mixed toward `fg` just until it is not. */
export function readable(color, bg, fg, min = DOT_CONTRAST) {
  if (contrast(color, bg) >= min) return color;
  const c = rgb(color), f = rgb(fg);
  for (let t = 0.1; t < 1; t += 0.1) {
    const m = hex(c.map((v, k) => v + (f[k] - v) * t));
    if (contrast(m, bg) >= min) return m;
  }
  return fg;
}

/** Packed dot colours per cluster index on a theme, full and dimmed (the last entry: points in no listed cluster).
 *  A cluster colour too pale (or too dark) for the theme's background is drawn a little darker (lighter). */
export function clusterPalette(clusters, name, dim = 0.85) {
  const th = themeColors(name), n = clusters.length;
  const colors = new Uint32Array(n + 1), dimmed = new Uint32Array(n + 1);
  clusters.forEach((c, i) => {
    const col = readable(c.color, th.bg, th.fg);
    colors[i] = packColor(col, th.bg); dimmed[i] = packColor(col, th.bg, dim);
  });
  colors[n] = packColor(th.unclustered, th.bg); dimmed[n] = packColor(th.unclustered, th.bg, dim);
  return { colors, dimmed, background: packColor(th.bg) };
}

/** The faithfulness scale of a theme at v in [0, 1]: faith-low (0: none of a paper's nearest papers is near it on the
 *  map) through faith-mid (0.5) to faith-high (1: all are), mixed linearly in sRGB; "#rrggbb". */
export function faithColor(v, name) {
  const th = themeColors(name), p = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const x = Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0)), [a, b] = x < 0.5 ? ["faith-low", "faith-mid"] : ["faith-mid", "faith-high"];
  const f = x < 0.5 ? x * 2 : x * 2 - 1, A = p(th[a]), B = p(th[b]);
  return "#" + A.map((c, k) => Math.round(c + (B[k] - c) * f).toString(16).padStart(2, "0")).join("");
}

/** Packed dot colours for the `faith` column (0 to 255 for 0 to 1), full and dimmed, in clusterPalette's shape: index
 *  256, which no uint8 reaches, is the "no value" slot, so `rasterize` can draw with `cluster: P.faith`. */
export function faithPalette(name, dim = 0.85) {
  const th = themeColors(name), colors = new Uint32Array(257), dimmed = new Uint32Array(257);
  for (let v = 0; v < 256; v++) { const c = faithColor(v / 255, name); colors[v] = packColor(c, th.bg); dimmed[v] = packColor(c, th.bg, dim); }
  colors[256] = packColor(th.unclustered, th.bg); dimmed[256] = packColor(th.unclustered, th.bg, dim);
  return { colors, dimmed, background: packColor(th.bg) };
}

/** A CSS linear-gradient of the faithfulness scale (for its colour bar), left 0 to right 1. */
export const faithGradient = (name, steps = 10) =>
  `linear-gradient(to right, ${Array.from({ length: steps + 1 }, (_, k) => faithColor(k / steps, name)).join(", ")})`;
