import { test } from "node:test";
import assert from "node:assert/strict";
import { kernelHost, REQUEST_TIMEOUT_MS } from "../src/kernel-host.js";

/** An anywidget model stand-in: records what is sent; reply() plays the kernel's custom message. */
function fakeModel() {
  const handlers = new Map(), m = {
    sent: [], values: {}, saves: 0,
    get: (k) => m.values[k],
    on: (name, f) => { handlers.set(name, [...(handlers.get(name) || []), f]); },
    off: (name, f) => { handlers.set(name, (handlers.get(name) || []).filter((g) => g !== f)); },
    send: (msg) => { m.sent.push(msg); },
    set: (k, v) => { m.values[k] = v; }, save_changes: () => { m.saves++; },
    reply: (msg, buffers = []) => (handlers.get("msg:custom") || []).forEach((f) => f(msg, buffers)),
    listeners: (name) => (handlers.get(name) || []).length,
  };
  return m;
}

test("requests: {kind, req, ...payload} out, resolved by the answer with the same req, in any order", async () => {
  const model = fakeModel(), host = kernelHost(model);
  const a = host.detail(7), b = host.search("black hole"), c = host.summary(3);
  assert.deepEqual(model.sent, [{ kind: "detail", req: 1, index: 7 }, { kind: "search", req: 2, query: "black hole" },
    { kind: "summary", req: 3, index: 3 }]);
  assert.equal(host.pending, 3);
  model.reply({ req: 2, data: { indices: [1], results: [] } });
  model.reply({ req: 99, data: "not ours" });
  model.reply({ something: "else" });
  model.reply({ req: 1, data: { title: "T" } });
  model.reply({ req: 3, data: { title: "S" } });
  assert.deepEqual(await a, { title: "T" });
  assert.deepEqual(await b, { indices: [1], results: [] });
  assert.deepEqual(await c, { title: "S" });
  assert.equal(host.pending, 0);
  host.destroy();
});

test("search modes: the traitlet's list is offered, and a chosen mode goes with the query", () => {
  const model = fakeModel(); model.values._search_modes = ["hybrid", "words", "meaning"];
  const host = kernelHost(model);
  assert.deepEqual(host.searchModes, ["hybrid", "words", "meaning"]);
  host.search("images from text", "meaning").catch(() => {});
  assert.deepEqual(model.sent.at(-1), { kind: "search", req: 1, query: "images from text", mode: "meaning" });
  host.destroy();
  assert.deepEqual(kernelHost(fakeModel()).searchModes, []);   // a model without the traitlet: words only, no picker
});

test("an error answer rejects with the kernel's message", async () => {
  const model = fakeModel(), host = kernelHost(model);
  const p = host.detail(-5);
  model.reply({ req: 1, error: "ValueError: no paper at position -5" });
  await assert.rejects(p, { message: "ValueError: no paper at position -5" });
  assert.equal(host.pending, 0);
  host.destroy();
});

test("a request never answered is rejected after the timeout and forgotten; a late answer is ignored", async () => {
  assert.equal(REQUEST_TIMEOUT_MS, 30_000);
  const model = fakeModel(), host = kernelHost(model, { timeout: 20 });
  const p = host.search("q"), t0 = Date.now();
  await assert.rejects(p, (e) => e instanceof Error && /no answer from the kernel to the search request after 0.02 s/.test(e.message));
  assert.ok(Date.now() - t0 >= 15);
  assert.equal(host.pending, 0);
  model.reply({ req: 1, data: {} });   // too late: nothing happens
  const q = host.summary(1);           // later requests still work
  model.reply({ req: 2, data: { title: "ok" } });
  assert.deepEqual(await q, { title: "ok" });
  host.destroy();
});

test("an answer in time clears its timer", async () => {
  const model = fakeModel(), host = kernelHost(model, { timeout: 30 });
  const p = host.detail(1);
  model.reply({ req: 1, data: { title: "fast" } });
  assert.deepEqual(await p, { title: "fast" });
  await new Promise((r) => setTimeout(r, 50));   // no late rejection (it would be an unhandled rejection)
  host.destroy();
});

test("destroy rejects everything pending, stops listening, and refuses new requests", async () => {
  const model = fakeModel(), host = kernelHost(model);
  const a = host.detail(1), b = host.search("x");
  assert.equal(model.listeners("msg:custom"), 1);
  host.destroy();
  await assert.rejects(a, /closed before the kernel answered/);
  await assert.rejects(b, /closed before the kernel answered/);
  assert.equal(model.listeners("msg:custom"), 0);
  assert.equal(host.pending, 0);
  await assert.rejects(host.summary(2), /after the widget was closed/);
  assert.equal(model.sent.length, 2);
});

test("a send that throws rejects the request", async () => {
  const model = fakeModel(), host = kernelHost(model);
  model.send = () => { throw new Error("comm closed"); };
  await assert.rejects(host.detail(1), /comm closed/);
  assert.equal(host.pending, 0);
  host.destroy();
});

test("select and theme set the synced traitlets", () => {
  const model = fakeModel(), host = kernelHost(model);
  host.select(new Set([4, 2]));
  host.theme("dark");
  assert.deepEqual(model.values, { _selection: [4, 2], theme: "dark" });
  assert.equal(model.saves, 2);
  host.destroy();
});
