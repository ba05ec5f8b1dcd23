#!/usr/bin/env bash
# Build the sdist and wheel, install the wheel alone (the base install: no extras) into a fresh virtualenv,
# and check, from outside the source tree, that the installed package works without the heavy stacks:
# it pulled no torch, transformers, adapters, FastAPI or JupyterLab; import, --help, the bundled widget JS,
# the testing module and its data, a TF-IDF map of the shipped sample and its picture (datashader, pillow).
# The extras are declared (specter2, serve, all, dev) and only they bring the heavy stacks.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python -m pip install -q build
python -m build --sdist --wheel --outdir "$work/dist" . >/dev/null
ls "$work/dist"
tar tzf "$work"/dist/*.tar.gz | grep "laion_explorer/arxiv_taxonomy.json" >/dev/null || { echo "sdist lacks arxiv_taxonomy.json"; exit 1; }
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --upgrade pip
"$work/venv/bin/python" -m pip install -q "$work"/dist/*.whl   # the base install: no torch
cd "$work"   # away from the checkout: only the installed files can be used
"$work/venv/bin/python" - <<'PY'
import importlib.util, laion_explorer, pathlib
heavy = [m for m in ("torch", "transformers", "adapters", "fastapi", "uvicorn", "jupyterlab") if importlib.util.find_spec(m)]
assert not heavy, f"the base install pulled {heavy}: they belong in an extra"
from laion_explorer.widget import STATIC
assert "site-packages" in laion_explorer.__file__, laion_explorer.__file__
assert (STATIC / "widget.js").stat().st_size > 10_000 and (STATIC / "widget.css").exists()
for f in ("site.js", "sqlite.worker.js", "sql-wasm.wasm"):   # the static site's page script and its search engine
    assert (STATIC / f).stat().st_size > 1_000, f
from laion_explorer.samples import sample_path
print("installed", laion_explorer.__version__, "sample at", sample_path())
from laion_explorer.testing import arxiv_field_subfield, bad_rows, hostile_rows   # the testing module and its data file
assert arxiv_field_subfield("cs.CV") == "Computer Science — Computer Vision and Pattern Recognition"
assert bad_rows() and hostile_rows(big=10)
import importlib.metadata as md   # the README as PyPI shows it: links resolve outside the repository
desc = md.metadata("laion-explorer").get_payload()
assert "](nbs/" not in desc and "raw.githubusercontent.com" in desc, "relative links in the long description"
meta = md.metadata("laion-explorer")
assert {"specter2", "serve", "all", "dev"} <= set(meta.get_all("Provides-Extra")), meta.get_all("Provides-Extra")
import re
base = {re.split(r"[<>=!~;\[ ]", r)[0] for r in md.requires("laion-explorer") if "extra ==" not in r}
assert not base & {"torch", "transformers", "adapters", "fastapi", "uvicorn", "jupyterlab"}, base
PY
"$work/venv/bin/laion-explorer" --help >/dev/null
"$work/venv/bin/laion-explorer" regenerate --input sample --output "$work/map.sqlite" --model tfidf --n-clusters 20 -q
"$work/venv/bin/python" -c "
from laion_explorer.explorer import Explorer
s = Explorer('$work/map.sqlite').stats(); print('sample map from the wheel:', s)
assert s['papers_with_coordinates'] == 3016 and s['num_clusters'] == 20"
"$work/venv/bin/laion-explorer" render --db "$work/map.sqlite" --out "$work/map.png" --width 640 --height 400
"$work/venv/bin/python" -c "
from PIL import Image; im = Image.open('$work/map.png'); assert im.size == (640, 400), im.size"
echo "wheel check: 1 passed, 0 failed"
