"""Claims-stage benchmark (not a test): time and peak memory of each step of `build_claims` on ~74k real abstracts.

    python bench/claims.py [--papers 74728] [--out /tmp/claims-bench] [--keep] [--show 8]

A map is made from the 2025-26 arXiv listings (`shared/data/arxiv-daily-2025-26.parquet`): each abstract is a
paper whose claims are its sentences (those of 6 words or more), and whose limitations are its sentences that
begin with "However", "But", "Although" or "Unlike" (so contested groups can arise). It is ingested with
`build_db`, then `build_claims` runs in this process; every step it logs is printed with the time it took and
the process's peak resident memory so far (`ru_maxrss`). Prints the counts, the largest groups, and the
closest conflicts, so the thresholds can be judged on real text.
"""
import argparse, logging, re, resource, shutil, tempfile, time
from pathlib import Path
import pyarrow.parquet as pq
from laion_explorer.claims import build_claims, claims_for, sentences
from laion_explorer.ingest import build_db
from laion_explorer.samples import write_nested
from laion_explorer.store import connect
from laion_explorer.testing import arxiv_field_subfield, default_shared, summary_record

HEDGE = re.compile(r"^(However|But|Although|Unlike)\b")

def peak_mb() -> float: return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def corpus(n:int, out:Path) -> Path:
    "A nested-layout parquet of `n` abstracts, their sentences as claims and their hedges as limitations."
    t = pq.read_table(default_shared()/"arxiv-daily-2025-26.parquet", columns=["id", "title", "abstract", "categories"]).slice(0, n)
    rows = []
    for r in t.to_pylist():
        ss = sentences(r["abstract"], min_words=6)
        rec = summary_record(" ".join((r["title"] or "").split()), " ".join((r["abstract"] or "").split()), "", 2025,
                             arxiv_field_subfield((r["categories"] or ["?"])[0]))
        rec["summary"]["claims"] = [{"details": s, "supporting_evidence": "", "contradicting_evidence": "", "implications": ""}
                                    for s in ss if not HEDGE.match(s)]
        rec["summary"]["contradictions_and_limitations"] = " ".join(s for s in ss if HEDGE.match(s))
        rows.append({"id": r["id"], "summarization": rec, "sample": None, "error": None})
    return write_nested(rows, out, row_group_size=5_000)

class Steps(logging.Handler):
    "Prints each of build_claims' steps with the peak memory reached by its end."
    def emit(self, rec):
        msg = rec.getMessage()
        if msg.startswith("claims: "): print(f"  {peak_mb():7.0f} MB peak  {msg[8:]}", flush=True)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--papers", type=int, default=74_728); ap.add_argument("--out", default=None)
    ap.add_argument("--keep", action="store_true", help="keep the map"); ap.add_argument("--show", type=int, default=8)
    a = ap.parse_args()
    d = Path(a.out or tempfile.mkdtemp()); d.mkdir(parents=True, exist_ok=True)
    t = time.time(); src = corpus(a.papers, d/"abstracts.parquet")
    print(f"corpus: {a.papers} abstracts in {time.time() - t:.1f} s, peak {peak_mb():.0f} MB")
    t = time.time(); build_db(src, d/"map.sqlite", progress=False)
    print(f"ingest: {time.time() - t:.1f} s, peak {peak_mb():.0f} MB")
    log = logging.getLogger("laion_explorer"); log.setLevel(logging.INFO); log.addHandler(Steps())
    t = time.time(); res = build_claims(d/"map.sqlite", progress=False)
    print(f"build_claims: {time.time() - t:.1f} s, peak {peak_mb():.0f} MB\n{res}")
    con = connect(d/"map.sqlite", readonly=True)
    per = [n for (n,) in con.execute("SELECT count(*) FROM claims GROUP BY paper_id")]
    print(f"claims per paper: mean {sum(per) / len(per):.2f}, min {min(per)}, max {max(per)}")
    sizes = dict(con.execute("SELECT papers, count(*) FROM claim_groups GROUP BY papers ORDER BY papers"))
    print(f"groups by papers: {sizes}")
    t = time.time(); top = claims_for(con, limit=a.show, claims_per_group=4)
    print(f"\nlargest groups (claims_for over the whole map: {1000 * (time.time() - t):.0f} ms)")
    for g in top:
        print(f"- {g['papers']} papers: {g['claim'][:140]}")
        for c in g["claims"][1:4]: print(f"    ~ {c['details'][:140]}")
    t = time.time(); top = claims_for(con, contested_only=True, limit=a.show, conflicts_per_group=2)
    print(f"\nmost contested groups ({1000 * (time.time() - t):.0f} ms)")
    for g in top:
        print(f"- {g['papers']} papers, {g['contesting_papers']} contesting: {g['claim'][:140]}")
        for x in g["conflicts"]: print(f"    {x['similarity']:.2f} {x['source']}: {x['text'][:140]}")
    con.close()
    if not a.keep and not a.out: shutil.rmtree(d)

if __name__ == "__main__": main()
