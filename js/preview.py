"""Preview the bundled explorer on a standalone page, without a kernel, and screenshot it (a developer's check).

    .venv/bin/python js/preview.py [--levels 2] [--out bench/out/preview]

Builds a small map from data/sample.parquet the way the pipeline shapes one, but by itself (TF-IDF + SVD vectors,
UMAP, k-means clusters with their top terms as labels, coarser levels merged from the cluster centres, colours as
shades of the coarse hue, per-paper faithfulness = share of the 15 nearest papers in vector space that are among the
15 nearest on the map), plus a few papers with TeX in the title and one whose title is markup. It writes the files
the widget gets (points .arrow with a `faith` column, clusters and levels JSON, details), serves them with the bundle
from laion_explorer/static/, and screenshots in Debian's Chromium: zoomed out, zoomed in, the grouped legend, the
faithfulness view (light and dark), a detail panel with math, the charts by level, and an old map (no levels, no
faith). Fails on a console error, a dialog, or an <img> in the explorer.
"""
import argparse, colorsys, functools, http.server, json, re, shutil, socketserver, threading
from pathlib import Path
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync"]
HOSTILE = "<img src=x onerror=alert(1)>"
EXTRA = [  # papers with TeX in the title (and one with markup), placed next to a physics paper
    ("$\\phi^{\\pm}$ production in $pp$ collisions at $\\sqrt{s}=13$ TeV",
     "We measure the $\\phi^{\\pm}$ yield at $\\sqrt{s}=13$ TeV with $\\mathcal{L} = 140\\,\\mathrm{fb}^{-1}$. "
     "The cross-section scales as $$\\sigma(p_T) \\propto \\frac{1}{p_T^{n}}, \\quad n = 4.2 \\pm 0.3$$ and costs \\$5 "
     "per event, or $5 and $10 in total. Unknown macro: $\\eVq$."),
    ("Bounds on $\\Lambda_{\\rm QCD}$ from $\\alpha_s(M_Z)$ and the $\\beta$-function", "A $\\chi^2$ fit gives $\\alpha_s = 0.118$."),
    (HOSTILE, "Markup in a title must stay text."),
    ("$<img src=x onerror=alert(1)>$ in math", "Markup inside math must not become an element."),
]

PAGE = """<!doctype html><meta charset="utf-8"><title>preview</title><link rel="stylesheet" href="widget.css">
<link rel="icon" href="data:,"><style>body{margin:0;font-family:system-ui}</style><div id="app"></div>
<script type="module">
import { createExplorer, decodePoints } from "./widget.js";
const get = async (f, kind = "json") => (await fetch(f))[kind]();
const details = await get("details.json");
const host = { summary: async (i) => details[i], detail: async (i) => details[i], select: () => {},
  search: async (q) => { const idx = details.map((d, i) => (d.title.toLowerCase().includes(q.toLowerCase()) ? i : -1)).filter((i) => i >= 0);
    return { indices: idx, results: idx.slice(0, 50).map((i) => ({ index: i, title: details[i].title })) }; } };
const old = location.hash === "#old";
const points = decodePoints(await get(old ? "points-old.arrow" : "points.arrow", "arrayBuffer"));
window.explorer = createExplorer(document.getElementById("app"), { points, clusters: await get("clusters.json"),
  levels: old ? [] : await get("levels.json"), fields: [], host, height: 760 });
</script>"""


def summaries():
    import pyarrow.parquet as pq
    out = []
    for r in pq.read_table(ROOT / "data" / "sample.parquet").to_pylist():
        try: s = json.loads(r["summarization"] or "{}").get("summary") or {}
        except ValueError: continue   # the sample keeps some broken rows on purpose
        if not s.get("title"): continue
        y = str(s.get("publication_year") or "")
        out.append(dict(title=s["title"], authors=s.get("authors", ""), publication_year=int(y) if y.isdigit() else None,
                        field_subfield=s.get("field_subfield", ""), classification="FULL_TEXT",
                        executive_summary=s.get("executive_summary", ""), key_results=s.get("key_results", ""),
                        three_takeaways=s.get("three_takeaways", ""), nearest_papers=[]))
    return out


def hex_hls(h, l, s): return "#" + "".join(f"{round(v * 255):02x}" for v in colorsys.hls_to_rgb(h % 1, l, s))


