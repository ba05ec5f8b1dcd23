"""Approximate neighbours against exact (not a test): the cell search's and pynndescent's time and recall, on a map's vectors.

    python bench/knn_recall.py MAP.sqlite [--targets 0.9 0.95 0.98] [--widths 30 45 60]

Loads the latest model's vectors and computes the exact 15 nearest of 2,000 seeded papers (other papers than the
1,000 the search checks itself on). Then `knn_approx` (cells probed until the target recall is measured) for each
target, and pynndescent graphs of each width: its first build in the process (numba compiling, as a fresh
process pays it) and later ones, once compiled. Prints seconds and recall@15 of every graph on the 2,000.
"""
import argparse, sqlite3, time
import numpy as np
from laion_explorer.store import load_vectors, latest_model
from laion_explorer.neighbors import _drop_self, jit_cache, knn_approx, knn_exact, recall_at_k, unit_rows

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db"); ap.add_argument("--targets", type=float, nargs="+", default=[0.9, 0.95, 0.98])
    ap.add_argument("--widths", type=int, nargs="*", default=[30, 45, 60])
    a = ap.parse_args()
    con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    _, X = load_vectors(con, latest_model(con)); U = unit_rows(X); n = len(U)
    qs = np.random.default_rng(7).choice(n, 2000, replace=False)
    t = time.time(); truth, _ = knn_exact(U, 15, queries=qs); print(f"{n:,} papers; exact, 2,000 queries: {time.time() - t:.1f} s")
    for target in a.targets:
        t = time.time(); i, _, rec = knn_approx(U, 15, 42, accuracy=target, progress=False, engine="cells")
        print(f"cells, target {target:.2f}: {time.time() - t:6.1f} s  recall@15 {recall_at_k(i[qs], truth):.3f} (own sample {rec:.3f})", flush=True)
    if not a.widths: return
    jit_cache()
    from pynndescent import NNDescent
    for j, w in enumerate(a.widths[:1] + a.widths):
        t = time.time()
        raw_i, raw_d = NNDescent(U, metric="euclidean", n_neighbors=w, random_state=42, low_memory=True).neighbor_graph
        i, _ = _drop_self(raw_i[:, :16], raw_d[:, :16], 15)
        what = "first build (compiling)" if j == 0 else "compiled"
        print(f"pynndescent width {w:3}, {what}: {time.time() - t:6.1f} s  recall@15 {recall_at_k(i[qs], truth):.3f}", flush=True)

if __name__ == "__main__": main()
