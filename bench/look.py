"""Screenshots of the widget on a real map (not a test): what a reader sees in JupyterLab.

    python bench/look.py MAP.sqlite [--search "QUERY" ...] [--out bench/out/look]

Opens MAP in the widget in JupyterLab (Chromium, 1500x1000) and writes PNGs: the map, each search (words +
meaning, the default), the Timeline tab scrolled to the emerging-topics table, and the Claims tab.
"""
import argparse, json, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from laion_explorer.testing import CHROMIUM, CHROMIUM_FLAGS, free_port, jupyter_up, run_cell

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--search", action="append", default=[])
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "look"))
    a = ap.parse_args()
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    d = Path(tempfile.mkdtemp()); (d / "map.sqlite").symlink_to(Path(a.db).resolve())
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                     "source": "from laion_explorer.widget import ExplorerWidget\nw = ExplorerWidget('map.sqlite', height=760)\nw"}],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}, "nbformat": 4, "nbformat_minor": 5}
    (d / "look.ipynb").write_text(json.dumps(nb))
    port, token = free_port(), "look"
    proc = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1",
                             f"--IdentityProvider.token={token}", "--allow-root", f"--ServerApp.root_dir={d}"], cwd=d,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        while not jupyter_up(url, token): time.sleep(0.5)
        from playwright.sync_api import sync_playwright
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = b.new_page(viewport={"width": 1500, "height": 1000})
            page.goto(f"{url}/lab/tree/look.ipynb?token={token}")
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
            run_cell(page, 0)
            page.wait_for_selector(".lx-root[data-frames]", timeout=180_000)
            page.evaluate("document.querySelector('.lx-root').scrollIntoView()")
            page.wait_for_timeout(1500); page.screenshot(path=str(out / "1-map.png"))
            for k, q in enumerate(a.search):
                page.fill(".lx-search", q)
                page.wait_for_selector(f".lx-results-head:has-text({json.dumps(q, ensure_ascii=False)})", timeout=60_000)
                page.wait_for_timeout(800); page.screenshot(path=str(out / f"2-search-{k}.png"))
            page.click(".lx-toolbar button:has-text('Clear')")
            page.click(".lx-tab[data-tab='timeline']")
            page.wait_for_selector(".lx-trends h4", timeout=120_000)
            page.wait_for_function("!document.querySelector('.lx-trends-box').textContent.startsWith('Testing')", timeout=120_000)
            page.evaluate("document.querySelector('.lx-trends').scrollIntoView()")
            page.wait_for_timeout(500); page.screenshot(path=str(out / "3-trends.png"))
            print(page.locator(".lx-trends").inner_text()[:3000])
            page.click(".lx-tab[data-tab='claims']")
            page.wait_for_function("document.querySelector('.lx-claims')?.dataset.groups !== undefined", timeout=120_000)
            page.evaluate("document.querySelector('.lx-root').scrollIntoView()")
            page.wait_for_timeout(500); page.screenshot(path=str(out / "4-claims.png"))
            print(page.locator(".lx-claims-head").inner_text())
            if page.locator(".lx-claim-group").count():   # the contested ones, the first opened
                page.check(".lx-claims-contested")
                page.wait_for_function("document.querySelector('.lx-claims-head').textContent.includes('contested only') && "
                                       "!document.querySelector('.lx-claims-head').textContent.endsWith('…')", timeout=60_000)
                if page.locator(".lx-claim-group").count():
                    page.locator(".lx-claim-group summary").first.click()
                page.wait_for_timeout(300); page.screenshot(path=str(out / "5-contested.png"))
                print(page.locator(".lx-claims").inner_text()[:1500])
            b.close()
    finally:
        proc.terminate(); proc.wait(10)
    print(f"screenshots in {out}")

if __name__ == "__main__": main()
