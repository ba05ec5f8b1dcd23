"""End-to-end: the widget in a real JupyterLab, driven by Playwright in Debian's Chromium.

Starts JupyterLab on 127.0.0.1 with a token, opens a notebook that shows `ExplorerWidget` on the sample
map (plus one paper whose title is an HTML injection attempt), and checks, in the browser: points are
drawn, hovering shows a title, clicking opens the detail panel, search highlights, a box selection
reaches the kernel, and hostile text renders as text. Screenshots go to ci-artifacts/.
Requires chromium (apt) and the dev extra (jupyterlab, playwright); .ci/run installs both.
"""
import csv, io, json, math, os, signal, subprocess, sys, time, urllib.parse, urllib.request
from pathlib import Path
import pytest
from laion_explorer.testing import CHROMIUM, CHROMIUM_FLAGS as FLAGS, free_port as _free_port, jupyter_up as _up, run_cell

ROOT = Path(__file__).resolve().parents[1]
ART = ROOT / "ci-artifacts"
HOSTILE = "<img src=x onerror=alert(1)>"
MATH_TITLE = r"$\phi^{\pm}$ production in $pp$ collisions at $\sqrt{s}=13$ TeV"
SECTION_KEYS = ["executive_summary", "research_context", "research_question_and_hypothesis", "methodological_details",
                "procedures_and_architectures", "key_results", "interpretation_and_theoretical_implications",
                "contradictions_and_limitations", "claims", "data_and_code_availability", "robustness_and_ablation_notes",
                "ethical_considerations", "key_figures_tables", "three_takeaways"]   # js/src/detail.js SECTIONS

def _missing():
    if not Path(CHROMIUM).exists(): return "chromium is not installed (apt-get install -y chromium)"
    try: import playwright, jupyterlab  # noqa
    except ImportError as e: return f"{e.name} is not installed (pip install -e '.[dev]')"

if _missing():  # in CI a missing browser is a failure, not a skip
    if os.environ.get("CI"): raise RuntimeError(_missing())
    pytest.skip(_missing(), allow_module_level=True)

@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    from laion_explorer.pipeline import regenerate
    from laion_explorer.samples import write_nested
    from laion_explorer.testing import hostile_rows, summary_record
    from laion_explorer.records import FLAT_ALIASES, SUMMARY_FIELDS, normalize_summary
    import pyarrow.parquet as pq
    d = tmp_path_factory.mktemp("lab")
    rows = pq.read_table(ROOT / "data" / "sample.parquet").to_pylist()
    rows += [r for r in hostile_rows(big=100) if HOSTILE in r["summarization"]]
    rows.append(dict(id="math-1", sample=None, error=None, summarization=json.dumps(summary_record(
        MATH_TITLE, "We measure the phimeson yield in proton collisions.", "A. Author", 2025, "Physics — Nuclear Experiment"))))
    # one real LAION record (flat layout, every section a summary has): the detail must show them all
    laion = pq.read_table(ROOT / "data" / "laion-pubmed-16.parquet").to_pylist()[0]
    summary = normalize_summary({k: v for k, v in laion.items() if FLAT_ALIASES.get(k, k) in SUMMARY_FIELDS})
    rows.append(dict(id=laion["openalex_id"], sample=None, error=None,
                     summarization=json.dumps({"article_classification": "SCIENTIFIC_TEXT", "summary": summary})))
    write_nested(rows, d / "corpus.parquet")
    # 60 fine clusters in 8 regions: too many fine labels for the whole map, so zooming in must reveal them
    # (with the claims layer: the 16 LAION records' claims, one of them twice, so its claims come in groups of two)
    regenerate(d / "corpus.parquet", d / "map.sqlite", model="tfidf", n_clusters=60, quiet=True, progress=False)
    from laion_explorer.store import connect, count_matches
    con = connect(d / "map.sqlite", readonly=True)
    counts = {q: count_matches(con, q)[0] for q in ("black hole", "the")}; con.close()
    nb = {"cells": [
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "from laion_explorer.widget import ExplorerWidget\nw = ExplorerWidget('map.sqlite', height=520)\nw"},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "print('SELECTED', len(w.selected_ids), len(w.selection()))"},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "w.selected_ids = w.selected_ids[:5]"}],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5}
    (d / "explore.ipynb").write_text(json.dumps(nb))
    port, token = _free_port(), "lx-test-token"
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(d / ".jupyter"), "JUPYTER_RUNTIME_DIR": str(d / ".runtime")}
    proc = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}",
                             "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", "--allow-root", f"--ServerApp.root_dir={d}",
                             "--ServerApp.open_browser=False", "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
                            cwd=d, env=env, stdout=open(d / "lab.log", "w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        if proc.poll() is not None: break
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1); break
        except OSError: time.sleep(0.5)
    if proc.poll() is not None or not _up(url, token):
        proc.kill(); raise RuntimeError("JupyterLab did not start:\n" + (d / "lab.log").read_text()[-3000:])
    yield dict(url=url, token=token, dir=d, laion=summary, counts=counts)
    proc.send_signal(signal.SIGTERM)
    try: proc.wait(15)
    except subprocess.TimeoutExpired: proc.kill()

