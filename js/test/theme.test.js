import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { THEMES, themeColors, themeVars, applyTheme, packColor, clusterPalette } from "../src/theme.js";

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
