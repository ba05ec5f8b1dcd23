import test from "node:test";
import assert from "node:assert/strict";
import { splitXHR } from "../src/split-xhr.js";

// three parts of 10 bytes (the last 4): bytes 0..23, as a static host serves them, ranges clamped to each file
const files = { "db.000": Uint8Array.from({ length: 10 }, (_, i) => i), "db.001": Uint8Array.from({ length: 10 }, (_, i) => 10 + i),
  "db.002": Uint8Array.from({ length: 4 }, (_, i) => 20 + i) };
const asked = [];
class FakeXHR {
  open(m, url, async) { this.m = m; this.url = url; assert.equal(async, false); }
  setRequestHeader(k, v) { this.range = v; }
  overrideMimeType() {}
  getResponseHeader() { return null; }
  send() {
    asked.push([this.url, this.range ?? null]);
    const f = files[this.url.split("/").at(-1).split("?")[0]];
    if (!f) { this.status = 404; return; }
    const [a, b] = this.range ? this.range.slice(6).split("-").map(Number) : [0, f.length - 1];
    this.status = this.range ? 206 : 200; this.response = f.slice(a, Math.min(b, f.length - 1) + 1).buffer;
  }
}
const X = splitXHR(FakeXHR, 10);
const get = (url, range) => { const x = new X(); x.open("GET", url, false); if (range) x.setRequestHeader("Range", range); x.responseType = "arraybuffer"; x.send(null); return x; };

test("a range inside one part passes through", () => {
  asked.length = 0;
  const x = get("https://h/searchdb/db.001", "bytes=2-5");
  assert.deepEqual([...new Uint8Array(x.response)], [12, 13, 14, 15]);
  assert.deepEqual(asked, [["https://h/searchdb/db.001", "bytes=2-5"]]);
});

test("a read-ahead past a part's end is read from the next parts and joined (the worker failed here before)", () => {
  asked.length = 0;
  const x = get("https://h/searchdb/db.000?cb=1", "bytes=6-22");   // bytes 6..22 of the database: parts 0, 1 and 2
  assert.equal(x.status, 206);
  assert.deepEqual([...new Uint8Array(x.response)], Array.from({ length: 17 }, (_, i) => 6 + i));
  assert.deepEqual(asked, [["https://h/searchdb/db.000?cb=1", "bytes=6-9"], ["https://h/searchdb/db.001?cb=1", "bytes=0-9"],
    ["https://h/searchdb/db.002?cb=1", "bytes=0-2"]]);
});

test("a missing part fails with its status; HEAD and other requests pass through", () => {
  assert.equal(get("https://h/db.002", "bytes=2-15").status, 404);
  const h = new X(); h.open("HEAD", "https://h/db.000", false); h.send(); assert.equal(h.status, 200);
  assert.throws(() => new X().open("GET", "https://h/db.000", true), /synchronous/);
});
