// anywidget entry point: connects the explorer UI to the Python kernel.
import { createExplorer } from "./app.js";
import { decodePoints } from "./data.js";
export { createExplorer, decodePoints };

/** A host that answers the UI's questions through widget messages to Python. */
function kernelHost(model) {
  let seq = 0;
  const pending = new Map();
  model.on("msg:custom", (msg, buffers) => {
    const p = pending.get(msg.req);
    if (!p) return;
    pending.delete(msg.req);
    if (msg.error) p.reject(new Error(msg.error)); else p.resolve({ ...msg.data, buffers });
  });
  const ask = (kind, payload) => new Promise((resolve, reject) => {
    const req = ++seq; pending.set(req, { resolve, reject }); model.send({ kind, req, ...payload });
  });
  return {
    summary: (i) => ask("summary", { index: i }),
    detail: (i) => ask("detail", { index: i }),
    search: (q) => ask("search", { query: q }),
    fieldMask: async (field) => {
      const r = await ask("field_mask", { field }), b = r.buffers[0];
      return new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    },
    select: (indices) => { model.set("_selection", Array.from(indices)); model.save_changes(); },
    theme: (t) => { model.set("theme", t); model.save_changes(); },
  };
}

function render({ model, el }) {
  const points = decodePoints(model.get("_points"));
  const ui = createExplorer(el, { points, clusters: model.get("_clusters"), fields: model.get("_fields"),
    host: kernelHost(model), theme: model.get("theme"), height: model.get("height") });
  const onSel = () => ui.setSelection(model.get("_selection"));
  const onFocus = () => { const i = model.get("_focus"); if (i >= 0) ui.openDetail(i, true); };
  const onTheme = () => { if (model.get("theme") !== ui.state.theme) ui.setTheme(model.get("theme")); };
  model.on("change:_selection", onSel); model.on("change:_focus", onFocus); model.on("change:theme", onTheme);
  if (model.get("_selection").length) onSel();
  return () => { model.off("change:_selection", onSel); model.off("change:_focus", onFocus); model.off("change:theme", onTheme); ui.destroy(); };
}

export default { render };
