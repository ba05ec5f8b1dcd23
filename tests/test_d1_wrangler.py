"""Cloudflare D1 for real: the D1 dump that `export` writes, loaded the way the deploy steps say (`schema.sql`, then
`d1/data-*.sql` in order) with the real `wrangler d1 execute --local --file`, gives back the map row for row.

`--local` runs D1 in workerd, Cloudflare's own Workers runtime, with its SQLite and the statement splitting that
Wrangler applies to a file, so this catches what a plain `sqlite3` import cannot: a statement Wrangler splits in the
wrong place, a literal that D1 reads differently. (It does not check D1's size limits: a local D1 does not enforce
them; nbs/13_export.ipynb tests those.) Wrangler is pinned in tests/d1/package.json (4.86.0,
the last release that runs on Node.js 20) and installed with `cd tests/d1 && npm ci` (.ci/run does it); without
Node.js or that install the tests are skipped, saying so. Everything runs offline.

The map is the shipped sample (3,016 papers) plus the hostile rows of `laion_explorer.testing` (HTML, quotes, `--`,
`;`, newlines, NUL, emoji, and a 1 MB summary that the export shortens to fit D1). Time on the 2-core development
machine (`time pytest -q -s tests/test_d1_wrangler.py`, three runs, the machine shared): 56 to 86 s in all, of which
16 to 31 s build the map and 36 to 50 s are Wrangler loading the 8.2 MB dump (its statement splitter is slow on long
statements; see nbs/13_export.ipynb); the parts are printed with -s.
"""
import json, os, re, shutil, sqlite3, subprocess, time
from pathlib import Path
import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[1]
WRANGLER = ROOT / "tests" / "d1" / "node_modules" / ".bin" / "wrangler"
MARK = "shortened by laion-explorer export"

def _env(cwd: Path) -> dict:
    "Wrangler's environment: no prompts, no metrics, its config and logs in `cwd` (nothing written to ~)."
    return {**os.environ, "CI": "1", "WRANGLER_SEND_METRICS": "false", "NO_COLOR": "1",
            "XDG_CONFIG_HOME": str(cwd / "config"), "WRANGLER_LOG_PATH": str(cwd / "logs")}

def wrangler_missing(cwd: Path) -> str | None:
    "Why Wrangler cannot run here, or None when it can."
    if not shutil.which("node"): return "Node.js is not installed (tests/d1 needs Node.js >= 20.3 and `npm ci`)"
    if not WRANGLER.exists(): return f"Wrangler is not installed: run `cd tests/d1 && npm ci` ({WRANGLER} is missing)"
    r = subprocess.run([str(WRANGLER), "--version"], capture_output=True, text=True, timeout=120, cwd=cwd, env=_env(cwd))
    if r.returncode: return f"Wrangler does not run here: {(r.stderr or r.stdout).strip()[-300:]}"
    return None

def wrangler(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    "Run the pinned Wrangler in `cwd` (which holds wrangler.jsonc) against the local D1 kept in `cwd`/state."
    r = subprocess.run([str(WRANGLER), "d1", "execute", "laion", "--local", "--persist-to", str(cwd / "state"), *args],
                       cwd=cwd, env=_env(cwd), capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, f"wrangler {' '.join(args)[:200]} failed:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}"
    return r

@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    "The map, its export, and a local D1 that Wrangler loaded the export's D1 dump into."
    tmp = tmp_path_factory.mktemp("d1")
    why = wrangler_missing(tmp)
    if why: pytest.skip(why)
    from laion_explorer.export import export
    from laion_explorer.pipeline import regenerate
    from laion_explorer.samples import write_nested
    from laion_explorer.testing import hostile_rows
    t0 = time.perf_counter()
    write_nested(pq.read_table(ROOT / "data" / "sample.parquet").to_pylist() + hostile_rows(), tmp / "map.parquet")
    regenerate(tmp / "map.parquet", tmp / "map.sqlite", model="tfidf", quiet=True, progress=False)
    t1 = time.perf_counter()
    out = tmp / "deploy"
    export(tmp / "map.sqlite", out, statements_per_file=5, site=False)   # an earlier export with more data files ...
    res = export(tmp / "map.sqlite", out, site=False)                    # ... replaced by one with the defaults
    manifest = json.loads((out / "manifest.json").read_text())
    (tmp / "wrangler.jsonc").write_text(json.dumps({
        "name": "laion-explorer-d1-test",
        "compatibility_date": "2025-01-01",   # older than the bundled workerd's, whatever today's date is
        "d1_databases": [{"binding": "DB", "database_name": "laion", "database_id": "00000000-0000-0000-0000-000000000000"}]}))
    # as the deploy steps say: schema.sql, then every d1/data-*.sql in order
    files = ["schema.sql"] + sorted(p.name for p in (out / "d1").glob("data-*.sql"))
    t2 = time.perf_counter()
    for f in files:
        r = wrangler(tmp, "--file", str(out / "d1" / f))
        assert "executed successfully" in r.stdout, r.stdout[-1000:]
    t3 = time.perf_counter()
    (d1_file,) = [p for p in (tmp / "state").rglob("*.sqlite") if p.name != "metadata.sqlite"]
    print(f"\nD1 test: map {t1 - t0:.1f} s, export {t2 - t1:.1f} s, wrangler load of {len(files)} files "
          f"({sum((out / 'd1' / f).stat().st_size for f in files) / 1e6:.1f} MB) {t3 - t2:.1f} s")
    return dict(tmp=tmp, out=out, res=res, manifest=manifest, files=files,
                src=sqlite3.connect(f"file:{tmp / 'map.sqlite'}?mode=ro", uri=True),
                d1=sqlite3.connect(f"file:{d1_file}?mode=ro", uri=True))

def test_glob_is_the_manifest(loaded):
    "`d1/data-*.sql` is exactly the last export's data files (none left by the earlier export), in the manifest's order."
    data = loaded["files"][1:]
    assert data == loaded["manifest"]["d1"]["files"] == loaded["res"].d1["files"] and len(data) >= 1

def _tables(con, kind="table") -> set:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' "
                                      "AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'", (kind,))}   # D1's own: _cf_METADATA

