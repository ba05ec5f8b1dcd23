"""Map-stage benchmark (not a test): time and peak memory of each map step at 100k papers.

    python bench/map.py [--n 100000] [--dim 768] [--clusters 50]

1. 100k x 768 synthetic clustered vectors (50 planted Gaussian clusters of Zipf-like sizes) are stored as
   an embedding model for the first 100k papers of a generated corpus (real titles and summaries, so the
   label step works on real text); `visualize` then runs twice in fresh processes, with auto-k (silhouette over
   20-60) and with k fixed at the k auto-k chose, timing every step and sampling peak memory.
   Targets: whole map stage <= 5 minutes; auto-k adds <= 30% over fixed k.
2. On the shipped sample (3,016 real papers with known arXiv categories), TF-IDF vectors and a default
   map: adjusted Rand index of the clusters against the papers' fields and categories.
"""
import argparse, json, os, subprocess, sys, tempfile, time
from pathlib import Path

CHILD = r"""
import json, sys, threading, time, psutil
from laion_explorer.pipeline import visualize
peak = [0]; stop = []
def sample():
    p = psutil.Process()
    while not stop: peak[0] = max(peak[0], p.memory_info().rss); time.sleep(0.1)
t = threading.Thread(target=sample, daemon=True); t.start()
kw = json.loads(sys.argv[2])
t0 = time.time()
r = visualize(sys.argv[1], "synthetic", quiet=True, progress=False, **kw)
stop.append(1); t.join()
print(json.dumps(dict(times=r.times, total=time.time() - t0, clusters=r.clusters, notes=r.notes, peak_mb=peak[0] / 2**20)))
"""

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--dim", type=int, default=768)
    ap.add_argument("--clusters", type=int, default=50)
    ap.add_argument("--out", default=str(Path(__file__).parent / "out"))
    a = ap.parse_args()
    import numpy as np
    from laion_explorer.store import connect, write_vectors
    from laion_explorer.ingest import build_db
    from laion_explorer.testing import benchmark_corpus
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    root = Path(__file__).resolve().parents[1]
    rows = int(a.n * 1.06) + 1000          # ~4% of the generated rows are dropped by the filter
    corpus = out / f"corpus-{rows}.parquet"
    if not corpus.exists():
        benchmark_corpus(corpus, rows)
    db = out / "map-bench.sqlite"
    build_db(corpus, db, progress=False)
    con = connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM papers ORDER BY id LIMIT ?", (a.n,))]
    with con: con.execute("DELETE FROM papers WHERE id NOT IN (SELECT value FROM json_each(?))", (json.dumps(ids),))
    rng = np.random.default_rng(0)
    sizes = 1 / np.arange(1, a.clusters + 1) ** 0.8; sizes /= sizes.sum()
    planted = rng.choice(a.clusters, len(ids), p=sizes)
    centres = rng.normal(size=(a.clusters, a.dim)).astype(np.float32)
    X = centres[planted] + rng.normal(scale=0.9, size=(len(ids), a.dim)).astype(np.float32)
    with con:
        con.execute("INSERT OR REPLACE INTO embedding_models VALUES ('synthetic', ?, 'float32', 'synthetic', '{}', '')", (a.dim,))
        con.execute("DELETE FROM embeddings")
    write_vectors(con, "synthetic", ids, X, "float32")
    con.close()
    print(f"{len(ids):,} papers x {a.dim}-d synthetic vectors, {a.clusters} planted clusters; {os.cpu_count()} CPUs")

    def run(kw):
        r = subprocess.run([sys.executable, "-c", CHILD, str(db), json.dumps(kw)], capture_output=True, text=True)
        if r.returncode: print(r.stderr); sys.exit(1)
        return json.loads(r.stdout.strip().splitlines()[-1])
    auto = run({})
    k = int(auto["notes"][0].split("=")[1].split()[0]) if auto["notes"] else a.clusters
    fixed = run({"n_clusters": k})
    print(f"{'step':<10} {'auto-k s':>9} {'fixed-k s':>9}")
    for s in auto["times"]: print(f"{s:<10} {auto['times'][s]:>9.1f} {fixed['times'].get(s, 0):>9.1f}")
    print(f"{'total':<10} {auto['total']:>9.1f} {fixed['total']:>9.1f}")
    print(f"peak memory: auto-k {auto['peak_mb']:.0f} MB, fixed-k {fixed['peak_mb']:.0f} MB")
    print(f"auto-k chose k={k}; auto-k adds {100 * (auto['total'] / fixed['total'] - 1):.0f}% over fixed k")
    con = connect(db)
    from sklearn.metrics import adjusted_rand_score
    got = dict(con.execute("SELECT id, cluster_id FROM papers"))
    print(f"ARI of the clusters against the planted clusters: {adjusted_rand_score(planted, [got[i] for i in ids]):.3f}")
    con.close()

    from laion_explorer.pipeline import regenerate
    tmp = Path(tempfile.mkdtemp())
    r = regenerate(root / "data" / "sample.parquet", tmp / "s.sqlite", model="tfidf", quiet=True, progress=False)
    con = connect(tmp / "s.sqlite")
    rows = con.execute("SELECT cluster_id, field, field_subfield FROM papers").fetchall()
    print(f"sample ({r.papers:,} real papers, TF-IDF vectors, {r.clusters} clusters by auto-k): "
          f"ARI vs field {adjusted_rand_score([x[1] for x in rows], [x[0] for x in rows]):.3f}, "
          f"vs arXiv category {adjusted_rand_score([x[2] for x in rows], [x[0] for x in rows]):.3f}")

if __name__ == "__main__": main()
