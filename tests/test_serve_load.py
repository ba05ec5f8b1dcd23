"""Load test of `laion-explorer serve` on loopback: 20 concurrent clients, every answer must be a 200.

Bounded for CI (5 s per endpoint); `python bench/serve.py` runs the same for 20 s and reports figures.
"""
import json, threading, time, urllib.error, urllib.parse, urllib.request
from pathlib import Path
import pytest
pytest.importorskip("fastapi"); pytest.importorskip("uvicorn")
from laion_explorer.testing import start_server, serve_load   # shared with bench/serve.py, which reports the figures

ROOT = Path(__file__).resolve().parents[1]

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from laion_explorer.pipeline import regenerate
    db = tmp_path_factory.mktemp("serve") / "m.sqlite"
    regenerate(ROOT / "data" / "sample.parquet", db, model="tfidf", n_clusters=15, quiet=True, progress=False)
    with start_server(db) as url: yield url

def test_load(server):
    for name, r in serve_load(server, seconds=5, clients=20).items():
        print(f"{name}: {r['requests']} requests, {r['rps']:.0f}/s, p95 {r['p95_ms']:.1f} ms, errors {r['errors']}")
        assert r["errors"] == 0 and r["requests"] > 20, (name, r)

def test_broad_searches_under_load(server):
    "20 clients sending the searches that held workers for minutes: each answer is a 200 or a 422, and quick."
    queries = ["a " * 250, "the " * 120, " ".join(f"w{i}" for i in range(100)), "t", "a", "of the and"]
    answers, stop = [], time.time() + 5
    def client(k):
        while time.time() < stop:
            q = queries[k % len(queries)]; k += 1
            t = time.perf_counter()
            try:
                with urllib.request.urlopen(server + "/api/search?" + urllib.parse.urlencode({"q": q}), timeout=30) as r: code = r.status
            except urllib.error.HTTPError as e:   # a 422 says why; anything else is counted as itself
                code = e.code if json.loads(e.read())["detail"].startswith("query too broad") else -e.code
            answers.append((code, time.perf_counter() - t))
    ts = [threading.Thread(target=client, args=(i,)) for i in range(20)]
    [t.start() for t in ts]; [t.join() for t in ts]
    codes = {c for c, _ in answers}
    slowest = max(s for _, s in answers)
    print(f"{len(answers)} broad searches, answers {sorted(codes)}, slowest {slowest:.2f} s")
    assert len(answers) > 20 and codes <= {200, 422} and 422 in codes and slowest < 2.5, (len(answers), codes, slowest)
