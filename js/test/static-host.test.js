import { test } from "node:test";
import assert from "node:assert/strict";
import { searchIndex, queryMatchers, staticHost, fetcher, snippetOf, mapBytes, positionOf } from "../src/static-host.js";

// [title, lowercased field and summary start], as write_site writes search/NNNN.json
const INDEX = [
  ["Black holes in galaxies", "physics: astronomy the growth of supermassive black holes"],
  ["Holography", "physics: optics holograms and black hole analogues in a lab"],
  ["Blackbody radiation", "physics: thermal radiation of black bodies"],
  ["A note on holes", "mathematics: topology holes in a black-and-white picture"],
  ["Über Größen", "mathematics: größen"],
  ["C++ (and c) speed", "computer science: compilers"],
  [null, "no title at all: black hole"],
];
const hits = (q) => searchIndex(INDEX, q).indices;

test("every word must match; the last word is a prefix, the others whole words", () => {
  assert.deepEqual(hits("black hole"), [0, 1, 3, 6]);   // "black" whole word; "hole" starts "holes", "hole"
  assert.deepEqual(hits("black"), [0, 2, 1, 3, 6]);      // 2 via the prefix "blackbody", a title match
  assert.deepEqual(hits("black ho"), [0, 1, 3, 6]);
  assert.deepEqual(hits("blac hole"), []);              // a non-last word must be whole
  assert.deepEqual(hits("lack"), []);                   // words match from their start
});

test("title matches first, then by position; case-insensitive; unicode words", () => {
  assert.deepEqual(hits("HOLE"), [0, 3, 1, 6]);         // titles "Black holes", "A note on holes" first
  assert.deepEqual(hits("größen"), [4]);
  assert.deepEqual(hits("über"), [4]);
});

test("punctuation separates words and is never a regex; an empty query finds nothing", () => {
  assert.deepEqual(hits("c++"), [5]);
  assert.deepEqual(hits("(c"), [5]);
  assert.deepEqual(hits("black-and-white"), [3]);
  assert.deepEqual(searchIndex(INDEX, "  ,;  "), { indices: [], results: [] });
  assert.deepEqual(queryMatchers("a.b").map(String), ["/(^|[^\\p{L}\\p{N}])a($|[^\\p{L}\\p{N}])/iu", "/(^|[^\\p{L}\\p{N}])b/iu"]);
});

test("results: the first `limit` hits with their titles", () => {
  const r = searchIndex(INDEX, "black hole", 2);
  assert.deepEqual(r, { indices: [0, 1, 3, 6], results: [{ index: 0, title: "Black holes in galaxies", snippet: "" },
    { index: 1, title: "Holography", snippet: "" }] });   // an index written before snippets has none
  const many = Array.from({ length: 120 }, (_, i) => [`paper ${i}`, ""]);
  assert.equal(searchIndex(many, "paper").results.length, 50);
});

/** A fetch stand-in over a dict of files; counts the requests. */
function fakeFetch(files) {
  const f = async (path) => {
    f.calls.push(path);
    return path in files ? { ok: true, status: 200, json: async () => files[path], arrayBuffer: async () => files[path] }
      : { ok: false, status: 404 };
  };
  f.calls = [];
  return f;
}

test("staticHost: details from shards (each fetched once), search over every search shard", async () => {
  const files = { "details/0000.json": [{ title: "p0" }, { title: "p1" }], "details/0001.json": [{ title: "p2" }],
    "search/0000.json": INDEX.slice(0, 4), "search/0001.json": INDEX.slice(4) };
  const f = fakeFetch(files), host = staticHost(fetcher(f), { shard_size: 2, search_shards: 2 });
  assert.deepEqual(await host.detail(1), { title: "p1" });
  assert.deepEqual(await host.summary(0), { title: "p0" });
  assert.deepEqual(await host.detail(2), { title: "p2" });
  assert.deepEqual(f.calls, ["details/0000.json", "details/0001.json"]);
  assert.deepEqual((await host.search("black hole")).indices, [0, 1, 3, 6]);
  assert.deepEqual((await host.search("größen")).indices, [4]);
  assert.equal(f.calls.filter((c) => c.startsWith("search/")).length, 2);
});

test("staticHost: a missing file rejects with its name and status, and is asked again next time", async () => {
  const files = {};
  const f = fakeFetch(files), host = staticHost(fetcher(f), { shard_size: 2, search_shards: 1 });
  await assert.rejects(host.detail(5), { message: "details/0002.json: 404" });
  await assert.rejects(host.search("x"), { message: "search/0000.json: 404" });
  files["details/0002.json"] = [{ title: "p4" }, { title: "p5" }];
  assert.deepEqual(await host.detail(5), { title: "p5" });
});

