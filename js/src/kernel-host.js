// The widget's host: the UI's questions go to Python as custom messages {kind, req, ...payload}; the kernel
// answers {req, data} or {req, error}. Every request has a timeout, so one that is never answered fails
// visibly instead of leaving the UI waiting (as lonboard's invoke does with AbortSignal.timeout).

export const REQUEST_TIMEOUT_MS = 30_000;

/** A host over an anywidget model. timeout: ms before a request is rejected (0 or Infinity: never). */
export function kernelHost(model, { timeout = REQUEST_TIMEOUT_MS } = {}) {
  let seq = 0, closed = false;
  const pending = new Map();   // req -> {resolve, reject, timer}
  const settle = (req) => { const p = pending.get(req); if (p) { pending.delete(req); clearTimeout(p.timer); } return p; };
  const onMsg = (msg) => {
    const p = msg && settle(msg.req);
    if (!p) return;   // not ours, or already timed out
    if (msg.error != null) p.reject(new Error(String(msg.error))); else p.resolve(msg.data);
  };
  model.on("msg:custom", onMsg);

  /** Send one request; resolves with the answer's data, rejects with the kernel's error or on timeout. */
  const ask = (kind, payload = {}) => new Promise((resolve, reject) => {
    if (closed) { reject(new Error(`${kind} request after the widget was closed`)); return; }
    const req = ++seq;
    const timer = Number.isFinite(timeout) && timeout > 0 ? setTimeout(() => {
      if (settle(req)) reject(new Error(`no answer from the kernel to the ${kind} request after ${timeout / 1000} s (is the kernel busy or stopped?)`));
    }, timeout) : 0;
    pending.set(req, { resolve, reject, timer });
    try { model.send({ kind, req, ...payload }); } catch (err) { settle(req); reject(err); }
  });

  return {
    ask,
    summary: (i) => ask("summary", { index: i }),
    detail: (i) => ask("detail", { index: i }),
    search: (q, mode) => ask("search", mode ? { query: q, mode } : { query: q }),
    /** The search modes the map offers (the `_search_modes` traitlet: ["hybrid", "words", "meaning"], or ["words"]). */
    searchModes: model.get?.("_search_modes") ?? [],
    count: (q) => ask("count", { query: q }),
    trends: (level) => ask("trends", { level }),
    /** The claim groups of map positions `indices` (null: the whole map), a claim search and/or contested only. */
    claims: ({ indices = null, query = null, contested = false, limit = 50 } = {}) =>
      ask("claims", { indices: indices && Array.from(indices), query, contested, limit }),
    titles: (start, count) => ask("titles", { start, count }),
    reading: (indices, format) => ask("reading", { indices: Array.from(indices), format }),
    select: (indices) => { model.set("_selection", Array.from(indices)); model.save_changes(); },
    theme: (t) => { model.set("theme", t); model.save_changes(); },
    /** How many requests await an answer. */
    get pending() { return pending.size; },
    /** Stop listening and reject every request still waiting. */
    destroy: () => {
      closed = true; model.off("msg:custom", onMsg);
      for (const req of [...pending.keys()]) settle(req).reject(new Error("the widget was closed before the kernel answered"));
    },
  };
}