def _shot(page, name):
    ART.mkdir(exist_ok=True); page.screenshot(path=str(ART / f"widget-{name}.png"))

def _colored_pixel(page):
    "Screen coordinates of a drawn point: a pixel of the map canvas that is not background."
    return page.evaluate("""() => {
        const src = document.querySelector('.lx-canvas'), c = document.createElement('canvas');   // WebGL or 2D: read a copy
        c.width = src.width; c.height = src.height; const ctx = c.getContext('2d'); ctx.drawImage(src, 0, 0);
        const d = ctx.getImageData(0, 0, c.width, c.height).data, r = src.getBoundingClientRect();
        const s = c.width / r.width; let found = null, n = 0;
        for (let i = 0; i < d.length; i += 4) {
            if (d[i] < 235 || d[i+1] < 235 || d[i+2] < 235) { n++;
                const p = i / 4, x = p % c.width, y = Math.floor(p / c.width);
                if (!found && x > 40 * s && y > 40 * s && x < c.width - 40 * s && y < c.height - 40 * s)
                    found = [r.left + x / s + 0.5, r.top + y / s + 0.5]; }
        }
        return {n, found};
    }""")

def test_widget_in_jupyterlab(lab):
    from playwright.sync_api import sync_playwright
    dialogs = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        console = []
        page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
        try: _drive(page, lab)
        except Exception:
            _shot(page, "failure")
            print("browser console:\n" + "\n".join(console[-40:]))
            raise
        finally: browser.close()
    assert dialogs == [], f"a dialog opened: {dialogs}"

