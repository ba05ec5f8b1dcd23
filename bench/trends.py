"""Emerging and declining topics of the 2025–26 arXiv listings (not a test): a dated map, then `cluster_trends` by month.

    python bench/trends.py [--limit N] [--top 10] [--map-only] [--trends-only]

The corpus is ../shared/data/arxiv-daily-2025-26.parquet in the nested summary layout with its listing date as a
`published` column (written once to bench/out/trends/daily[-N].parquet; --limit N takes a seeded draw of N papers).
The map is `regenerate(..., model="tfidf")` with the shipped defaults (bench/out/trends/map[-N].sqlite, built once;
delete it to rebuild). Prints the corpus's papers per month, the top emerging and declining clusters of every level
(growth a month and a year with 95% intervals, q-values) and how many clusters were too small to test, and writes
bench/out/trends/trends[-N].json (the whole `cluster_trends` result).

--stable counts only the papers of the categories the listing collected in every month (the collector's category
set changed: cs.LG, cs.SE, cs.CR and eess stop in mid-2025, cs.IT and cs.GT start in January 2026), so that a
category switched on or off does not pass for a topic that rises or fades; it writes trends-stable[-N].json.
"""
import argparse, json, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "trends"

def corpus(limit:int|None) -> Path:
    "The nested-layout parquet of the 2025-26 arXiv papers with a `published` column (all, or a seeded draw)."
    import pyarrow as pa, pyarrow.parquet as pq
    from laion_explorer.testing import default_shared, read_arxiv_daily
    from laion_explorer.samples import write_nested
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / (f"daily-{limit}.parquet" if limit else "daily.parquet")
    if not path.exists():
        src = default_shared() / "arxiv-daily-2025-26.parquet"
        n = pq.ParquetFile(src).metadata.num_rows
        recs = read_arxiv_daily(src, min(limit or n, n), seed=0)
        tmp = write_nested([{"id": r["id"], "summarization": {k: v for k, v in r.items() if k not in ("id", "published")},
                             "sample": None, "error": None} for r in recs], OUT / f".{path.name}.tmp")
        t = pq.read_table(tmp)
        pq.write_table(t.append_column("published", pa.array([r["published"] for r in recs], pa.string())), path, row_group_size=5000)
        tmp.unlink()
    return path

def build_map(parquet:Path, limit:int|None) -> Path:
    "regenerate with TF-IDF vectors and the shipped defaults, once."
    from laion_explorer.pipeline import regenerate
    from laion_explorer.store import connect
    db = OUT / (f"map-{limit}.sqlite" if limit else "map.sqlite")
    def done():   # a map whose last stage (labels) has run; a killed build is built again
        if not db.exists(): return False
        with connect(db) as c: return bool(c.execute("SELECT count(*) FROM runs WHERE stage = 'label'").fetchone()[0])
    if not done():
        t = time.time()
        res = regenerate(parquet, db, model="tfidf", quiet=True, progress=False)
        print(f"map: {res.papers:,} papers, {res.clusters} clusters in {time.time() - t:.0f} s -> {db}", file=sys.stderr, flush=True)
    return db

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="papers (a seeded draw; default all 74,728)")
    ap.add_argument("--top", type=int, default=10, help="rows of each table")
    ap.add_argument("--min-papers", type=int, default=None, help="cluster_trends' min_papers (default: its own)")
    ap.add_argument("--map-only", action="store_true", help="build the corpus and map, stop")
    ap.add_argument("--stable", action="store_true", help="only the categories collected in every month")
    a = ap.parse_args()
    db = build_map(corpus(a.limit), a.limit)
    if a.map_only: return
    from laion_explorer.trends import cluster_trends, trend_table
    from laion_explorer.store import connect
    fs = None
    if a.stable:
        with connect(db, readonly=True) as c:
            months = c.execute("SELECT count(DISTINCT substr(published, 1, 7)) FROM papers").fetchone()[0]
            fs = [r[0] for r in c.execute("SELECT field_subfield FROM papers GROUP BY 1 HAVING count(DISTINCT substr(published, 1, 7)) = ?", (months,))]
        print("categories collected in every month: " + "; ".join(fs))
    t = time.time()
    res = cluster_trends(db, period="month", field_subfields=fs, **({"min_papers": a.min_papers} if a.min_papers else {}))
    took = time.time() - t
    print(f"{db}: {sum(res['N']):,} dated papers, {len(res['periods'])} months {res['periods'][0]} to {res['periods'][-1]} "
          f"({took:.2f} s)")
    print("papers a month: " + ", ".join(f"{p} {n:,}" for p, n in zip(res["periods"], res["N"])))
    for note in res["notes"]: print("note:", note)
    for lv in sorted({r["level"] for r in res["clusters"]}):
        rows = [r for r in res["clusters"] if r["level"] == lv]
        by = {s: sum(r["trend"] == s for r in rows) for s in ("emerging", "declining", "no clear trend", "too few papers")}
        print(f"\nlevel {lv}: {len(rows)} clusters: " + ", ".join(f"{k} {v}" for k, v in by.items()))
        for kind in ("emerging", "declining"):
            print(f"\n{kind}, level {lv}:\n" + trend_table(res, kind, n=a.top, level=lv))
    out = OUT / ("trends" + ("-stable" if a.stable else "") + (f"-{a.limit}" if a.limit else "") + ".json")
    out.write_text(json.dumps(res, indent=1))

if __name__ == "__main__": main()
