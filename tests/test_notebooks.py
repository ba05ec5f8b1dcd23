"""Run every notebook in nbs/ as a test, the way `nbdev_test` does (same runner, same skip flags),
one pytest item per notebook so CI prints a pytest summary line."""
from configparser import ConfigParser
from pathlib import Path
import pytest
from nbdev.test import test_nb as run_notebook  # aliased so pytest does not collect it

ROOT = Path(__file__).resolve().parents[1]
cfg = ConfigParser(delimiters=["="]); cfg.read(ROOT / "settings.ini")
SKIP_FLAGS = cfg["DEFAULT"].get("tst_flags", "").split("|")
NOTEBOOKS = sorted(p for p in (ROOT / "nbs").glob("*.ipynb") if not p.name.startswith(("_", ".")))

@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook(nb):
    ok, secs = run_notebook(nb, skip_flags=SKIP_FLAGS, showerr=True)
    assert ok, f"{nb.name} failed (its traceback is above)"
