"""Run notebooks top to bottom and save their outputs, so the docs site shows them without a kernel.

    python tools/save_outputs.py nbs/tutorial.ipynb

Our notebooks are otherwise kept without outputs. Run from the project root; each notebook runs in its own
folder (as nbdev_test does). Kept: results, printed text and images. Dropped: standard error (warnings,
progress), and widget views, which need a live kernel (the notebook shows a static picture instead).
Then `nbdev_clean` strips execution counts and metadata."""
import os, sys
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell

def keep(o) -> bool:
    if o.get("output_type") == "stream" and o.get("name") == "stderr": return False
    return "application/vnd.jupyter.widget-view+json" not in o.get("data", {})

def save_outputs(path: Path):
    nb = read_nb(path)
    cwd = os.getcwd(); os.chdir(path.parent)
    try:
        sh = CaptureShell()
        sh.run_all(nb, exc_stop=True)
    finally: os.chdir(cwd)
    for c in nb.cells:
        if c.cell_type != "code": continue
        c.outputs = [o for o in c.get("outputs", []) if keep(o)]
        for o in c.outputs:   # PIL images offer PNG and JPEG: keep the PNG only
            if "image/png" in o.get("data", {}): o["data"].pop("image/jpeg", None)
        if c.source.lstrip().startswith("#| hide"): c.outputs = []
    write_nb(nb, path)
    print(f"{path}: {sum(len(c.get('outputs', [])) for c in nb.cells)} outputs saved")

if __name__ == "__main__":
    for p in sys.argv[1:]: save_outputs(Path(p))
