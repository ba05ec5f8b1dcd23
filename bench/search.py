"""Search latency on a map (not a test): p50 / p95 / max of `Explorer.search` over queries drawn from real titles.

    python bench/search.py MAP.sqlite [--queries 300] [--limit 2000] [--detail 50] [--warm]

The default request is the widget's: up to 2,000 hits marked on the map, the first 50 listed with summaries
and snippets (`--limit 100 --detail 0` for serve's `/api/search`, which details every result).

Queries are a seeded draw from the map's own titles: a third single words, a third two consecutive words, a
third three (words of 3+ letters, so stop words are rare). Each runs once after a warm-up pass over 20 others;
`--warm` first reads the whole file once, so the operating system's page cache holds it, as it does for a map
that is being served. Prints the latency percentiles by query length and the share of
queries past the search budget (`QueryTooBroad`).
"""
import argparse, random, re, sqlite3, time
import numpy as np
from laion_explorer.explorer import Explorer
from laion_explorer.store import QueryTooBroad

def queries(db, n, seed=0):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    top = con.execute("SELECT max(id) FROM papers").fetchone()[0]
    rng = random.Random(seed); out = []
    while len(out) < n:
        row = con.execute("SELECT title FROM papers WHERE id >= ? ORDER BY id LIMIT 1", (rng.randint(0, top),)).fetchone()
        words = [w for w in re.findall(r"[A-Za-z]{3,}", row[0] if row else "")]
        k = 1 + len(out) % 3
        if len(words) >= k:
            s = rng.randint(0, len(words) - k); out.append(" ".join(words[s:s + k]))
    return out

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db"); ap.add_argument("--queries", type=int, default=300); ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--detail", type=int, default=50, help="results with summary and snippet (0: all)")
    ap.add_argument("--warm", action="store_true", help="read the file once first (page cache warm)")
    a = ap.parse_args()
    if a.warm:
        with open(a.db, "rb") as f:
            while f.read(1 << 24): pass
    qs = queries(a.db, a.queries + 20)
    with Explorer(a.db) as ex:
        for q in qs[a.queries:]:
            try: ex.search(q, limit=a.limit, detail=a.detail or None)
            except QueryTooBroad: pass
        times, broad = {1: [], 2: [], 3: []}, 0
        for q in qs[:a.queries]:
            t = time.perf_counter()
            try: ex.search(q, limit=a.limit, detail=a.detail or None)
            except QueryTooBroad: broad += 1
            times[len(q.split())].append((time.perf_counter() - t) * 1000)
    allt = np.concatenate([np.array(v) for v in times.values()])
    for k, v in [*times.items(), ("all", allt)]:
        v = np.array(v)
        print(f"{k!s:>4} words: {len(v):4} queries  p50 {np.percentile(v, 50):7.1f} ms  p95 {np.percentile(v, 95):7.1f} ms  max {v.max():7.1f} ms")
    print(f"past the search budget: {broad}")

if __name__ == "__main__": main()
