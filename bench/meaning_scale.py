"""Search by meaning at a million papers (not a test): exact matrix-vector product against query.CellIndex.

    python bench/meaning_scale.py MAP.sqlite [--n 1000000] [--queries 50]

The vectors are MAP's TF-IDF vectors (real text: e.g. the 74,728 arXiv papers of bench/trends.py) repeated with
jitter up to --n (each copy plus Gaussian noise of sd 0.02 a coordinate, renormalised), so the million has the
real corpus's cluster structure. The queries are --queries paper titles of MAP, encoded as a user's query is
(query.tfidf_query_vector). Prints the build time of the cells, the probe and its recall on sampled papers, and
per query: time (p50/p95) and recall of the 200 nearest papers against the exact search.
"""
import argparse, random, sys, time
from pathlib import Path
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db"); ap.add_argument("--n", type=int, default=1_000_000); ap.add_argument("--queries", type=int, default=50)
    a = ap.parse_args()
    from laion_explorer.store import connect, load_vectors
    from laion_explorer.neighbors import unit_rows
    from laion_explorer.query import CellIndex, model_spec, tfidf_query_vector
    con = connect(a.db, readonly=True, create=False)
    model, spec = model_spec(con)
    ids, X = load_vectors(con, model)
    rng = np.random.default_rng(0)
    reps = -(-a.n // len(X))
    U = unit_rows(np.concatenate([X] + [X + rng.normal(0, 0.02, X.shape).astype(np.float32) for _ in range(reps - 1)])[:a.n])
    del X
    titles = [t for (t,) in con.execute("SELECT title FROM papers ORDER BY id")]
    qs = [v for v in (tfidf_query_vector(con, model, spec, t) for t in random.Random(1).sample(titles, a.queries)) if v is not None]
    print(f"{len(U):,} vectors x {U.shape[1]} ({len(ids):,} real, repeated with jitter); {len(qs)} title queries")
    ex_ms, exact = [], []
    for q in qs:
        t = time.perf_counter(); s = U @ q; top = np.argpartition(-s, 199)[:200]; ex_ms.append((time.perf_counter() - t) * 1000); exact.append(set(top))
    from laion_explorer.query import _title_queries
    tq = _title_queries(con, model, seed=7)   # other titles than the measured ones, as the widget's index does
    for name, kw in (("sampled papers", {}), ("50 other titles", {"queries": tq})):
        t = time.perf_counter(); ci = CellIndex(U, **kw); built = time.perf_counter() - t
        print(f"probe measured on {name}: {ci.cells:,} cells, probe {ci.probe} ({ci.probe / ci.cells:.1%}), recall there {ci.recall:.3f}; built in {built:.1f} s")
        measure(ci, qs, exact)
    print(f"exact: p50 {p(ex_ms, 50):.1f} ms, p95 {p(ex_ms, 95):.1f} ms")

p = lambda v, x: float(np.percentile(v, x))

def measure(ci, qs, exact):
    ms, rec = [], []
    for q, e in zip(qs, exact):
        t = time.perf_counter(); rows, _ = ci.top(q, 200); ms.append((time.perf_counter() - t) * 1000); rec.append(len(set(rows) & e) / 200)
    print(f"  cells: p50 {p(ms, 50):.1f} ms, p95 {p(ms, 95):.1f} ms; recall of the 200 nearest for the measured title queries: "
          f"mean {np.mean(rec):.3f}, min {min(rec):.3f}")

if __name__ == "__main__": main()