def _rows(con, sql):
    return [tuple(r) for r in con.execute(sql)]

# the map's side of each D1 table: the store's own table, except clusters, which is the original explorer's
# shape (automatic and curated label side by side) filled from the store's cluster_info view
SOURCE = {"clusters": "SELECT cluster_id, count, auto_label AS cluster_label, curated_label AS claude_label, terms, x, y, z, "
                      "level, parent_id, color FROM cluster_info"}

def test_every_table_row_for_row(loaded):
    "Every table the dump creates holds, in D1, exactly the map's rows; only the listed rows differ, by a visible cut."
    src, d1 = loaded["src"], loaded["d1"]
    schema = (loaded["out"] / "d1" / "schema.sql").read_text()
    made = set(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", schema))
    assert made == {"papers", "clusters", "neighbors", "meta"}
    assert _tables(d1) == made and _tables(d1, "view") == {"cluster_info"}
    shortened = {(s["table"], s["key"]): s["removed_characters"] for s in loaded["manifest"]["d1"]["shortened"]}
    assert [t for t, _ in shortened] == ["papers"]          # the 1 MB summary, and only it
    for t in sorted(made):
        info = list(d1.execute(f"PRAGMA table_info({t})"))
        cols = [c[1] for c in info]
        key = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]] or cols
        order = " ORDER BY " + ", ".join(key)
        theirs = _rows(d1, f"SELECT {', '.join(cols)} FROM {t}{order}")
        ours = _rows(src, f"SELECT * FROM ({SOURCE[t]}){order}" if t in SOURCE else f"SELECT {', '.join(cols)} FROM {t}{order}")
        assert len(theirs) == len(ours) == loaded["res"].d1["rows"][t], t
        assert len(ours) > 0, t
        for a, b in zip(ours, theirs):
            cut = shortened.get((t, a[0]))
            if not cut:
                assert a == b, (t, a[:3], b[:3])
                continue
            for name, x, y in zip(cols, a, b):
                if name in cut:
                    assert MARK in y and len(y) < len(x), (t, a[0], name)
                    if name in ("summarization", "extra"): json.loads(y)   # still JSON
                else: assert x == y, (t, a[0], name)
    assert _rows(d1, "SELECT cluster_id, label FROM cluster_info ORDER BY cluster_id") == \
           _rows(src, "SELECT cluster_id, label FROM cluster_info ORDER BY cluster_id")

def test_hostile_text_through_d1(loaded):
    "Hostile titles come back from a D1 query (through Wrangler and workerd) exactly as the map holds them."
    from laion_explorer.testing import HOSTILE_TITLES
    want = {r[1]: r[0] for r in loaded["src"].execute("SELECT id, title FROM papers")}
    ids = sorted(want[t] for t in HOSTILE_TITLES)
    r = wrangler(loaded["tmp"], "--json", "--command", f"SELECT id, title FROM papers WHERE id IN ({', '.join(map(str, ids))}) ORDER BY id")
    got = json.loads(r.stdout)[0]["results"]
    assert [(g["id"], g["title"]) for g in got] == sorted((want[t], t) for t in HOSTILE_TITLES)
