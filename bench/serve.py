"""Load benchmark of `laion-explorer serve` (not a test): requests/s and p95 latency on loopback.

    python bench/serve.py [--seconds 20] [--clients 20]

Builds the sample map (TF-IDF), starts `laion-explorer serve` (uvicorn, one process) on 127.0.0.1, and
for papers (gzip, 200 papers a request), search and paper detail in turn runs N client threads with
keep-alive connections for the given time. Every non-200 answer counts as an error.
"""
import argparse, tempfile
from pathlib import Path
from laion_explorer.testing import start_server, serve_load   # shared with tests/test_serve_load.py

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=20); ap.add_argument("--clients", type=int, default=20)
    a = ap.parse_args()
    from laion_explorer.pipeline import regenerate
    root = Path(__file__).resolve().parents[1]; tmp = Path(tempfile.mkdtemp())
    regenerate(root / "data" / "sample.parquet", tmp / "m.sqlite", model="tfidf", n_clusters=20, quiet=True, progress=False)
    with start_server(tmp / "m.sqlite") as url:
        for name, r in serve_load(url, a.seconds, a.clients).items():
            print(f"{name:7} {r['requests']:7,} requests  {r['rps']:8,.0f} req/s  p95 {r['p95_ms']:7.1f} ms  errors {r['errors']}")

if __name__ == "__main__": main()
