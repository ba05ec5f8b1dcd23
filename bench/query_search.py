"""Search quality (not a test): words, meaning and both, with held-back arXiv titles as queries.

    python bench/query_search.py [--corpus daily|2007|both] [--queries 50] [--k 20]

For each corpus, a seeded draw of --queries papers is held back: the map store is built (build-db, TF-IDF embed)
from all the other papers, so no query's own text shaped the fit it is searched with. Each held-back title is
then searched by words (`search_papers`, the FTS5 search), by meaning (`meaning_search`, cosine to the TF-IDF/LSA
query vector) and by both (`hybrid_search`, reciprocal rank fusion), and scored by how many of the top --k papers
share the held-back paper's arXiv primary category (precision@k; a title with fewer than k hits counts the
missing ones as misses), against chance (the category's share of the corpus). Also the search time per mode
(p50/p95, warm). Writes bench/out/query_search.json.

The word search indexes the field name too ("Computer Science — Computer Vision"), so a title holding a word of
its category name gets a little help there; the meaning search sees title, summary and context only.
"""
import argparse, json, random, re, sys, time
from pathlib import Path
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "query_search"

def records(which:str) -> list[dict]:
    from laion_explorer.testing import default_shared, read_arxiv_2007, read_arxiv_daily
    if which == "2007": return read_arxiv_2007(default_shared() / "arxiv-2007-2000.csv")
    import pyarrow.parquet as pq
    src = default_shared() / "arxiv-daily-2025-26.parquet"
    return read_arxiv_daily(src, pq.ParquetFile(src).metadata.num_rows, seed=0)

def store(which:str, recs:list, held:set) -> Path:
    "Build (once) the TF-IDF store of the corpus without the held-back papers."
    from laion_explorer.samples import write_nested
    from laion_explorer.ingest import build_db
    from laion_explorer.embed import embed
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / f"{which}-{len(held)}.sqlite"
    if not db.exists():
        pq_path = OUT / f"{which}-{len(held)}.parquet"
        write_nested([{"id": r["id"], "summarization": {k: v for k, v in r.items() if k != "id"}, "sample": None, "error": None}
                      for i, r in enumerate(recs) if i not in held], pq_path)
        tmp = db.with_suffix(".building")
        build_db(pq_path, tmp, progress=False); embed(tmp, "tfidf", progress=False)
        tmp.rename(db)
    return db

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="both", choices=["daily", "2007", "both"])
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--k", type=int, default=20)
    a = ap.parse_args()
    from laion_explorer.store import connect, search_papers
    from laion_explorer.query import meaning_search, hybrid_search
    out = {}
    for which in (["daily", "2007"] if a.corpus == "both" else [a.corpus]):
        recs = records(which)
        held = set(random.Random(1).sample(range(len(recs)), a.queries))
        t = time.time(); db = store(which, recs, held); built = time.time() - t
        con = connect(db, readonly=True, create=False)
        cat = dict(con.execute("SELECT id, field_subfield FROM papers"))
        share = {c: n / len(cat) for c, n in con.execute("SELECT field_subfield, count(*) FROM papers GROUP BY 1")}
        modes = {"words": lambda q: [h["id"] for h in search_papers(con, q, a.k, snippets=0)],
                 "meaning": lambda q: [h["id"] for h in meaning_search(con, q, a.k)],
                 "hybrid": lambda q: [h["id"] for h in hybrid_search(con, q, a.k, snippets=0)]}
        meaning_search(con, "warm up", 1)   # loads the vectors once, as a widget's first search does
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
        def short(title):
            words = [w for w in re.findall(r"[A-Za-z][\w-]+", title) if w.lower() not in ENGLISH_STOP_WORDS]
            return " ".join(sorted(words, key=lambda w: (-len(w), words.index(w)))[:3])
        for kind, make in (("title", lambda t: t), ("3 words", short)):
            res = {m: dict(prec=[], ms=[], empty=0) for m in modes}
            chance = []
            for i in sorted(held):
                r = recs[i]; want = r["summary"]["field_subfield"]; q = make(r["summary"]["title"])
                chance.append(share.get(want, 0.0))
                for m, f in modes.items():
                    t0 = time.perf_counter(); ids = f(q); res[m]["ms"].append((time.perf_counter() - t0) * 1000)
                    res[m]["prec"].append(sum(cat[j] == want for j in ids) / a.k)
                    res[m]["empty"] += not ids
            row = dict(papers=len(cat), queries=len(held), k=a.k, build_s=round(built, 1), chance=round(float(np.mean(chance)), 3))
            for m, v in res.items():
                row[m] = dict(precision=round(float(np.mean(v["prec"])), 3), no_hits=v["empty"],
                              p50_ms=round(float(np.percentile(v["ms"], 50)), 1), p95_ms=round(float(np.percentile(v["ms"], 95)), 1))
            out[f"{which}, {kind}"] = row
            print(which, kind, json.dumps(row), flush=True)
        con.close()
    (OUT.parent / "query_search.json").write_text(json.dumps(out, indent=1))
    print(f"\nshare of the top {a.k} in the held-back paper's arXiv category (precision@{a.k}), by mode:")
    print(f"{'corpus, query':16} {'papers':>7} {'chance':>7} {'words':>7} {'meaning':>8} {'both':>7}   no hits (words)   p95 ms words/meaning/both")
    for w, r in out.items():
        print(f"{w:16} {r['papers']:>7,} {r['chance']:>7.3f} {r['words']['precision']:>7.3f} {r['meaning']['precision']:>8.3f} "
              f"{r['hybrid']['precision']:>7.3f}   {r['words']['no_hits']:>15}   {r['words']['p95_ms']}/{r['meaning']['p95_ms']}/{r['hybrid']['p95_ms']}")

if __name__ == "__main__": main()
