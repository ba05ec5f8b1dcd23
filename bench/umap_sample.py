"""UMAP fitted on a sample and the rest transformed, against UMAP on all (not a test): time and faithfulness.

    python bench/umap_sample.py MAP.sqlite [--samples 20000 50000]

Reads the map's vectors, lays them out with `umap_layout(fit_sample=N)` for each N and compares with the
layout already stored in the map (`project` on all papers): seconds, trustworthiness@15 and kNN preservation@15
on the same seeded 5,000-paper sample.
"""
import argparse, sqlite3, time
import numpy as np
from laion_explorer.store import load_vectors, latest_model
from laion_explorer.neighbors import knn_exact, unit_rows
from laion_explorer.project import map_neighbors, neighbor_overlap, trustworthiness_at, umap_layout

def quality(X, Y, s):
    nb, _ = knn_exact(unit_rows(X[s]), 15)
    return trustworthiness_at(X, Y), float(neighbor_overlap(nb, map_neighbors(Y[s], 15)).mean())

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db"); ap.add_argument("--samples", type=int, nargs="+", default=[20_000, 50_000])
    a = ap.parse_args()
    con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    ids, X = load_vectors(con, latest_model(con))
    pos = dict(con.execute("SELECT id, x FROM papers")); posy = dict(con.execute("SELECT id, y FROM papers"))
    Y0 = np.array([[pos[int(i)], posy[int(i)]] for i in ids], np.float32)
    s = np.sort(np.random.default_rng(42).choice(len(X), 5000, replace=False))
    t, k = quality(X, Y0, s)
    print(f"all {len(X):,} papers (stored map): trustworthiness@15 {t:.4f}, kNN preservation@15 (within the 5,000) {k:.4f}")
    for n in a.samples:
        t0 = time.time(); Y = umap_layout(X, fit_sample=n); sec = time.time() - t0
        t, k = quality(X, Y, s)
        print(f"fit on {n:,}, transform the rest: {sec:.0f} s, trustworthiness@15 {t:.4f}, kNN preservation@15 {k:.4f}", flush=True)

if __name__ == "__main__": main()