def build(levels_wanted, out):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.decomposition import TruncatedSVD
    from sklearn.cluster import KMeans, AgglomerativeClustering
    from sklearn.neighbors import NearestNeighbors
    import umap, pyarrow as pa
    papers = summaries()
    phys = next(i for i, p in enumerate(papers) if "collision" in (p["title"] + p["executive_summary"]).lower())
    for t, s in EXTRA: papers.append(dict(papers[phys], title=t, executive_summary=s, key_results="", three_takeaways=""))
    n = len(papers)
    vec = TfidfVectorizer(max_features=20000, stop_words="english", min_df=2, sublinear_tf=True)
    X = vec.fit_transform([p["title"] + " " + p["executive_summary"] for p in papers])
    V = TruncatedSVD(64, random_state=0).fit_transform(X); V /= np.linalg.norm(V, axis=1, keepdims=True) + 1e-9
    V[n - len(EXTRA):] = V[phys] + np.random.default_rng(1).normal(0, 0.02, (len(EXTRA), V.shape[1]))
    Y = umap.UMAP(n_neighbors=15, min_dist=0.05, random_state=0, metric="cosine").fit_transform(V).astype(np.float32)
    # faithfulness: share of each paper's 15 nearest in vector space that are among its 15 nearest on the map
    A = NearestNeighbors(n_neighbors=16, metric="cosine").fit(V).kneighbors(V)[1][:, 1:]
    B = NearestNeighbors(n_neighbors=16).fit(Y).kneighbors(Y)[1][:, 1:]
    faith = np.round(255 * (A[:, :, None] == B[:, None, :]).any(2).mean(1)).astype(np.uint8)
    # finest clusters on the map; the papers farthest from their centre are "unclustered" (-1), as HDBSCAN leaves some
    m = 40
    lab = KMeans(m, n_init=4, random_state=0).fit_predict(Y)
    cen = np.array([Y[lab == c].mean(0) for c in range(m)])
    d = np.linalg.norm(Y - cen[lab], axis=1); lab[d > np.quantile(d, 0.98)] = -1
    terms = np.array(vec.get_feature_names_out())
    def label(mask, k=3):
        w = np.asarray(X[mask].mean(0)).ravel()
        return " · ".join(terms[np.argsort(-w)[:k]])
    sizes = {2: [8], 3: [16, 6]}[levels_wanted]
    centres, parents = [cen], []
    per = [lab]
    for k in sizes:
        par = AgglomerativeClustering(k, linkage="ward").fit_predict(centres[-1])
        cur = np.where(per[-1] >= 0, par[np.maximum(per[-1], 0)], -1)
        parents.append(par); per.append(cur)
        centres.append(np.array([Y[cur == c].mean(0) for c in range(k)]))
    # colours: top-level hues by the golden angle, finer levels shades of their parent's hue
    L = len(centres)
    hue = [None] * L; hue[-1] = (np.arange(len(centres[-1])) * 0.381966) % 1
    for lv in range(L - 2, -1, -1): hue[lv] = hue[lv + 1][parents[lv]] + 0.03 * (np.arange(len(centres[lv])) % 3 - 1)
    light = (0.42, 0.58, 0.50, 0.66, 0.36)
    color = lambda lv, c: hex_hls(hue[lv][c], 0.50 if lv == L - 1 else light[c % 5], 0.62)
    offs = np.cumsum([0] + [len(c) for c in centres])   # ids unique across levels
    cid = lambda lv, c: int(offs[lv] + c) if lv else int(c)
    tiers = []
    for lv in range(L):
        rows = []
        for c in range(len(centres[lv])):
            mask = per[lv] == c
            rows.append(dict(cluster_id=cid(lv, c), cluster_label=label(mask, 2 if lv == L - 1 else 3), count=int(mask.sum()),
                             color=color(lv, c), x=float(centres[lv][c, 0]), y=float(centres[lv][c, 1]), level=lv,
                             parent_id=cid(lv + 1, parents[lv][c]) if lv < L - 1 else None))
        rows.sort(key=lambda r: -r["count"])
        tiers.append(rows)
    fine = tiers[0]
    tex_cluster = next(r for r in fine if r["cluster_id"] == lab[phys])
    tex_cluster["cluster_label"] = "$\\phi^{\\pm}$ and $J/\\psi$ production in $pp$"   # a label with TeX
    fine.append(dict(cluster_id=-1, cluster_label="Unclustered", count=int((lab == -1).sum()), color="#e8e8e8", x=None, y=None,
                     level=0, parent_id=None))
    pos = {r["cluster_id"]: i for i, r in enumerate(fine)}
    cluster = np.array([pos[int(c)] for c in lab], np.uint16)
    year = np.array([(p["publication_year"] or 1900) - 1900 for p in papers]).clip(0, 255).astype(np.uint8)
    cols = dict(id=np.arange(n, dtype=np.int64), x=Y[:, 0], y=Y[:, 1], cluster=cluster, year=year,
                flags=np.ones(n, np.uint8), field=np.zeros(n, np.uint16))
    def arrow(cols):
        t = pa.table({k: pa.array(v) for k, v in cols.items()})
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, t.schema) as w: w.write_table(t)
        return sink.getvalue().to_pybytes()
    out.mkdir(parents=True, exist_ok=True)
    (out / "points-old.arrow").write_bytes(arrow(cols))
    (out / "points.arrow").write_bytes(arrow({**cols, "faith": faith}))
    (out / "clusters.json").write_text(json.dumps(fine))
    (out / "levels.json").write_text(json.dumps(tiers[1:]))
    for i, p in enumerate(papers):
        p["nearest_papers"] = [dict(index=int(j), title=papers[j]["title"], distance=0.1) for j in A[i][:5]]
    (out / "details.json").write_text(json.dumps(papers))
    for f in ("widget.js", "widget.css"): shutil.copy(ROOT / "laion_explorer" / "static" / f, out / f)
    (out / "index.html").write_text(PAGE)
    print(f"{n} papers, tiers {[len(t) for t in tiers]}, mean faithfulness {faith.mean() / 255:.2f}")
    return dict(n=n, tex_index=n - len(EXTRA), hostile=[n - 2, n - 1])


