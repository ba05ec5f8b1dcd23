"""A million papers on one machine (not a test): build and map N papers end to end, time and peak memory per stage.

    python bench/scale.py --papers 100000 300000 1000000 [--skip-export] [--keep]
    python bench/scale.py --papers 1000000 --map-only     # the map stages again, on a kept map

`--map-only` re-runs only `visualize` on bench/out/scale/map-N.sqlite (kept by an earlier `--keep` run), in a
fresh process: the map stages after a change to them, on a quiet machine, without the hour of build and export.
Its stage times replace the earlier run's in scale.json; build-db, embed and export keep theirs.

The corpus is **real text recombined**: each of the N papers takes a real paper of
../shared/data/arxiv-daily-2025-26.parquet (74,728 papers) for its title, authors, year and field, and an abstract
made of the first half of that paper's sentences and the second half of another real paper's from the same primary
arXiv category (both drawn with a seeded generator). Every text is distinct, the vocabulary and the topic structure
are those of real papers, and each paper keeps the primary category of its first source (written beside the corpus
as categories-N.npy, to score the map against). The summaries have the arXiv fields only (title, authors, year,
field, executive summary), so rows are smaller than LAION's (~1.4 KB of JSON against 3-6 KB).

Each N runs in a fresh Python process (so every size pays the same numba start-up): build-db, embed (TF-IDF),
the map stages (`visualize`: neighbours, UMAP, clusters with levels, labels), export (D1 lean layout, R2, site).
A thread samples the process's resident memory every 0.1 s; a stage's peak is the highest sample inside its
window. Then on the finished map: NMI of the fine clusters against the categories, trustworthiness@15 and
kNN preservation (recorded by `project`), and float16 storage measured against float32 (share of each sampled
paper's 15 exact nearest papers that stay the same when the vectors are rounded to float16).
Results: bench/out/scale.json (one entry per N, merged with earlier runs) and a table on stdout.
"""
import argparse, json, os, re, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "scale"

