// The site's SQLite worker: sql.js-httpvfs's own (sqlite.worker.js, beside it), with XMLHttpRequest replaced by
// split-xhr.js's stand-in so that a read-ahead across two parts of the database works. The part size comes in the
// worker's URL (?chunk=BYTES), from the database's config.json.
import { splitXHR } from "./split-xhr.js";

const chunk = Number(new URLSearchParams(self.location.search).get("chunk"));
if (chunk > 0) self.XMLHttpRequest = splitXHR(self.XMLHttpRequest, chunk);
self.importScripts("sqlite.worker.js");
