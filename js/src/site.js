// The exported static site's script, the one index.html loads: it takes the explorer from the widget's own
// bundle (widget.js, copied beside it; one copy of the explorer, shared with the notebook widget), reads
// map.arrow and the JSON files next to the page (levels.json optional), titles the page (#title) and mounts
// the explorer on #app with a host that answers from the static files; window.explorer is the explorer's API.
import { createExplorer, decodePoints } from "./widget.js";
import { fetcher, staticHost } from "./static-host.js";

async function main() {
  const get = fetcher();
  const app = document.getElementById("app");
  try {
    const [buf, clusters, levels, fields, info] = await Promise.all([get("map.arrow", "arrayBuffer"), get("clusters.json"),
      get("levels.json").catch(() => []), get("fields.json"), get("info.json")]);   // a site exported before levels has none
    document.getElementById("title").textContent = info.title;
    const renderer = new URLSearchParams(location.search).get("renderer") || "auto";   // ?renderer=webgl or canvas
    window.explorer = createExplorer(app, { points: decodePoints(buf), clusters, levels, fields, host: staticHost(get, info),
      height: Math.max(480, innerHeight - 120), renderer });
  } catch (err) {
    app.textContent = `Could not load the map: ${err.message}`;
    throw err;
  }
}

main();
