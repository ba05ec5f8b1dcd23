// sql.js-httpvfs reads the site's search database (searchdb/db.000, db.001, ...: parts of SEARCH_DB_CHUNK bytes, as
// Pages takes 25 MiB a file) a page at a time, and reads ahead when pages come in order, up to 5 MiB at once. Its
// range mapper sends a whole read-ahead to the part where it starts, so one that runs past the end of a part came
// back short and the worker failed ("doXHR failed (bug)!") as soon as a search read across two parts. This
// XMLHttpRequest stand-in, installed in the worker (sqlite-worker.js), splits such a request at the part's end and
// reads the rest from the parts after it, so the database reads as one file. Everything else passes through.

/** The byte arrays (Uint8Array or ArrayBuffer) `parts`, one after another, as one ArrayBuffer (a single part as it is). */
export function joinBytes(parts) {
  if (parts.length === 1) return parts[0] instanceof ArrayBuffer ? parts[0] : parts[0].slice().buffer;
  const out = new Uint8Array(parts.reduce((a, p) => a + p.byteLength, 0));
  let o = 0;
  for (const p of parts) { out.set(p instanceof ArrayBuffer ? new Uint8Array(p) : p, o); o += p.byteLength; }
  return out.buffer;
}

/** An XMLHttpRequest class over `Native` (the worker's own) for a database split into parts of `chunk` bytes named
 *  PREFIX.NNN: a GET whose Range runs past `chunk` is read from as many parts as it spans, and answered as one 206. */
export function splitXHR(Native, chunk) {
  return class SplitXHR {
    constructor() { this.headers = {}; this.status = 0; this.response = undefined; this.responseType = ""; this.native = null; }
    open(method, url, async = true) {
      if (async) throw new Error("SplitXHR serves synchronous requests only (sql.js-httpvfs makes no others)");
      this.method = method; this.url = String(url);
    }
    setRequestHeader(k, v) { this.headers[k] = v; }
    overrideMimeType() {}
    getResponseHeader(k) { return this.native ? this.native.getResponseHeader(k) : null; }
    getAllResponseHeaders() { return this.native ? this.native.getAllResponseHeaders() : ""; }
    send(body = null) {
      const r = /^bytes=(\d+)-(\d+)$/.exec(this.headers.Range ?? ""), m = /^(.*\.)(\d+)(\?.*)?$/.exec(this.url);
      if (this.method !== "GET" || !r || !m || Number(r[2]) < chunk) { this.one(this.url, this.headers.Range, body); return; }
      let from = Number(r[1]), to = Number(r[2]), k = Number(m[2]);
      const parts = [];
      for (;;) {
        this.one(m[1] + String(k).padStart(m[2].length, "0") + (m[3] ?? ""), `bytes=${from}-${Math.min(to, chunk - 1)}`, null);
        if (!(this.status >= 200 && this.status < 300)) return;   // the caller sees the failed part's status
        parts.push(new Uint8Array(this.response));
        if (to < chunk) break;
        to -= chunk; from = 0; k++;
      }
      this.status = 206; this.response = joinBytes(parts);
    }
    one(url, range, body) {
      const x = new Native();
      x.open(this.method, url, false);
      if (range) x.setRequestHeader("Range", range);
      if (this.responseType) x.responseType = this.responseType;
      x.overrideMimeType?.("text/plain; charset=x-user-defined");
      x.send(body);
      this.native = x; this.status = x.status; this.response = x.response;
    }
  };
}
