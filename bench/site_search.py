"""The static site's search (not a test): what the first searches cost a browser, and that they agree with the notebook.

    python bench/site_search.py MAP.sqlite [--out bench/out/site-search] [--queries "diffusion model" "black hole"]

Exports the map's static site (write_site), serves it with byte ranges (as Cloudflare Pages does) and, in a
fresh Chromium page, runs each query in the search box: the bytes the browser fetched for it (the search
database's pages, the wasm engine on the first one), the time to the results' heading, and the count and first
results against the notebook's (`Explorer.search`, `count_matches`). The site used to fetch its whole word
index on the first search (26 MB at 74,728 papers) and count differently (44 vs 74 "black hole" results).
Then, on a TF-IDF map, the same queries by words and meaning (the site's default): the bytes (the first fetches
the paper vectors), the time, and how many of the first 50 are the notebook's (int8 vectors against float32).
First it prints the page's first paint (opening it to the map drawn), how many papers the map shows and from how
many files it read the map (a map over 20 MiB comes in parts), and saves a screenshot beside --out.
"""
import argparse, functools, http.server, json, threading, time
from pathlib import Path
from laion_explorer.explorer import Explorer
from laion_explorer.export import write_site
from laion_explorer.store import count_matches
from laion_explorer.testing import CHROMIUM, CHROMIUM_FLAGS, RangeHandler

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db"); ap.add_argument("--out", default="bench/out/site-search")
    ap.add_argument("--queries", nargs="+", default=["diffusion model", "black hole", "graph neural network", "the"])
    ap.add_argument("--reuse", action="store_true", help="use the site already in --out")
    a = ap.parse_args()
    out = Path(a.out)
    with Explorer(a.db) as ex:
        if not a.reuse:
            t = time.time(); r = write_site(ex, out, title="site search bench")
            print(f"write_site: {time.time() - t:.1f} s; search database {r['search_db']['bytes'] / 2**20:.1f} MiB in {r['search_db']['parts']} files")
        pos = {int(p): i for i, p in enumerate(ex.map_columns()["ids"])}
        want = {q: (count_matches(ex.con, q), [pos.get(h["id"], -1) for h in ex.search(q, limit=2000, detail=50, mode="words")[:50]]) for q in a.queries}
        want_h = {q: [pos.get(h["id"], -1) for h in ex.search(q, limit=2000, detail=50, mode="hybrid")[:50]] for q in a.queries} if ex.search_mode() == "hybrid" else {}
    words = sum(p.stat().st_size for p in (out / "search").glob("*.json"))
    print(f"the word index (fetched whole by the previous site on its first search): {words / 2**20:.1f} MiB")
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(RangeHandler, directory=str(out))) as srv:
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        from playwright.sync_api import sync_playwright
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = b.new_page(viewport={"width": 1400, "height": 900})
            got = []
            page.on("requestfinished", lambda r: got.append(r.sizes()["responseBodySize"]))
            t = time.time()
            page.goto(f"http://127.0.0.1:{srv.server_address[1]}/index.html")
            page.wait_for_selector(".lx-root[data-frames]", timeout=60_000)
            maps = json.loads((out / "info.json").read_text()).get("map") or ["map.arrow"]
            shown = int(page.evaluate("document.querySelector('.lx-root').dataset.visible"))
            print(f"first paint {time.time() - t:.2f} s from opening the page: {shown:,} papers drawn, the map read from "
                  f"{len(maps)} file(s), the largest {max((out / m).stat().st_size for m in maps) / 2**20:.1f} MiB", flush=True)
            page.screenshot(path=str(out.parent / f"{out.name}-first-paint.png"))
            page.wait_for_timeout(500)
            hybrid = page.locator(".lx-search-mode").count() > 0
            if hybrid: page.select_option(".lx-search-mode", "words")
            for q in a.queries:
                got.clear(); (n, exact), listed = want[q]
                head = f"{n:,} results" if n < 2000 else f"2,000 of {'' if exact else 'more than '}{n:,} results"
                t = time.time(); page.fill(".lx-search", q)
                page.wait_for_function(f"document.querySelector('.lx-results-head')?.textContent.startsWith({json.dumps(head)})", timeout=120_000)
                dt = time.time() - t - 0.25   # the search box waits 250 ms for typing to stop
                mine = [int(x.get_attribute("data-index")) for x in page.locator(".lx-results a").all()]
                print(f"{q!r}: {head} (the notebook's count); first 50 the notebook's, in order: {mine == listed}; "
                      f"{dt:.2f} s; fetched {sum(got) / 2**10:,.0f} KiB in {len(got)} requests", flush=True)
            if hybrid and want_h:
                page.select_option(".lx-search-mode", "hybrid")
                for q in a.queries:
                    got.clear(); page.fill(".lx-search", ""); page.wait_for_timeout(400)
                    t = time.time(); page.fill(".lx-search", q)
                    page.wait_for_selector(f".lx-results-head:has-text({json.dumps(q + '”, by words and meaning', ensure_ascii=False)})", timeout=180_000)
                    dt = time.time() - t - 0.25
                    mine = [int(x.get_attribute("data-index")) for x in page.locator(".lx-results a").all()]
                    print(f"{q!r} by words and meaning: {dt:.2f} s; fetched {sum(got) / 2**10:,.0f} KiB in {len(got)} requests; "
                          f"{len(set(mine) & set(want_h[q]))} of the notebook's first 50 (first 10 in order: {mine[:10] == want_h[q][:10]})", flush=True)
            b.close()
        srv.shutdown()

if __name__ == "__main__": main()