def _drive(page, lab):
    "The user's path through the widget, asserting as it goes."
    page.goto(f"{lab['url']}/lab/tree/explore.ipynb?token={lab['token']}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    run_cell(page, 0)
    page.wait_for_selector(".lx-root[data-frames]", timeout=60_000)
    page.wait_for_function("document.querySelector('.lx-status').textContent.includes('papers')")
    _shot(page, "1-map")

    # points are drawn
    px = _colored_pixel(page)
    assert px["n"] > 1000 and px["found"], px
    # hovering shows a title
    x, y = px["found"]
    page.mouse.move(x, y)
    page.wait_for_function("document.querySelector('.lx-root').dataset.hover", timeout=15_000)
    assert page.locator(".lx-tooltip .lx-tt-title").inner_text().strip() not in ("", "…")
    _shot(page, "2-hover")
    # clicking opens the details
    page.mouse.click(x, y)
    page.wait_for_selector(".lx-detail-title", timeout=15_000)
    assert page.locator(".lx-detail-title").inner_text().strip()
    assert page.locator(".lx-nearest li").count() == 15
    _shot(page, "3-detail")

    # keys act only in the widget and never reach the notebook: JupyterLab's command mode would make the cell a
    # raw cell (r), insert cells (a, b), cut or delete it (x, d d), toggle line numbers (l)
    page.keyboard.press("Escape")
    cells = page.locator(".jp-Notebook .jp-Cell")
    n_cells, first_code = cells.count(), "jp-CodeCell" in cells.first.get_attribute("class")
    page.mouse.click(x, y)                       # the map takes focus
    assert page.evaluate("document.querySelector('.lx-root').contains(document.activeElement)")
    for k in ["r", "b", "a", "x", "d", "d", "m", "y", "Enter", "Shift+L", "l"]: page.keyboard.press(k)
    page.wait_for_function("document.querySelector('.lx-root').dataset.mode === 'lasso'", timeout=5_000)
    page.wait_for_timeout(300)
    assert cells.count() == n_cells and first_code and "jp-CodeCell" in cells.first.get_attribute("class")
    assert page.locator(".lx-root").count() == 1 and page.locator(".lx-canvas").is_visible()
    page.keyboard.press("p")
    page.wait_for_function("document.querySelector('.lx-root').dataset.mode === 'pan'", timeout=5_000)

    # a real LAION record: every section it has, collapsible, its OpenAlex link, and the panel scrolled to it
    page.fill(".lx-search", "multislice perfusion")
    page.wait_for_selector(".lx-results a", timeout=15_000)
    page.locator(".lx-results a").first.click()
    page.wait_for_function("document.querySelector('.lx-detail-title')?.textContent.includes('Multislice')", timeout=15_000)
    keys = [k for k in SECTION_KEYS if (lab["laion"].get(k) or "") not in ("", [])]
    assert page.evaluate("[...document.querySelectorAll('.lx-section')].map(s => s.dataset.section)") == keys
    assert len(keys) >= 12, keys
    link = page.locator(".lx-links a").first
    assert link.get_attribute("href").startswith("https://openalex.org/W") and link.get_attribute("rel") == "noopener noreferrer"
    top = page.evaluate("""() => { const s = document.querySelector('.lx-side'), d = document.querySelector('.lx-detail');
        return Math.abs(d.getBoundingClientRect().top - s.getBoundingClientRect().top); }""")
    assert top < 2, top
    page.locator(".lx-section[data-section='methodological_details'] > summary").click()
    assert page.locator(".lx-section[data-section='methodological_details'] p").inner_text().strip()
    _shot(page, "3c-laion-detail")
    page.click(".lx-toolbar button:has-text('Clear')")
    page.click(".lx-toolbar button:has-text('Reset view')")   # opening it from the results zoomed in on it
    page.wait_for_function("!document.querySelector('.lx-root').dataset.labelTiers.split(' ').includes('0')", timeout=15_000)

    # zoomed out the regions are labelled; zooming in reveals the finer clusters' labels
    root = "document.querySelector('.lx-root')"
    tiers = page.evaluate(f"{root}.dataset.labelTiers")
    assert tiers.split()[0] == "1" and "0" not in tiers.split(), tiers
    box = page.locator(".lx-overlay").bounding_box()
    for _ in range(10):      # wheel in, step by step, until the finer level is labelled
        if "0" in page.evaluate(f"{root}.dataset.labelTiers").split(): break
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2); page.mouse.wheel(0, -150); page.wait_for_timeout(200)
    page.wait_for_function(f"{root}.dataset.labelTiers.split(' ').includes('0')", timeout=15_000)
    assert int(page.evaluate(f"{root}.dataset.labels")) > 0
    _shot(page, "3b-zoomed-in")
    page.click(".lx-toolbar button:has-text('Reset view')")
    page.wait_for_function(f"!{root}.dataset.labelTiers.split(' ').includes('0')", timeout=15_000)

    # a title with TeX renders as math (KaTeX), and no markup sneaks in with it
    page.fill(".lx-search", "phimeson")
    page.wait_for_selector(".lx-results a", timeout=15_000)
    page.locator(".lx-results a").first.click()
    page.wait_for_selector(".lx-detail-title .katex", timeout=15_000)
    assert "production in" in page.locator(".lx-detail-title").inner_text()
    assert page.locator(".lx-root img").count() == 0

    # search lists and highlights; by words (the picker's second choice) the heading counts the full-text matches
    assert page.evaluate("[...document.querySelectorAll('.lx-search-mode option')].map(o => o.value)") == ["hybrid", "words", "meaning"]
    page.select_option(".lx-search-mode", "words")
    page.fill(".lx-search", "black hole")
    page.wait_for_selector(".lx-results-head:has-text('black hole')", timeout=15_000)
    assert "search hits" in page.locator(".lx-status").inner_text()
    assert page.locator(".lx-results-head").inner_text().startswith(f"{lab['counts']['black hole']:,} results"), lab["counts"]
    # past the 2,000 marked on the map, the heading says how many the full-text index matches in all
    page.fill(".lx-search", "the")
    want = f"2,000 of {lab['counts']['the']:,} results"
    page.wait_for_function(f"document.querySelector('.lx-results-head')?.textContent.startsWith({json.dumps(want)})", timeout=15_000)
    page.fill(".lx-search", "black hole")
    page.wait_for_selector(".lx-results-head:has-text('black hole')", timeout=15_000)
    # words and meaning (the default): fused; papers found by meaning alone (not holding every word) say so
    page.select_option(".lx-search-mode", "hybrid")
    page.fill(".lx-search", "gravitational collapse of massive stars")
    page.wait_for_selector(".lx-results-head:has-text('gravitational collapse of massive stars”, by words and meaning')", timeout=15_000)
    assert page.locator(".lx-results .lx-by-meaning").count() > 0
    _shot(page, "4-search")

    # hostile text is text: search for it, open it, nothing executes, no <img> appears
    page.fill(".lx-search", "onerror alert")
    page.wait_for_function(f"[...document.querySelectorAll('.lx-results a')].some(a => a.textContent === {json.dumps(HOSTILE)})", timeout=15_000)
    page.locator(".lx-results a", has_text="onerror").first.click()
    page.wait_for_function(f"document.querySelector('.lx-detail-title')?.textContent === {json.dumps(HOSTILE)}", timeout=15_000)
    assert page.locator(".lx-root img").count() == 0
    assert "null" not in page.locator(".lx-detail").inner_text()
    _shot(page, "5-hostile")

    # a box selection reaches the kernel
    page.click(".lx-toolbar button:has-text('Clear')")
    page.click(".lx-mode[data-mode='box']")
    box = page.locator(".lx-overlay").bounding_box()
    page.mouse.move(box["x"] + 30, box["y"] + 30)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=8)
    page.mouse.move(box["x"] + box["width"] - 30, box["y"] + box["height"] - 30, steps=8)
    page.mouse.up()
    page.wait_for_function("Number(document.querySelector('.lx-root').dataset.selected) > 0", timeout=15_000)
    _shot(page, "6-selection")
    run_cell(page, 1)
    out = page.locator(".jp-Cell").nth(1).locator(".jp-OutputArea-output")
    out.wait_for(timeout=30_000)
    text = out.inner_text()
    n = int(text.split()[1])
    assert text.startswith("SELECTED") and n > 0 and int(text.split()[2]) == n, text
    # ... and a selection set from Python shows in the browser
    run_cell(page, 2)
    page.wait_for_function("document.querySelector('.lx-root').dataset.selected === '5'", timeout=15_000)

    # a lasso's papers, listed without Python: the Table tab shows every one, says what was caught, sorts, opens
    # a paper on click, and downloads the list as CSV
    page.click(".lx-mode[data-mode='lasso']")
    cx, cy, r = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, min(box["width"], box["height"]) * 0.4
    page.mouse.move(cx + r, cy); page.mouse.down()
    for a in range(1, 25):
        page.mouse.move(cx + r * math.cos(a * math.pi / 12), cy + r * math.sin(a * math.pi / 12), steps=2)
    page.mouse.up()
    page.wait_for_function("Number(document.querySelector('.lx-root').dataset.selected) > 5", timeout=15_000)
    caught = int(page.evaluate("document.querySelector('.lx-root').dataset.selected"))
    assert "the Table tab lists them" in page.locator(".lx-status").inner_text()
    page.click(".lx-tab[data-tab='table']")
    page.wait_for_function(f"document.querySelector('.lx-table').dataset.rows === '{caught}'", timeout=15_000)
    assert page.locator(".lx-table-summary").inner_text().startswith(f"{caught:,} selected · clusters: ")
    page.wait_for_function("[...document.querySelectorAll('.lx-tr .lx-col-title')].every(t => t.textContent !== '…')", timeout=15_000)
    page.click(".lx-th[data-key='year']")   # newest first
    years = [int(t) for t in page.locator(".lx-tr .lx-col-year").all_inner_texts() if t]
    assert years and years == sorted(years, reverse=True), years
    first = page.locator(".lx-tr").first
    want, first_index = first.locator(".lx-col-title").inner_text(), first.get_attribute("data-index")
    first.click()
    page.wait_for_function(f"document.querySelector('.lx-detail-title')?.innerText === {json.dumps(want)}", timeout=15_000)
    _shot(page, "6a-lasso-table")
    with page.expect_download() as dl:
        page.click(".lx-download-csv")
    rows = list(csv.reader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8"))))
    assert rows[0] == ["map_index", "title", "year", "field", "cluster"] and len(rows) == caught + 1, (rows[:2], len(rows))
    assert rows[1][0] == first_index and all(r[1] for r in rows[1:]), rows[1]   # in the table's order, every title
    # ... and as a reading list a reference manager imports (BibTeX, parsed by bibtexparser)
    import bibtexparser
    with page.expect_download() as dl:
        page.click(".lx-download-bibtex")
    assert dl.value.suggested_filename == f"papers-{caught}.bib"
    lib = bibtexparser.parse_string(Path(dl.value.path()).read_text(encoding="utf-8"))
    assert len(lib.entries) == caught and not lib.failed_blocks, (len(lib.entries), caught)
    page.click(".lx-tab[data-tab='map']")
    page.click(".lx-mode[data-mode='pan']")

    # theme and filters
    page.locator(".lx-root").focus(); page.keyboard.press("t")
    page.wait_for_function("document.querySelector('.lx-root').dataset.theme === 'dark'")
    page.select_option(".lx-field", "Mathematics")
    page.wait_for_function("Number(document.querySelector('.lx-root').dataset.visible) < 3017", timeout=15_000)
    shown = int(page.evaluate("document.querySelector('.lx-root').dataset.visible"))
    assert shown > 100, shown   # the sample's mathematics papers
    _shot(page, "6b-dark-filtered")
    page.select_option(".lx-field", "")

    # colour by a column, with a key: year on a continuous scale, fields as categories; back to clusters
    page.select_option(".lx-color-by", "year")
    page.wait_for_function("document.querySelector('.lx-root').dataset.colorBy === 'year'")
    assert page.locator(".lx-color-key[data-kind='scale']").is_visible()
    ticks = page.locator(".lx-key-ticks span").all_inner_texts()
    assert len(ticks) == 2 and int(ticks[0]) <= int(ticks[1]), ticks
    _shot(page, "6c-colour-by-year")
    page.select_option(".lx-color-by", "field")
    n_fields = page.locator(".lx-field option").count() - 1
    assert page.locator(".lx-color-key[data-kind='categories'] .lx-key-row").count() == n_fields
    page.select_option(".lx-color-by", "clusters")
    page.wait_for_function("document.querySelector('.lx-color-key').style.display === 'none'")

    # Chromium here has only a software WebGL2 (SwiftShader), slower than the canvas: "auto" draws on the canvas (the
    # static site's test below draws with WebGL2); size and opacity from the Points menu; density mode (d)
    assert page.evaluate("document.querySelector('.lx-root').dataset.renderer") == "canvas"
    page.click(".lx-view-menu > summary")
    frames = int(page.evaluate("document.querySelector('.lx-root').dataset.frames"))
    page.locator(".lx-point-size").fill("2.5"); page.locator(".lx-opacity").fill("0.4")
    page.wait_for_function(f"Number(document.querySelector('.lx-root').dataset.frames) > {frames}")
    assert _colored_pixel(page)["found"]
    page.click(".lx-view-menu > summary")
    page.locator(".lx-root").focus(); page.keyboard.press("r"); page.keyboard.press("d")   # the whole map, as density
    # (the frame after the key draws the density: wait for it, not only for the key's flag)
    page.wait_for_function("document.querySelector('.lx-root').dataset.density === 'on' && document.querySelector('.lx-density').style.display === ''"
                           " && Number(document.querySelector('.lx-root').dataset.densityMax) > 1", timeout=10_000)
    assert page.locator(".lx-density").is_visible() and not page.locator(".lx-canvas").is_visible()
    _shot(page, "6d-density")
    page.keyboard.press("d")
    page.wait_for_function("document.querySelector('.lx-canvas').style.display === '' && document.querySelector('.lx-density').style.display === 'none'")   # the next frame draws dots

    # a legend entry zooms to its cluster and highlights its papers (the status says how many; a selection or
    # search hits, when there are some, stay the emphasis)
    page.click(".lx-toolbar button:has-text('Clear')")
    page.locator(".lx-legend-label").first.click()
    page.wait_for_function("document.querySelector('.lx-status').textContent.includes('highlighted')", timeout=10_000)
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('.lx-status').textContent.includes('highlighted')", timeout=10_000)

    # the charts render, follow the selection, and filter: a field's bar shows that field only, a drag across the
    # years sets the year range, a click clears it
    page.click(".lx-tab[data-tab='clusters']")
    page.wait_for_selector(".lx-bars .lx-bar")
    heads = page.locator(".lx-chart h4").all_inner_texts()
    assert heads[0].startswith("Papers per cluster (") and heads[1].startswith("Papers per field ("), heads
    page.click(".lx-tab[data-tab='table']"); page.click(".lx-tab[data-tab='clusters']")
    field_bar = page.locator(".lx-field-bar").nth(1)
    name = field_bar.get_attribute("data-field")
    field_bar.click()
    page.wait_for_function(f"document.querySelector('.lx-field').value === {json.dumps(name)}", timeout=10_000)
    assert page.locator(".lx-field-bar").count() > 1   # the field chart ignores its own filter: another field is one click away
    page.select_option(".lx-field", "")
    page.click(".lx-tab[data-tab='timeline']")
    page.wait_for_selector(".lx-heatmap rect")
    stack = page.locator(".lx-stacked").bounding_box()
    page.mouse.move(stack["x"] + stack["width"] * 0.6, stack["y"] + 100); page.mouse.down()
    page.mouse.move(stack["x"] + stack["width"] * 0.9, stack["y"] + 100, steps=4); page.mouse.up()
    page.wait_for_function("document.querySelector('.lx-year-min').value !== ''", timeout=10_000)
    y0, y1 = int(page.input_value(".lx-year-min")), int(page.input_value(".lx-year-max"))
    assert y0 <= y1, (y0, y1)
    assert int(page.evaluate("document.querySelector('.lx-root').dataset.visible")) < 3017
    # under the charts, the emerging topics of the level shown: a ranked table, or the reason there is none
    page.wait_for_selector(".lx-trends h4", timeout=15_000)
    assert page.locator(".lx-trends-table tr.lx-trend").count() > 0 or page.locator(".lx-trends p").count() > 0
    _shot(page, "7-timeline")
    page.locator(".lx-stacked").click()
    page.wait_for_function("document.querySelector('.lx-year-min').value === ''", timeout=10_000)

    # the Claims tab: the whole map's claim groups, most papers first (the doubled LAION record: groups of two papers);
    # a paper's name opens it; a claim search narrows the groups
    page.click(".lx-toolbar button:has-text('Clear')")
    page.click(".lx-tab[data-tab='claims']")
    page.wait_for_function("Number(document.querySelector('.lx-claims')?.dataset.groups) > 0", timeout=15_000)
    assert page.locator(".lx-claims-head").inner_text().startswith("Claims of the whole map"), page.locator(".lx-claims-head").inner_text()
    first = page.locator(".lx-claim-group").first
    assert first.locator(".lx-claim-n").inner_text().startswith("2 papers"), first.inner_text()
    first.locator("summary").click()
    assert first.locator(".lx-claim-members li").count() == 2
    _shot(page, "9-claims")
    first.locator(".lx-claim-paper").first.click()
    page.wait_for_function("document.querySelector('.lx-detail-title')?.textContent.trim().length > 0", timeout=15_000)
    page.fill(".lx-claims-search", "perfusion")
    page.wait_for_function("document.querySelector('.lx-claims-head').textContent.includes('matching “perfusion”') && "
                           "!document.querySelector('.lx-claims-head').textContent.endsWith('…')", timeout=15_000)
    assert 0 < int(page.evaluate("document.querySelector('.lx-claims').dataset.groups")) < 20


def test_static_site(lab, tmp_path):
    "The exported site, served by a plain static server, shows points, titles on hover, search results, a paper's detail and a selection's table."
    import functools, http.server, threading
    from laion_explorer.export import export
    from playwright.sync_api import sync_playwright
    from laion_explorer.export import write_site
    from laion_explorer.explorer import Explorer
    from laion_explorer.store import count_matches
    from laion_explorer.testing import RangeHandler
    from laion_explorer.reading import reading_list
    export(lab["dir"] / "map.sqlite", tmp_path / "out", title="Sample map")
    with Explorer(lab["dir"] / "map.sqlite") as ex:   # the search index in 7 shards: search must read them all, and
        write_site(ex, tmp_path / "out" / "site", title="Sample map", search_shard=500, map_part=20_000)   # the map in parts
        n_papers = len(ex.map_columns()["ids"])
    shards = sorted((tmp_path / "out" / "site" / "search").glob("*.json"))
    assert len(shards) == 7, shards
    map_files = json.loads((tmp_path / "out" / "site" / "info.json").read_text())["map"]
    assert len(map_files) > 1 and not (tmp_path / "out" / "site" / "map.arrow").exists(), map_files
    last_title = next(row[0] for row in reversed(json.loads(shards[-1].read_text())) if len(row[0].split()) >= 4 and "$" not in row[0])
    # what the notebook answers, for the site to match: counts, and the papers listed in order (as map positions)
    want = {}
    with Explorer(lab["dir"] / "map.sqlite") as ex:
        pos = {int(p): i for i, p in enumerate(ex.map_columns()["ids"])}
        for q in ("black hole", "quantum field", "the"):
            want[q] = dict(count=count_matches(ex.con, q)[0], listed=[pos.get(h["id"], -1) for h in ex.search(q, limit=2000, detail=50, mode="words")[:50]])
        meant = "gravitational collapse of massive stars"   # by words and meaning: few papers hold every word
        from laion_explorer.claims import claims_for
        want_claims = [g["group_id"] for g in claims_for(ex.con)]
        want_perf = [g["group_id"] for g in claims_for(ex.con, query="perfusion")]
        want_meaning = [pos.get(h["id"], -1) for h in ex.search(meant, limit=2000, detail=50, mode="hybrid")[:50]]
    handler = functools.partial(RangeHandler, directory=str(tmp_path / "out" / "site"))   # byte ranges, as Pages serves
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as srv:
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        errors = []
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = b.new_page(viewport={"width": 1400, "height": 900})
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("dialog", lambda d: (errors.append("dialog " + d.message), d.dismiss()))
            asked = []; page.on("request", lambda r: asked.append(urllib.parse.urlsplit(r.url).path.lstrip("/")))
            try:
                page.goto(f"http://127.0.0.1:{srv.server_address[1]}/index.html?renderer=webgl")   # WebGL2, even SwiftShader's
                page.wait_for_selector(".lx-root[data-frames]", timeout=30_000)
                assert page.evaluate("document.querySelector('.lx-root').dataset.renderer") == "webgl2"
                assert page.locator("#title").inner_text() == "Sample map"
                # the map's parts, fetched and joined: every paper is on the map
                assert all(f in asked for f in map_files), (map_files, asked)
                assert int(page.evaluate("document.querySelector('.lx-root').dataset.visible")) == n_papers
                px = _colored_pixel(page)
                assert px["n"] > 1000 and px["found"], px
                # the first hover loads one small titles file, no details shard
                page.mouse.move(*px["found"])
                page.wait_for_function("document.querySelector('.lx-root').dataset.hover", timeout=15_000)
                files = list(asked)
                assert any(f.startswith("titles/") for f in files) and not any(f.startswith("details/") for f in files), files
                # a box selection is listed in the Table tab and downloads as CSV
                page.click(".lx-mode[data-mode='box']")
                box = page.locator(".lx-overlay").bounding_box()
                page.mouse.move(box["x"] + 20, box["y"] + 20); page.mouse.down()
                page.mouse.move(box["x"] + box["width"] - 20, box["y"] + box["height"] - 20, steps=8); page.mouse.up()
                page.wait_for_function("Number(document.querySelector('.lx-root').dataset.selected) > 0", timeout=15_000)
                caught = int(page.evaluate("document.querySelector('.lx-root').dataset.selected"))
                page.click(".lx-tab[data-tab='table']")
                page.wait_for_function(f"document.querySelector('.lx-table').dataset.rows === '{caught}'", timeout=15_000)
                page.wait_for_function("[...document.querySelectorAll('.lx-tr .lx-col-title')].every(t => t.textContent !== '…')", timeout=15_000)
                with page.expect_download() as dl:
                    page.click(".lx-download-csv")
                rows = list(csv.reader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8"))))
                assert len(rows) == caught + 1 and all(r[1] for r in rows[1:]), len(rows)
                # a reading list from the site is the notebook's, byte for byte (the same records, Python's writers ported)
                with page.expect_download() as dl:
                    page.click(".lx-download-bibtex")
                with Explorer(lab["dir"] / "map.sqlite") as ex:
                    map_ids = ex.map_columns()["ids"]
                    want_bib = reading_list(ex, [int(map_ids[int(r[0])]) for r in rows[1:]], "bibtex")
                assert Path(dl.value.path()).read_text(encoding="utf-8") == want_bib
                _shot(page, "8a-static-site-table")
                page.click(".lx-toolbar button:has-text('Clear')"); page.click(".lx-tab[data-tab='map']"); page.click(".lx-mode[data-mode='pan']")
                # search by meaning on the site (the default, words + meaning): the vectors are fetched at the first such
                # search; its int8 vectors rank nearly as the notebook's float32 ones
                assert page.evaluate("[...document.querySelectorAll('.lx-search-mode option')].map(o => o.value)") == ["hybrid", "words", "meaning"]
                assert not any(u.startswith("vectors/") for u in asked)
                page.fill(".lx-search", meant)
                page.wait_for_selector(f".lx-results-head:has-text('{meant}”, by words and meaning')", timeout=30_000)
                listed = [int(a.get_attribute("data-index")) for a in page.locator(".lx-results a").all()]
                assert len(listed) == 50 and len(set(listed) & set(want_meaning)) >= 45, (listed[:10], want_meaning[:10])
                assert page.locator(".lx-results .lx-by-meaning").count() > 0 and "vectors/000.bin" in asked
                _shot(page, "8c-static-site-meaning")
                # the Claims tab on the site: the notebook's claims_for on the database's copy of the claims layer
                page.click(".lx-toolbar button:has-text('Clear')"); page.click(".lx-tab[data-tab='claims']")
                page.wait_for_function("Number(document.querySelector('.lx-claims')?.dataset.groups) > 0", timeout=30_000)
                got = [int(g.get_attribute("data-group")) for g in page.locator(".lx-claim-group").all()]
                assert got == want_claims, (got[:10], want_claims[:10])
                page.fill(".lx-claims-search", "perfusion")
                page.wait_for_function("document.querySelector('.lx-claims-head').textContent.includes('matching “perfusion”') && "
                                       "!document.querySelector('.lx-claims-head').textContent.endsWith('…')", timeout=30_000)
                assert [int(g.get_attribute("data-group")) for g in page.locator(".lx-claim-group").all()] == want_perf
                page.fill(".lx-claims-search", ""); page.click(".lx-tab[data-tab='map']")
                # one search everywhere: the site runs the notebook's search on a copy of its index (SQLite in WebAssembly,
                # read by range requests), so the count, the papers listed and their order are the notebook's
                page.select_option(".lx-search-mode", "words")
                for q, w in want.items():
                    page.fill(".lx-search", q)
                    head = f"{w['count']:,} results" if w["count"] < 2000 else f"2,000 of {w['count']:,} results"
                    page.wait_for_function(f"document.querySelector('.lx-results-head')?.textContent.startsWith({json.dumps(head)})", timeout=30_000)
                    listed = [int(a.get_attribute("data-index")) for a in page.locator(".lx-results a").all()]
                    assert listed == w["listed"], (q, listed[:10], w["listed"][:10])
                page.fill(".lx-search", "black hole")
                page.wait_for_selector(".lx-results-head:has-text('black hole')", timeout=15_000)
                marks = [m.lower() for m in page.locator(".lx-results .lx-snippet mark").all_inner_texts()]   # snippets, as in the notebook
                assert marks and all(m.startswith(("black", "hole")) for m in marks), marks
                assert not any(u.startswith("search/") for u in asked), "the word index is not needed"
                _shot(page, "8b-static-site-search")
                page.locator(".lx-results a").first.click()
                page.wait_for_selector(".lx-detail-title", timeout=15_000)
                assert "black hole" in page.locator(".lx-detail").inner_text().lower()
                assert page.locator(".lx-nearest li").count() == 15
                page.fill(".lx-search", last_title)     # a paper from the last search shard
                page.wait_for_function(f"[...document.querySelectorAll('.lx-results a')].some(a => a.textContent === {json.dumps(last_title)})", timeout=15_000)
                page.fill(".lx-search", "onerror")
                page.wait_for_function(f"[...document.querySelectorAll('.lx-results a')].some(a => a.textContent === {json.dumps(HOSTILE)})", timeout=15_000)
                assert page.locator(".lx-root img").count() == 0
                _shot(page, "8-static-site")
            except Exception:
                _shot(page, "static-failure"); print("errors:", errors); raise
            finally: b.close()
        srv.shutdown()
    assert errors == [], errors
    # a server that ignores byte ranges (python -m http.server): search falls back to the site's word index
    class Plain(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a): pass
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Plain, directory=str(tmp_path / "out" / "site"))) as srv:
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = b.new_page(viewport={"width": 1400, "height": 900})
            try:
                page.goto(f"http://127.0.0.1:{srv.server_address[1]}/index.html")
                page.wait_for_selector(".lx-root[data-frames]", timeout=30_000)
                page.fill(".lx-search", "black hole")
                page.wait_for_selector(".lx-results-head", timeout=30_000)
                assert page.locator(".lx-results li").count() > 0
                assert "by words only" in page.locator(".lx-results-note").inner_text()   # no ranges, no search by meaning: said
            finally: b.close()
        srv.shutdown()
