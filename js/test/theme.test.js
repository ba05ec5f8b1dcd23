import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { THEMES, themeColors, themeVars, applyTheme, packColor, clusterPalette, faithColor, faithPalette, faithGradient, contrast, readable, DOT_CONTRAST } from "../src/theme.js";
import { meanShare } from "../src/faith.js";

test("packColor: #rrggbb to 0xAABBGGRR, faded toward the background", () => {
  assert.equal(packColor("#ff0000"), 0xFF0000FF);
  assert.equal(packColor("#102030"), 0xFF302010);
  assert.equal(packColor("#000000", "#ffffff", 0.5), 0xFF808080);   // 127.5 rounds up
  assert.equal(packColor("#4e79a7", "#16181d", 1), packColor("#16181d"));
  assert.equal(packColor("#4e79a7", "#16181d", 0), packColor("#4e79a7"));
});

test("theme.json: both themes have the same colours, and an unknown theme is light", () => {
  assert.deepEqual(Object.keys(THEMES.dark).sort(), Object.keys(THEMES.light).sort());
  for (const k of ["bg", "fg", "muted", "line", "panel", "accent", "halo"]) assert.ok(THEMES.light[k] && THEMES.dark[k], k);
  assert.equal(THEMES.light.bg, "#ffffff");
  assert.equal(THEMES.dark.bg, "#16181d");
  assert.equal(themeColors("nope"), THEMES.light);
  assert.equal(themeVars("dark")["--bg"], "#16181d");
});

test("widget.css takes every colour from theme.json", () => {
  const css = readFileSync(new URL("../src/widget.css", import.meta.url), "utf8");
  assert.doesNotMatch(css, /#[0-9a-f]{3,8}\b|rgba?\(/i);
  const used = new Set([...css.matchAll(/var\(--([\w-]+)\)/g)].map((m) => m[1]));
  for (const v of used) assert.ok(v in THEMES.light, `--${v} is not in theme.json`);
});

test("applyTheme sets data-theme and the custom properties", () => {
  const props = {}, root = { dataset: {}, style: { setProperty: (k, v) => { props[k] = v; } } };
  applyTheme(root, "dark");
  assert.equal(root.dataset.theme, "dark");
  assert.deepEqual(props, themeVars("dark"));
});

test("clusterPalette: one colour per cluster plus one for points in no cluster, dimmed toward the background", () => {
  const p = clusterPalette([{ color: "#ff0000" }, { color: "#00ff00" }], "dark");
  assert.equal(p.colors.length, 3);
  assert.equal(p.colors[0], packColor("#ff0000"));
  assert.equal(p.dimmed[1], packColor("#00ff00", THEMES.dark.bg, 0.85));
  assert.equal(p.colors[2], packColor(THEMES.dark.unclustered, THEMES.dark.bg));
  assert.equal(p.background, packColor(THEMES.dark.bg));
});

test("faithColor: faith-low at 0, faith-mid at 0.5, faith-high at 1, linear between, clamped", () => {
  for (const name of ["light", "dark"]) {
    const th = THEMES[name];
    assert.equal(faithColor(0, name), th["faith-low"]);
    assert.equal(faithColor(0.5, name), th["faith-mid"]);
    assert.equal(faithColor(1, name), th["faith-high"]);
    assert.equal(faithColor(-3, name), th["faith-low"]); assert.equal(faithColor(7, name), th["faith-high"]);
    assert.equal(faithColor(NaN, name), th["faith-low"]);
  }
  assert.equal(faithColor(0.25, "light"), "#c6766d");   // halfway from #d2372c to #b9b4ae
  // the scale runs from red to blue: red falls and blue rises along it
  const rgb = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  for (const name of ["light", "dark"]) {
    const cs = Array.from({ length: 11 }, (_, k) => rgb(faithColor(k / 10, name)));
    for (let k = 1; k < 11; k++) { assert.ok(cs[k][0] <= cs[k - 1][0]); assert.ok(cs[k][2] >= cs[k - 1][2]); }
  }
});

test("faith colours are visible on their theme's background (contrast 2:1 or more at both ends and the middle)", () => {
  const lum = (h) => { const c = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  for (const name of ["light", "dark"]) for (const v of [0, 0.5, 1]) {
    assert.ok(contrast(faithColor(v, name), THEMES[name].bg) >= 2, `${name} ${v}: ${contrast(faithColor(v, name), THEMES[name].bg)}`);
  }
});

test("faithPalette: 256 values and a 'no value' slot, in clusterPalette's shape; faithGradient", () => {
  const p = faithPalette("dark");
  assert.equal(p.colors.length, 257); assert.equal(p.dimmed.length, 257);
  assert.equal(p.colors[0], packColor(THEMES.dark["faith-low"]));
  assert.equal(p.colors[255], packColor(THEMES.dark["faith-high"]));
  assert.equal(p.dimmed[255], packColor(THEMES.dark["faith-high"], THEMES.dark.bg, 0.85));
  assert.equal(p.colors[256], packColor(THEMES.dark.unclustered, THEMES.dark.bg));
  assert.equal(p.background, packColor(THEMES.dark.bg));
  const g = faithGradient("light", 2);
  assert.equal(g, `linear-gradient(to right, ${THEMES.light["faith-low"]}, ${THEMES.light["faith-mid"]}, ${THEMES.light["faith-high"]})`);
});

test("meanShare: the mean of a uint8 column as 0 to 1 over the masked entries", () => {
  const v = new Uint8Array([255, 0, 51, 255]);
  assert.equal(meanShare(v, null), 561 / 4 / 255);
  assert.equal(meanShare(v, new Uint8Array([1, 0, 0, 1])), 1);
  assert.ok(Number.isNaN(meanShare(v, new Uint8Array(4))));
});

test("a cluster colour too close to the background is drawn darker (light theme) or lighter (dark theme)", () => {
  assert.ok(Math.abs(contrast("#000000", "#ffffff") - 21) < 1e-9); assert.equal(contrast("#4e79a7", "#4e79a7"), 1);
  const light = themeColors("light"), dark = themeColors("dark");
  assert.ok(contrast("#ffffb3", light.bg) < 1.1);                    // Set3's pale yellow: invisible on white
  const fixed = readable("#ffffb3", light.bg, light.fg);
  assert.ok(contrast(fixed, light.bg) >= DOT_CONTRAST && contrast(fixed, light.bg) < DOT_CONTRAST + 0.6, fixed);   // just enough
  assert.equal(readable("#4e79a7", light.bg, light.fg), "#4e79a7");   // a readable colour is left alone
  assert.ok(contrast(readable("#1b1d22", dark.bg, dark.fg), dark.bg) >= DOT_CONTRAST);
  const p = clusterPalette([{ color: "#ffffb3" }, { color: "#4e79a7" }], "light");
  assert.notEqual(p.colors[0], packColor("#ffffb3", light.bg)); assert.equal(p.colors[1], packColor("#4e79a7", light.bg));
});