test("staticHost: titles from the small titles files, only those a block touches; none on an older site", async () => {
  const files = { "titles/0000.json": ["a", "b", "c"], "titles/0001.json": ["d", "e", "f"], "titles/0002.json": ["g"] };
  const f = fakeFetch(files), host = staticHost(fetcher(f), { shard_size: 2, search_shards: 1, title_shard: 3, title_shards: 3 });
  assert.equal(host.titleBlock, 3);
  assert.equal(host.prefetchTitles, 0);   // the site loads titles as they are needed, never all in the background
  assert.deepEqual(await host.titles(2, 3), { start: 2, titles: ["c", "d", "e"] });
  assert.deepEqual(f.calls, ["titles/0000.json", "titles/0001.json"]);
  assert.deepEqual(await host.titles(6, 1), { start: 6, titles: ["g"] });
  assert.equal(f.calls.filter((c) => c.startsWith("details/")).length, 0);
  assert.equal(staticHost(fetcher(f), { shard_size: 2, search_shards: 1 }).titles, undefined);
});

// [title, field, summary start], as write_site writes search/NNNN.json now (original case: snippets show it)
const INDEX3 = [
  ["Black Holes in Galaxies", "Physics: Astronomy", "We study the growth of supermassive Black Holes across cosmic time, and their hosts."],
  ["Holography", "Physics: Optics", "Holograms and black-hole analogues in a lab."],
  ["Spectra", "Physics: Astronomy", "A long introduction that goes on and on about instruments, calibration and the many steps before any result: then black holes appear."],
];

test("the site's search gives snippets: the summary around the first match, matches marked, cut with …", () => {
  const r = searchIndex(INDEX3, "black hole");
  assert.deepEqual(r.indices, [0, 1, 2]);
  assert.equal(r.results[0].snippet, "We study the growth of supermassive \x02Black\x03 \x02Holes\x03 across cosmic time, and their hosts.");
  assert.equal(r.results[1].snippet, "Holograms and \x02black\x03-\x02hole\x03 analogues in a lab.");
  const s = r.results[2].snippet;
  assert.ok(s.startsWith("…") && s.includes("\x02black\x03 \x02holes\x03") && !/^…\S*[a-z]\x02/.test(s), s);
  assert.ok(s.replace(/[\x02\x03…]/g, "").length <= 180, s);
  assert.equal(searchIndex(INDEX3, "astronomy").results[0].snippet, "");   // a match in the field only: no snippet
  assert.equal(snippetOf("", queryMatchers("x")), "");
  assert.equal(snippetOf("Über Größen", queryMatchers("grö")), "Über \x02Größen\x03");   // a prefix marks its whole word
  const long = "black hole " + "word ".repeat(36) + "continu o";   // 200 characters: the export cut the summary there
  assert.equal(long.length, 200);
  const cut = snippetOf(long, queryMatchers("black"));
  assert.ok(cut.endsWith("word…") && !cut.includes(" o"), cut);
});

test("the map's bytes: map.arrow, or the parts info.map names, joined in order", async () => {
  const files = { "map.arrow": Uint8Array.of(1, 2, 3).buffer, "map.arrow.000": Uint8Array.of(1, 2).buffer,
                  "map.arrow.001": Uint8Array.of(3, 4).buffer, "map.arrow.002": Uint8Array.of(5).buffer };
  const asked = [];
  const get = async (f, kind) => { asked.push([f, kind]); if (!(f in files)) throw new Error(`${f}: 404`); return files[f]; };
  assert.deepEqual([...new Uint8Array(await mapBytes(get, {}))], [1, 2, 3]);                        // one file
  assert.deepEqual([...new Uint8Array(await mapBytes(get, { map: ["map.arrow"] }))], [1, 2, 3]);
  assert.deepEqual([...new Uint8Array(await mapBytes(get, { map: ["map.arrow.000", "map.arrow.001", "map.arrow.002"] }))], [1, 2, 3, 4, 5]);
  assert.ok(asked.every(([, kind]) => kind === "arrayBuffer"));
  await assert.rejects(mapBytes(get, { map: ["map.arrow.000", "map.arrow.009"] }), /map.arrow.009: 404/);   // a missing part fails loudly
});

test("positionOf: a paper id to its map position, ascending ids or not; -1 off the map", () => {
  const up = positionOf(Float64Array.of(3, 5, 8, 2 ** 40, 2 ** 52));
  assert.deepEqual([3, 5, 8, 2 ** 40, 2 ** 52, 4, 0, 9, 2 ** 41].map(up), [0, 1, 2, 3, 4, -1, -1, -1, -1]);
  const mixed = positionOf(Float64Array.of(40, 7, 19, 3, 100));
  assert.deepEqual([40, 7, 19, 3, 100, 8, 1000].map(mixed), [0, 1, 2, 3, 4, -1, -1]);
  assert.equal(positionOf(new Float64Array(0))(1), -1);
  const big = Float64Array.from({ length: 100_000 }, (_, i) => 3 * i + 1);   // every third id, as a map of 100k papers
  const at = positionOf(big);
  assert.ok([0, 1, 77_777, 99_999].every((k) => at(3 * k + 1) === k) && at(3 * 5 + 2) === -1);
});
