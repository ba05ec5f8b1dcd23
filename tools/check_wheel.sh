#!/usr/bin/env bash
# Build the sdist and wheel, install the wheel into a fresh virtualenv, and check, from outside the
# source tree, that the installed package works: import, --help, the bundled widget JS, the sample map and
# its picture (datashader, pillow).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python -m pip install -q build
python -m build --sdist --wheel --outdir "$work/dist" . >/dev/null
ls "$work/dist"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --upgrade pip
"$work/venv/bin/python" -m pip install -q torch==2.13.0 "$work"/dist/*.whl
cd "$work"   # away from the checkout: only the installed files can be used
"$work/venv/bin/python" - <<'PY'
import laion_explorer, pathlib
from laion_explorer.widget import STATIC
assert "site-packages" in laion_explorer.__file__, laion_explorer.__file__
assert (STATIC / "widget.js").stat().st_size > 10_000 and (STATIC / "widget.css").exists()
from laion_explorer.samples import sample_path
print("installed", laion_explorer.__version__, "sample at", sample_path())
import importlib.metadata as md   # the README as PyPI shows it: links resolve outside the repository
desc = md.metadata("laion-explorer").get_payload()
assert "](nbs/" not in desc and "raw.githubusercontent.com" in desc, "relative links in the long description"
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