def shoot(out, info):
    from playwright.sync_api import sync_playwright
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a): pass
    problems = []
    with socketserver.TCPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(out))) as srv:
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{srv.server_address[1]}/index.html"
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=FLAGS)
            page = b.new_page(viewport={"width": 1500, "height": 860})
            page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"console {m.type}: {m.text}"))
            page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
            page.on("dialog", lambda d: (problems.append("dialog " + d.message), d.dismiss()))
            shot = lambda name: page.screenshot(path=str(out / f"{name}.png"))
            ds = lambda: page.evaluate("({...document.querySelector('.lx-root').dataset})")
            settle = lambda: page.wait_for_timeout(700)
            page.goto(url); page.wait_for_selector(".lx-root[data-frames]"); settle()
            print("zoomed out:", ds()["labelTiers"], ds()["labels"], "labels"); shot("1-zoomed-out")
            ex = "window.explorer"
            # zoom in: to the largest group (as its legend label does), then to one of its clusters
            page.locator(".lx-legend-grouprow .lx-legend-label").first.click(); page.wait_for_timeout(900)
            print(f"group, zoom {page.evaluate(ex + '.state.transform.k'):.2f}:", ds()["labelTiers"], ds()["labels"], "labels"); shot("2-zoomed-in-group")
            page.locator(".lx-legend-children .lx-legend-label").first.click(); page.wait_for_timeout(900)
            print(f"cluster, zoom {page.evaluate(ex + '.state.transform.k'):.2f}:", ds()["labelTiers"], ds()["labels"], "labels"); shot("2b-zoomed-in-cluster")
            page.click(".lx-toolbar button:has-text('Reset view')"); settle()
            # the legend: unfold the first group, filter
            page.locator(".lx-legend-group .lx-caret").first.click()
            page.locator(".lx-legend-group .lx-caret").nth(1).click()
            shot("3-legend-grouped")
            g = page.locator(".lx-legend-group").first
            g.locator(".lx-legend-grouprow input[type=checkbox]").uncheck(); settle()
            print("one group hidden: visible", ds()["visible"]); shot("3b-legend-group-hidden")
            g.locator(".lx-legend-grouprow input[type=checkbox]").check()
            page.fill(".lx-legend-filter", "production"); settle(); shot("3c-legend-filtered")
            page.fill(".lx-legend-filter", "")
            # faithfulness
            page.select_option(".lx-color-by", "faith"); settle()
            print("colour by:", ds()["colorBy"]); shot("4-faithfulness")
            page.locator(".lx-root").focus(); page.keyboard.press("t"); settle(); shot("4b-faithfulness-dark")
            page.keyboard.press("t"); page.select_option(".lx-color-by", "clusters")
            # a detail panel with math, and the hostile titles
            page.evaluate(f"{ex}.openDetail({info['tex_index']}, true)")
            page.wait_for_selector(".lx-detail-title .katex"); settle()
            print("katex in title:", page.locator(".lx-detail-title .katex").count(), "in summary:", page.locator(".lx-detail p .katex").count())
            shot("5-detail-math")
            for i in info["hostile"]:
                page.evaluate(f"{ex}.openDetail({i}, false)"); page.wait_for_selector(".lx-detail-title"); settle()
                print("hostile title:", repr(page.locator(".lx-detail-title").inner_text()))
                if page.locator(".lx-root img").count(): problems.append(f"an <img> appeared for paper {i}")
            shot("5b-detail-hostile-math")
            page.fill(".lx-search", "production"); page.wait_for_selector(".lx-results-head"); settle(); shot("5c-search-math")
            # charts by level
            page.click(".lx-tab[data-tab='clusters']"); page.wait_for_selector(".lx-bars .lx-bar"); shot("6-charts-coarsest")
            page.select_option(".lx-level", "0"); page.wait_for_selector(".lx-bars .lx-bar"); shot("6b-charts-finest")
            page.click(".lx-tab[data-tab='timeline']"); page.wait_for_selector(".lx-heatmap rect"); shot("6c-timeline-finest")
            page.click(".lx-tab[data-tab='map']")
            # an old map: one level, no faith column
            page.goto(url + "#old"); page.reload(); page.wait_for_selector(".lx-root[data-frames]"); settle()
            print("old map:", ds()["labelTiers"], ds()["labels"], "labels; colour-by disabled:", page.locator(".lx-color-by").is_disabled(),
                  "legend groups:", page.locator(".lx-legend-group").count())
            shot("7-old-map")
            b.close()
        srv.shutdown()
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--levels", type=int, default=2, choices=[2, 3], help="cluster levels, the finest included")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "preview")
    a = ap.parse_args()
    info = build(a.levels, a.out)
    problems = shoot(a.out, info)
    print(f"screenshots in {a.out}")
    if problems: raise SystemExit("problems:\n" + "\n".join(problems))


if __name__ == "__main__": main()
