"""Approximate neighbours against exact (not a test): pynndescent's recall and time by graph width, on a map's vectors.

    python bench/knn_recall.py MAP.sqlite [--widths 16 30 45 60]

Loads the latest model's vectors, computes the exact 15 nearest of 1,000 seeded papers, then builds pynndescent
graphs of each width (numba warmed up first, so compile time is not counted) and prints seconds and recall@15.
"""
import argparse, sqlite3, time
import numpy as np
from laion_explorer.store import load_vectors, latest_model
from laion_explorer.neighbors import _drop_self, jit_cache, knn_exact, recall_at_k, unit_rows

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db"); ap.add_argument("--widths", type=int, nargs="+", default=[16, 30, 45, 60])
    a = ap.parse_args()
    jit_cache()
    from pynndescent import NNDescent
    con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    _, X = load_vectors(con, latest_model(con)); U = unit_rows(X); n = len(U)
    qs = np.random.default_rng(42).choice(n, 1000, replace=False)
    t = time.time(); truth, _ = knn_exact(U, 15, queries=qs); print(f"exact, 1,000 queries: {time.time() - t:.1f} s")
    NNDescent(U[:2000], metric="euclidean", n_neighbors=16, low_memory=True)   # compile (or load) numba's code
    for w in a.widths:
        t = time.time()
        raw_i, raw_d = NNDescent(U, metric="euclidean", n_neighbors=w, random_state=42, low_memory=True).neighbor_graph
        i, _ = _drop_self(raw_i[:, :16], raw_d[:, :16], 15)
        print(f"width {w:3}: {time.time() - t:6.1f} s  recall@15 {recall_at_k(i[qs], truth):.3f}", flush=True)

if __name__ == "__main__": main()
