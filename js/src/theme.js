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

/** Packed dot colours per cluster index on a theme, full and dimmed (the last entry: points in no listed cluster). */
export function clusterPalette(clusters, name, dim = 0.85) {
  const th = themeColors(name), n = clusters.length;
  const colors = new Uint32Array(n + 1), dimmed = new Uint32Array(n + 1);
  clusters.forEach((c, i) => { colors[i] = packColor(c.color, th.bg); dimmed[i] = packColor(c.color, th.bg, dim); });
  colors[n] = packColor(th.unclustered, th.bg); dimmed[n] = packColor(th.unclustered, th.bg, dim);
  return { colors, dimmed, background: packColor(th.bg) };
}
