// The exported static site's script, the one index.html loads: it takes the explorer from the widget's own
// bundle (widget.js, copied beside it; one copy of the explorer, shared with the notebook widget), reads
// the map (map.arrow, or the parts info.json names) and the JSON files next to the page (levels.json optional),
// titles the page (#title) and mounts the explorer on #app with a host that answers from the static files;
// window.explorer is the explorer's API.
import { createExplorer, decodePoints } from "./widget.js";
import { fetcher, mapBytes, staticHost } from "./static-host.js";
import { createDbWorker } from "sql.js-httpvfs";

/** The site's search database (info.search_db), read a page at a time by range requests from a worker running
 *  SQLite in WebAssembly (sql.js-httpvfs; sqlite.worker.js and sql-wasm.wasm lie beside the page). */
const openSearchDb = (configUrl) => async () => {
  // a server that ignores byte ranges (python -m http.server) would hand SQLite whole files where it asked for pages
  const probe = await fetch(new URL("db.000", new URL(configUrl, location.href)), { headers: { Range: "bytes=0-15" } });
  if (probe.status !== 206) throw new Error(`the server does not answer byte ranges (status ${probe.status})`);
  // sql.js-httpvfs's worker behind split-xhr.js, which joins a read-ahead that runs across two parts of the database
  const cfg = await (await fetch(new URL(configUrl, location.href))).json();
  const w = await createDbWorker([{ from: "jsonconfig", configUrl }], `lx-sqlite.worker.js?chunk=${Number(cfg.serverChunkSize) || 0}`, "sql-wasm.wasm");
  return (sql, params = []) => w.db.query(sql, params);
};

async function main() {
  const get = fetcher();
  const app = document.getElementById("app");
  try {
    // info.json names the map's files (one, or the parts of a large map); the rest is fetched meanwhile
    const rest = Promise.all([get("clusters.json"), get("levels.json").catch(() => []), get("fields.json")]);   // a site exported before levels has none
    rest.catch(() => {});   // (awaited below: a failure there is reported once, not also as unhandled)
    const info = await get("info.json");
    const [buf, [clusters, levels, fields]] = await Promise.all([mapBytes(get, info), rest]);
    document.getElementById("title").textContent = info.title;
    const renderer = new URLSearchParams(location.search).get("renderer") || "auto";   // ?renderer=webgl or canvas
    const points = decodePoints(buf, { ids: true });   // the ids: search hits become map positions without the database
    window.explorer = createExplorer(app, { points, clusters, levels, fields, host: staticHost(get, info, { openSearchDb: info.search_db ? openSearchDb(info.search_db) : null, mapIds: points.id }),
      height: Math.max(480, innerHeight - 120), renderer });
  } catch (err) {
    app.textContent = `Could not load the map: ${err.message}`;
    throw err;
  }
}

main();
