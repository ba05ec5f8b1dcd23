"""Load test of `laion-explorer serve` on loopback: 20 concurrent clients, every answer must be a 200.

Bounded for CI (5 s per endpoint); `python bench/serve.py` runs the same for 20 s and reports figures.
"""
from pathlib import Path
import pytest
pytest.importorskip("fastapi"); pytest.importorskip("uvicorn")
from laion_explorer.testing import start_server, serve_load   # shared with bench/serve.py, which reports the figures

ROOT = Path(__file__).resolve().parents[1]

def test_load(tmp_path):
    from laion_explorer.pipeline import regenerate
    regenerate(ROOT / "data" / "sample.parquet", tmp_path / "m.sqlite", model="tfidf", n_clusters=15, quiet=True, progress=False)
    with start_server(tmp_path / "m.sqlite") as url:
        for name, r in serve_load(url, seconds=5, clients=20).items():
            print(f"{name}: {r['requests']} requests, {r['rps']:.0f}/s, p95 {r['p95_ms']:.1f} ms, errors {r['errors']}")
            assert r["errors"] == 0 and r["requests"] > 20, (name, r)
