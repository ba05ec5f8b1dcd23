"""Real-corpus speed (not a test): `regenerate --model tfidf` on the 74,728 arXiv papers, an earlier version beside this one.

    python bench/regenerate.py [--before REV] [--limit N] [--runs 1]

The corpus is ../shared/data/arxiv-daily-2025-26.parquet in the nested summary layout (written once to
bench/out/regenerate/daily.parquet; --limit N takes a seeded draw of N papers). Each version runs in a fresh Python
process from its own source tree (a git worktree of REV under bench/out/regenerate/, this checkout for "now"), in
this virtualenv, on the same input, one after the other, so both see the same machine: wall seconds, the stage times
regenerate reports, peak memory (max RSS) and the map it made (papers, clusters). The default REV is f1c8f68, the
tree the speed issue measured (752 s, 325 s of it the auto-k sweep). Prints a table and the ratio, and writes
bench/out/regenerate.json.
"""
import argparse, json, os, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

CHILD = r"""
import json, resource, sys, time
t = time.time()
from laion_explorer.pipeline import regenerate
res = regenerate(sys.argv[1], sys.argv[2], model="tfidf", quiet=True, progress=False)
print("RESULT " + json.dumps(dict(wall=round(time.time() - t, 1), times={k: round(v, 1) for k, v in res.times.items()},
      papers=res.papers, clusters=res.clusters, peak_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))))
"""

def corpus(limit:int|None) -> Path:
    "The nested-layout parquet of the 2025-26 arXiv papers (all, or a seeded draw)."
    from laion_explorer.testing import default_shared, read_arxiv_daily
    from laion_explorer.samples import write_nested
    work = OUT / "regenerate"; work.mkdir(parents=True, exist_ok=True)
    path = work / (f"daily-{limit}.parquet" if limit else "daily.parquet")
    if not path.exists():
        import pyarrow.parquet as pq
        src = default_shared() / "arxiv-daily-2025-26.parquet"
        n = pq.ParquetFile(src).metadata.num_rows
        recs = read_arxiv_daily(src, min(limit or n, n), seed=0)
        write_nested([{"id": r["id"], "summarization": {k: v for k, v in r.items() if k != "id"}, "sample": None, "error": None}
                      for r in recs], path)
    return path

def tree(rev:str) -> Path:
    "A worktree of `rev` (made once), or this checkout for 'now'."
    if rev == "now": return ROOT
    wt = OUT / "regenerate" / f"tree-{rev}"
    if not wt.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(wt), rev], check=True, capture_output=True)
    return wt

def run(rev:str, parquet:Path) -> dict:
    "regenerate in a fresh process from `rev`'s source tree."
    src = tree(rev)
    db = OUT / "regenerate" / f"map-{rev}.sqlite"
    env = {**os.environ, "PYTHONPATH": str(src)}
    t = time.time()
    p = subprocess.run([sys.executable, "-c", CHILD, str(parquet), str(db)], env=env, capture_output=True, text=True, cwd=src)
    if p.returncode: sys.exit(f"{rev}: regenerate failed\n{p.stderr[-3000:]}")
    line = next(l for l in p.stdout.splitlines() if l.startswith("RESULT "))
    r = json.loads(line[7:]) | dict(rev=rev, process_s=round(time.time() - t, 1))
    print(f"  {rev}: {r['wall']:.0f} s, {r['clusters']} clusters, peak {r['peak_mb']:,} MB  {r['times']}", file=sys.stderr, flush=True)
    return r

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", default="f1c8f68", help="the earlier version (a git revision)")
    ap.add_argument("--limit", type=int, default=None, help="papers (a seeded draw; default all 74,728)")
    ap.add_argument("--runs", type=int, default=1, help="runs of each version, alternating")
    a = ap.parse_args()
    parquet = corpus(a.limit)
    rows = []
    for _ in range(a.runs):
        for rev in (a.before, "now"): rows.append(run(rev, parquet))
    best = {rev: min((r for r in rows if r["rev"] == rev), key=lambda r: r["wall"]) for rev in (a.before, "now")}
    stages = sorted({k for r in best.values() for k in r["times"]}, key=lambda k: list(best["now"]["times"]).index(k)
                    if k in best["now"]["times"] else 99)
    print(f"{'stage':<12}" + "".join(f"{rev:>12}" for rev in best))
    for k in stages: print(f"{k:<12}" + "".join(f"{best[rev]['times'].get(k, float('nan')):>12.1f}" for rev in best))
    print(f"{'wall':<12}" + "".join(f"{best[rev]['wall']:>12.1f}" for rev in best))
    print(f"{'peak MB':<12}" + "".join(f"{best[rev]['peak_mb']:>12,}" for rev in best))
    print(f"ratio {best[a.before]['wall'] / best['now']['wall']:.2f}x ({best['now']['papers']:,} papers)")
    (OUT / "regenerate.json").write_text(json.dumps(dict(runs=rows, written=time.strftime("%Y-%m-%d %H:%M:%S")), indent=1))

if __name__ == "__main__": main()
