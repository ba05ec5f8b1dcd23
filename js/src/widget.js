// anywidget entry point: connects the explorer UI to the Python kernel. The map arrives once, as Arrow IPC
// bytes in the `_points` traitlet; text is asked for through the kernel host's messages.
import { createExplorer } from "./app.js";
import { decodePoints } from "./points.js";
import { kernelHost } from "./kernel-host.js";
export { createExplorer, decodePoints, kernelHost };

function render({ model, el }) {
  const host = kernelHost(model);
  const ui = createExplorer(el, { points: decodePoints(model.get("_points")), clusters: model.get("_clusters"),
    levels: model.get("_levels") ?? [], fields: model.get("_fields"), host, theme: model.get("theme"), height: model.get("height"),
    renderer: model.get("renderer") ?? "auto" });
  const onSel = () => ui.setSelection(model.get("_selection"));
  const onFocus = () => { const i = model.get("_focus"); if (i >= 0) ui.openDetail(i, true); };
  const onTheme = () => { if (model.get("theme") !== ui.state.theme) ui.setTheme(model.get("theme")); };
  model.on("change:_selection", onSel); model.on("change:_focus", onFocus); model.on("change:theme", onTheme);
  if (model.get("_selection").length) onSel();
  return () => {
    model.off("change:_selection", onSel); model.off("change:_focus", onFocus); model.off("change:theme", onTheme);
    ui.destroy(); host.destroy();
  };
}

export default { render };
