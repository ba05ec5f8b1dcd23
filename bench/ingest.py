"""Ingest benchmark (not a test): rows/s and peak memory of `build_db` on a generated 100k-row parquet.

    python bench/ingest.py [--rows 100000] [--shared ../shared/data]

Writes a realistic corpus (arXiv titles and abstracts, the other summary sections from the 16 real
LAION records, 3% non-scientific and 1% truncated rows) to bench/out/, then builds the database in a
fresh process at several sizes (the first N rows of the same file), reporting rows/s and peak resident
memory for each: memory must stay flat as the row count grows. Target: >= 5,000 rows/s on 2 cores.
"""
import argparse, json, os, resource, subprocess, sys, time
from pathlib import Path
from laion_explorer.testing import benchmark_corpus, default_shared

CHILD = """
import json, resource, sys, time
from laion_explorer.ingest import build_db
t = time.time()
r = build_db(sys.argv[1], sys.argv[2], num_rows=int(sys.argv[3]), progress=False)
print(json.dumps(dict(rows=r.rows_read, papers=r.papers, seconds=time.time() - t,
                      peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))
"""

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--shared", default=str(default_shared()))
    ap.add_argument("--out", default=str(Path(__file__).parent / "out"))
    a = ap.parse_args()
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    src = out / f"corpus-{a.rows}.parquet"
    if not src.exists():
        t = time.time(); benchmark_corpus(src, a.rows, shared=a.shared)
        print(f"generated {src} ({src.stat().st_size / 1e6:.0f} MB) in {time.time() - t:.0f} s")
    import pyarrow.parquet as pq
    md = pq.ParquetFile(src).metadata
    print(f"input: {md.num_rows:,} rows, {md.num_row_groups} row groups, {src.stat().st_size / 1e6:.0f} MB, "
          f"{os.cpu_count()} CPUs")
    print(f"{'rows':>8} {'papers':>8} {'seconds':>8} {'rows/s':>8} {'peak MB':>8} {'db MB':>7}")
    for n in sorted({a.rows // 5, a.rows // 2, a.rows}):
        db = out / f"bench-{n}.sqlite"
        r = json.loads(subprocess.run([sys.executable, "-c", CHILD, str(src), str(db), str(n)],
                                      check=True, capture_output=True, text=True).stdout)
        print(f"{r['rows']:>8,} {r['papers']:>8,} {r['seconds']:>8.1f} {r['rows'] / r['seconds']:>8,.0f} "
              f"{r['peak_mb']:>8.0f} {db.stat().st_size / 1e6:>7.0f}")

if __name__ == "__main__": main()