def corpus(n:int, seed:int=0) -> Path:
    "The N-paper parquet of recombined real texts (made once), and categories-N.npy beside it."
    import numpy as np, pyarrow as pa, pyarrow.parquet as pq
    from laion_explorer.samples import NESTED_SCHEMA
    from laion_explorer.testing import arxiv_field_subfield, default_shared, summary_record
    OUT.mkdir(parents=True, exist_ok=True)
    path, cats_path = OUT / f"corpus-{n}.parquet", OUT / f"categories-{n}.npy"
    if path.exists() and cats_path.exists(): return path
    t = pq.read_table(default_shared() / "arxiv-daily-2025-26.parquet", columns=["id", "title", "abstract", "authors", "categories", "listed"]).to_pylist()
    clean = lambda s: " ".join((s or "").split())
    cat = [(r["categories"] or ["?"])[0] for r in t]
    sents = [re.split(r"(?<=[.!?])\s+", clean(r["abstract"])) for r in t]
    by_cat = {}
    for i, c in enumerate(cat): by_cat.setdefault(c, []).append(i)
    names = sorted(by_cat); code = {c: j for j, c in enumerate(names)}
    rng = np.random.default_rng(seed)
    a = rng.integers(0, len(t), n)
    out_cats = np.array([code[cat[i]] for i in a], np.int32)
    tmp = path.with_suffix(".part")
    with pq.ParquetWriter(tmp, NESTED_SCHEMA) as w:
        for s in range(0, n, 50_000):
            ids, sums = [], []
            for j in range(s, min(s + 50_000, n)):
                i = int(a[j]); peers = by_cat[cat[i]]; b = peers[int(rng.integers(len(peers)))]
                sa, sb = sents[i], sents[b]
                abstract = " ".join(sa[: max(1, len(sa) // 2)] + sb[len(sb) // 2:])
                r = t[i]
                rec = summary_record(clean(r["title"]), abstract, "; ".join(r["authors"] or []), int(str(r["listed"])[:4]),
                                     arxiv_field_subfield(cat[i]))
                ids.append(f"scale:{j}"); sums.append(json.dumps(rec, ensure_ascii=False))
            w.write_table(pa.table({"id": ids, "summarization": sums, "sample": [None] * len(ids), "error": [None] * len(ids)},
                                   schema=NESTED_SCHEMA))
    tmp.rename(path); np.save(cats_path, out_cats)
    (OUT / "category-names.json").write_text(json.dumps(names))
    return path

CHILD = r"""
import json, os, sys, threading, time
from pathlib import Path
n, parquet, db, out, do_export, map_only = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5] == "1", sys.argv[6] == "1"
samples, stop = [], threading.Event()
page = os.sysconf("SC_PAGE_SIZE")
def sample():
    while not stop.is_set():
        with open("/proc/self/statm") as f: samples.append((time.time(), int(f.read().split()[1]) * page))
        time.sleep(0.1)
threading.Thread(target=sample, daemon=True).start()
windows = {}
def timed(name, fn, *a, **k):
    t = time.time(); r = fn(*a, **k); windows[name] = (t, time.time()); return r
from laion_explorer.ingest import build_db
from laion_explorer.embed import embed
from laion_explorer.pipeline import visualize
if not map_only:
    for p in (db, Path(str(db) + "-wal"), Path(str(db) + "-shm")): p.unlink(missing_ok=True)
    ing = timed("build-db", build_db, parquet, db, progress=False)
    timed("embed", embed, db, model="tfidf", progress=False)
t0 = time.time()
res = timed("map stages", visualize, db, quiet=True, progress=False)
t = t0
for k, v in res.times.items(): windows[k] = (t, t + v); t += v
if do_export:
    from laion_explorer.export import export
    import shutil
    shutil.rmtree(out, ignore_errors=True)
    ex = timed("export", export, db, out)
stop.set(); time.sleep(0.2)
def peak(a, b): return max((m for t, m in samples if a - 0.15 <= t <= b + 0.15), default=0)
stages = {k: dict(seconds=round(b - a, 1), peak_gb=round(peak(a, b) / 2**30, 2)) for k, (a, b) in windows.items()}
info = dict(papers=res.papers, clusters=res.clusters, levels=res.levels, quality=res.quality, stages=stages,
            peak_gb=round(max(m for _, m in samples) / 2**30, 2), db_bytes=db.stat().st_size)
if not map_only: info["ingest_skipped"] = dict(ing.skipped)
if do_export:
    m = json.loads((out / "manifest.json").read_text())
    files = m["files"]
    def part(prefix): return [f for f in files if f["path"].startswith(prefix)]
    info["export"] = {k: dict(files=len(part(k)), bytes=sum(f["bytes"] for f in part(k)), largest=max((f["bytes"] for f in part(k)), default=0))
                      for k in ("d1/", "r2/", "site/")}
    info["export"]["d1_rows"] = m["d1"]["rows"]
print("RESULT " + json.dumps(info))
"""

def knn_info(db:Path) -> str:
    "How the neighbour graph was made, from the last neighbours run: method and measured recall."
    import sqlite3
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    params, counts = map(json.loads, con.execute("SELECT params, counts FROM runs WHERE stage = 'neighbors' ORDER BY id DESC LIMIT 1").fetchone())
    con.close()
    rec = counts.get("approx_recall")
    return params.get("method", "?") + (f", recall {rec:.3f}" if rec is not None else "")

def quality(n:int, db:Path) -> dict:
    "NMI of the fine clusters against the categories, and float16 neighbour agreement, on the finished map."
    import numpy as np, sqlite3
    from sklearn.metrics import normalized_mutual_info_score
    from laion_explorer.store import latest_model, load_vectors
    from laion_explorer.neighbors import knn_exact, unit_rows
    cats = np.load(OUT / f"categories-{n}.npy")
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute("SELECT p.source_id, p.cluster_id FROM papers p ORDER BY p.id").fetchall()
    src = np.array([int(s.split(":")[1]) for s, _ in rows]); lab = np.array([c if c is not None else -1 for _, c in rows])
    nmi = normalized_mutual_info_score(cats[src], lab)
    ids, X = load_vectors(con, latest_model(con)); con.close()
    U = unit_rows(X.astype(np.float32)); H = unit_rows(X.astype(np.float16).astype(np.float32))
    qs = np.random.default_rng(0).choice(len(U), 1000, replace=False)
    a, _ = knn_exact(U, 15, queries=qs); b, _ = knn_exact(H, 15, queries=qs)
    agree = float(np.mean([len(set(x) & set(y)) / 15 for x, y in zip(a, b)]))
    return dict(nmi_fine=round(nmi, 4), float16_knn_agreement=round(agree, 4), vector_bytes_float32=X.shape[0] * X.shape[1] * 4)

def table(results:dict) -> str:
    "The markdown table of seconds and peak memory per stage, one column per size."
    ns = sorted(results, key=int)
    head = "| stage | " + " | ".join(f"{int(n):,} papers" for n in ns) + " |\n|---|" + "---:|" * len(ns)
    rows = []
    for st in ["build-db", "embed", "neighbors", "project", "cluster", "label", "map stages", "export"]:
        cells = [f"{results[n]['stages'][st]['seconds']:,.0f} s, {results[n]['stages'][st]['peak_gb']:.1f} GB" if st in results[n]["stages"] else "" for n in ns]
        rows.append(f"| {'**map stages** (neighbours to labels)' if st == 'map stages' else st} | " + " | ".join(cells) + " |")
    extra = [("peak memory", lambda r: f"{r['peak_gb']:.1f} GB"), ("map database", lambda r: f"{r['db_bytes'] / 2**30:.2f} GiB"),
             ("neighbour graph", lambda r: r.get("knn", "")),
             ("trustworthiness@15", lambda r: f"{r['quality'].get('trustworthiness_15', float('nan')):.3f}"),
             ("contiguity@15 (fine / coarse)", lambda r: " / ".join(f"{c:.3f}" for c in r["quality"].get("contiguity_15", []))),
             ("NMI fine clusters vs category", lambda r: f"{r['nmi_fine']:.3f}"),
             ("float16 vectors: same 15 nearest", lambda r: f"{r['float16_knn_agreement']:.4f}")]
    rows += [f"| {name} | " + " | ".join(f(results[n]) for n in ns) + " |" for name, f in extra]
    return "\n".join([head, *rows])

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--papers", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    ap.add_argument("--skip-export", action="store_true"); ap.add_argument("--keep", action="store_true", help="keep the map databases")
    ap.add_argument("--table", action="store_true", help="only print the table of earlier runs")
    ap.add_argument("--map-only", action="store_true", help="only the map stages, on the map an earlier --keep run kept")
    a = ap.parse_args()
    res_path = ROOT / "bench" / "out" / "scale.json"
    results = json.loads(res_path.read_text()) if res_path.exists() else {}
    if a.table: print(table(results)); return
    for n in a.papers:
        t = time.time(); parquet = corpus(n); made = time.time() - t
        db, out = OUT / f"map-{n}.sqlite", OUT / f"export-{n}"
        if a.map_only and not db.exists(): sys.exit(f"{db}: no kept map (run with --keep first)")
        p = subprocess.run([sys.executable, "-c", CHILD, str(n), str(parquet), str(db), str(out),
                            "0" if a.skip_export or a.map_only else "1", "1" if a.map_only else "0"],
                           capture_output=True, text=True, cwd=ROOT)
        if p.returncode: sys.exit(f"{n:,} papers: failed\n{p.stderr[-4000:]}")
        r = json.loads(next(l for l in p.stdout.splitlines() if l.startswith("RESULT "))[7:])
        r["knn"] = knn_info(db)
        r.update(quality(n, db), corpus_seconds=round(made, 1), parquet_bytes=parquet.stat().st_size)
        if a.map_only and str(n) in results:   # the earlier run's build, embed and export stand
            old = results[str(n)]; r["stages"] = old["stages"] | r["stages"]; r["export"] = old.get("export")
            r["peak_gb"] = max(r["peak_gb"], old["peak_gb"])
            r = {k: v for k, v in r.items() if v is not None}
        results[str(n)] = r
        res_path.write_text(json.dumps(results, indent=1))
        print(f"\n{n:,} papers: peak {r['peak_gb']} GB, database {r['db_bytes'] / 2**30:.2f} GiB, NMI {r['nmi_fine']}, "
              f"float16 kNN agreement {r['float16_knn_agreement']}, quality {r['quality']}")
        for k, v in r["stages"].items(): print(f"  {k:12} {v['seconds']:8.1f} s  {v['peak_gb']:6.2f} GB")
        if "export" in r: print("  export:", json.dumps(r["export"]))
        if not (a.keep or a.map_only) and n != max(a.papers): db.unlink(missing_ok=True)

if __name__ == "__main__": main()
