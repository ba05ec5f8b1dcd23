"""UMAP's start layout at scale (not a test): spectral against PCA, time and faithfulness on a map's vectors.

    python bench/umap_init.py MAP.sqlite [--inits spectral pca]

UMAP starts its optimisation from a spectral embedding of the k-NN graph (`init="spectral"`). scipy's eigsh keeps
sqrt(n) Lanczos vectors of n float64: 8 GB at a million papers, and on the 1M recombined corpus it ran for over 10
minutes without finishing. This lays the map's vectors out with each start (the same approximate k-NN graph the
pipeline builds, passed to both) and reports seconds, trustworthiness@15 on the seeded 5,000-paper sample and kNN
preservation@15 over every paper (share of each paper's 15 nearest in embedding space among its 15 nearest on the map).
"""
import argparse, sqlite3, time
import numpy as np
from laion_explorer.store import latest_model, load_vectors
from laion_explorer.neighbors import knn_graph
from laion_explorer.project import map_neighbors, neighbor_overlap, trustworthiness_at, umap_layout

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db"); ap.add_argument("--inits", nargs="+", default=["spectral", "pca"])
    a = ap.parse_args()
    con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    ids, X = load_vectors(con, latest_model(con)); con.close()
    t = time.time(); knn = knn_graph(ids, X, 15, "approx", progress=False)
    print(f"{len(X):,} papers; k-NN graph {knn.method} (recall {knn.recall}) in {time.time() - t:.0f} s", flush=True)
    umap_layout(X[:2000], knn=None)   # compile (or load) UMAP's code outside the timings
    for init in a.inits:
        t = time.time(); Y = umap_layout(X, knn=knn, init=init); sec = time.time() - t
        pres = float(neighbor_overlap(knn.indices[:, :15], map_neighbors(Y, 15)).mean())
        print(f"init {init}: {sec:.0f} s, trustworthiness@15 {trustworthiness_at(X, Y):.4f}, kNN preservation@15 {pres:.4f}", flush=True)

if __name__ == "__main__": main()
