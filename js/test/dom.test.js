import { test } from "node:test";
import assert from "node:assert/strict";
import { snippetParts } from "../src/dom.js";

test("snippetParts: text and marked matches, in order", () => {
  assert.deepEqual(snippetParts("a \x02black\x03 \x02hole\x03 here"), [
    { text: "a ", mark: false }, { text: "black", mark: true }, { text: " ", mark: false }, { text: "hole", mark: true },
    { text: " here", mark: false }]);
  assert.deepEqual(snippetParts("\x02x\x03"), [{ text: "x", mark: true }]);
  assert.deepEqual(snippetParts("plain"), [{ text: "plain", mark: false }]);
});

test("snippetParts: empty, null, empty marks and a snippet cut inside a match", () => {
  assert.deepEqual(snippetParts(""), []);
  assert.deepEqual(snippetParts(null), []);
  assert.deepEqual(snippetParts("a\x02\x03b"), [{ text: "a", mark: false }, { text: "b", mark: false }]);
  assert.deepEqual(snippetParts("…the \x02bla"), [{ text: "…the bla", mark: false }]);
  assert.deepEqual(snippetParts("ck\x03 hole"), [{ text: "ck hole", mark: false }]);
});

test("snippetParts: markup in the corpus stays text", () => {
  assert.deepEqual(snippetParts("<img src=x onerror=alert(1)> \x02<b>\x03"),
    [{ text: "<img src=x onerror=alert(1)> ", mark: false }, { text: "<b>", mark: true }]);
});
