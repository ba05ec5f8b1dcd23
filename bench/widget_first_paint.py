"""First paint of the widget in JupyterLab (not a test): from running the cell to the first map frame.

    python bench/widget_first_paint.py [--db bench/out/map-bench.sqlite]

Uses the 96k-paper map that bench/map.py leaves behind (or any map database). The kernel and the
Explorer are warmed up by a first cell (imports); the timed cell builds the widget: it reads the map,
packs it, sends it over the comm, and the browser decodes and draws it.
"""
import argparse, json, shutil, signal, subprocess, sys, tempfile, time
from pathlib import Path
from laion_explorer.testing import CHROMIUM, CHROMIUM_FLAGS, free_port, jupyter_up   # same launch as the end-to-end test

ROOT = Path(__file__).resolve().parents[1]

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "map-bench.sqlite"))
    a = ap.parse_args()
    d = Path(tempfile.mkdtemp()); (d / "map.sqlite").symlink_to(Path(a.db).resolve())   # read only: no copy of a large map
    cells = ["from laion_explorer.widget import ExplorerWidget\nimport time", "w = ExplorerWidget('map.sqlite')\nw"]
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": c} for c in cells],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}, "nbformat": 4, "nbformat_minor": 5}
    (d / "bench.ipynb").write_text(json.dumps(nb))
    port, token = free_port(), "bench"
    proc = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1",
                             f"--IdentityProvider.token={token}", "--allow-root", f"--ServerApp.root_dir={d}"], cwd=d,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    while not jupyter_up(url, token): time.sleep(0.5)
    from playwright.sync_api import sync_playwright
    try:
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = b.new_page(viewport={"width": 1500, "height": 1000})
            page.goto(f"{url}/lab/tree/bench.ipynb?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell")
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)   # kernel up
            page.locator(".jp-Cell").first.click(); page.keyboard.press("Shift+Enter")
            try: page.locator(".jp-Cell").first.locator(".jp-InputArea-prompt:has-text('[1]')").wait_for(timeout=120_000)
            except Exception:
                page.screenshot(path=str(ROOT / "bench" / "out" / "widget-first-paint-stuck.png")); raise
            page.locator(".jp-Cell").nth(1).click()
            t0 = time.time(); page.keyboard.press("Shift+Enter")
            page.wait_for_selector(".lx-root[data-frames]", timeout=120_000)
            first = time.time() - t0
            n = page.evaluate("document.querySelector('.lx-status').textContent")
            print(f"first paint after running the cell: {first * 1000:.0f} ms ({n})")
            page.screenshot(path=str(ROOT / "bench" / "out" / "widget-first-paint.png"))
            b.close()
    finally:
        proc.send_signal(signal.SIGTERM); proc.wait(15)

if __name__ == "__main__": main()
