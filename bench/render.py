"""Static map rendering speed: `python bench/render.py`.

Synthetic maps (50 Gaussian clusters in 2-D, like a UMAP layout) of 100k and 1M points, drawn by
`render.draw_points` at 1200x800 plus label placement for 50 labels, in one process. The first call
compiles datashader's numba kernels and is reported separately."""
import json, time, sys
from pathlib import Path
import numpy as np
from PIL import ImageFont
from laion_explorer.explorer import PALETTE
from laion_explorer.render import draw_points, place_labels, fit_view

def synthetic(n, k=50, seed=0):
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-10, 10, (k, 2)); c = rng.integers(0, k, n)
    xy = centres[c] + rng.normal(0, 0.6, (n, 2))
    return xy[:, 0], xy[:, 1], c, centres

def once(n, W=1200, H=800):
    x, y, c, centres = synthetic(n)
    t = time.perf_counter()
    img = draw_points(x, y, c, list(PALETTE) + list(PALETTE[:20]), W, H)
    (x0, x1), (y0, y1) = fit_view(x, y, W, H)
    font = ImageFont.load_default(size=15)
    items = [(f"Cluster {i} label text", (cx - x0) / (x1 - x0) * W, (y1 - cy) / (y1 - y0) * H) for i, (cx, cy) in enumerate(centres)]
    placed = place_labels(items, font, W, H)
    return time.perf_counter() - t, len(placed)

if __name__ == "__main__":
    rows = {}
    first, _ = once(1000); rows["first call (compile), 1k points"] = round(first, 2)
    for n in (10_000, 100_000, 1_000_000):
        ts = [once(n)[0] for _ in range(3)]
        rows[f"{n:,} points"] = round(min(ts), 3)
    out = Path(__file__).parent/"out"; out.mkdir(exist_ok=True)
    (out/"render.json").write_text(json.dumps(rows, indent=1))
    for k, v in rows.items(): print(f"{k}: {v} s")
