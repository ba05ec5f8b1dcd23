"""Export speed and output size: `python bench/export.py [DB]`.

Exports a map (default: bench/out/map-bench.sqlite, the 100,000-paper map `bench/map.py` builds) into a
temporary folder in a fresh process and reports the time, the peak memory, and the size of each part
(r2/, d1/, site/). The folder is removed afterwards."""
import json, resource, subprocess, sys, tempfile, time
from pathlib import Path

HERE = Path(__file__).parent

def main(db: Path):
    out = Path(tempfile.mkdtemp(prefix="export-bench-"))
    code = f"from laion_explorer.export import export; r = export({str(db)!r}, {str(out)!r}); print(r.summary())"
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    secs = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    sizes = {p.name: sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) / 1e6 for p in out.iterdir() if p.is_dir()}
    papers = json.loads((out / "manifest.json").read_text())["stats"]["papers_with_coordinates"]
    subprocess.run(["rm", "-rf", str(out)], check=True)
    res = dict(db=str(db), papers=papers, seconds=round(secs, 1), peak_mb=round(peak_mb), mb=({k: round(v, 1) for k, v in sizes.items()}))
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "export.json").write_text(json.dumps(res, indent=1))
    print(json.dumps(res))

if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out" / "map-bench.sqlite")
