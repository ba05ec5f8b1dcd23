"""Embedding benchmark (not a test): the original explorer's approach against this stage's defaults.

    python bench/embed.py [--n 2000] [--tfidf-rows 100000] [--shared ../shared/data]

On a BERT-base-sized model with random weights (768 wide, 12 layers, a 30k WordPiece vocabulary learned
from the texts), over the first N papers of the shipped sample, in one process on this machine:

(a) the original's approach: its `Title:/Abstract:/Context:` text, fp32, batches of 32 in input order
    padded to the longest text, one SQLite UPDATE per row;
(b) `laion_explorer.embed.embed` with its defaults (specter2 recipe, length-sorted batches, bf16 where
    the CPU has it, tokenisation in a background thread, one transaction per batch).

Prints papers/s for both, the ratio, and the cosine agreement of (b)'s vectors with an fp32 run of the
same model on the same texts. Then times the TF-IDF/LSA embedder on the generated 100k-row corpus.
"""
import argparse, json, os, sqlite3, sys, tempfile, time
from pathlib import Path
import numpy as np
from laion_explorer.testing import benchmark_corpus, default_shared, random_bert

def original_approach(db, model_dir, n):
    "The original explorer's loop, as DATA.md describes it."
    import torch
    from transformers import AutoModel, AutoTokenizer
    tok, model = AutoTokenizer.from_pretrained(model_dir), AutoModel.from_pretrained(model_dir).eval()
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE IF NOT EXISTS orig_embeddings (id INTEGER PRIMARY KEY, embedding BLOB)")
    rows = con.execute("SELECT id, title, json_extract(summarization,'$.summary.executive_summary'), "
                       "json_extract(summarization,'$.summary.research_context') FROM papers ORDER BY id LIMIT ?", (n,)).fetchall()
    con.executemany("INSERT OR IGNORE INTO orig_embeddings (id) VALUES (?)", [(r[0],) for r in rows]); con.commit()
    t = time.time()
    for s in range(0, len(rows), 32):
        batch = rows[s:s + 32]
        texts = [f"Title: {r[1]}\nAbstract: {r[2]}\nContext: {r[3]}" for r in batch]
        enc = tok(texts, padding=True, truncation=True, max_length=512, return_tensors="pt")
        with torch.no_grad(): V = model(**enc).last_hidden_state[:, 0].numpy().astype(np.float32)
        for r, v in zip(batch, V):
            con.execute("UPDATE orig_embeddings SET embedding = ? WHERE id = ?", (v.tobytes(), r[0]))
        con.commit()
    return len(rows) / (time.time() - t)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--tfidf-rows", type=int, default=100_000)
    ap.add_argument("--only-tfidf", action="store_true", help="skip the transformer comparison")
    ap.add_argument("--shared", default=str(default_shared()))
    ap.add_argument("--out", default=str(Path(__file__).parent / "out"))
    a = ap.parse_args()
    import torch
    from laion_explorer.store import connect
    from laion_explorer.ingest import build_db
    from laion_explorer.embed import embed, fetch_texts, load_vectors, resolve_precision, resolve_device
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    root = Path(__file__).resolve().parents[1]
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {os.cpu_count()} CPUs; "
          f"auto precision here: {resolve_precision(resolve_device('auto'))}")
    tmp = Path(tempfile.mkdtemp())
    if not a.only_tfidf: compare(a, root, tmp)
    tfidf(a, out)

def compare(a, root, tmp):
    "(a) against (b) on a BERT-base-sized random model."
    from laion_explorer.store import connect
    from laion_explorer.ingest import build_db
    from laion_explorer.embed import embed, fetch_texts, load_vectors
    db = tmp / "bench.sqlite"
    build_db(root / "data" / "sample.parquet", db, progress=False)
    con = connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM papers ORDER BY id LIMIT ?", (a.n,))]
    with con: con.execute("DELETE FROM papers WHERE id NOT IN (SELECT value FROM json_each(?))", (json.dumps(ids),))
    _, texts = fetch_texts(con, ids, "plain")
    mdir, _ = random_bert(tmp / "bert-base", texts, size="base", adapter=False, vocab_size=30522)
    print(f"model: BERT-base size, random weights, vocab 30522; {len(ids)} papers")

    ra = original_approach(db, str(mdir), a.n)
    print(f"(a) original approach: {ra:.2f} papers/s")
    rb = embed(db, str(mdir), progress=False)
    print(f"(b) this stage, defaults: {rb.embedded / rb.seconds:.2f} papers/s ({rb.precision}, batch 16, length-sorted)")
    print(f"ratio (b)/(a): {rb.embedded / rb.seconds / ra:.2f}")
    _, B = load_vectors(con, rb.model)
    with con: con.execute("DELETE FROM embeddings")
    rf = embed(db, str(mdir), precision="fp32", progress=False)
    _, F = load_vectors(con, rf.model)
    cos = (B * F).sum(1) / (np.linalg.norm(B, axis=1) * np.linalg.norm(F, axis=1))
    print(f"(b) vs fp32 on all {len(cos)} papers: cosine min {cos.min():.5f}, mean {cos.mean():.5f} "
          f"(fp32 length-sorted ran at {rf.embedded / rf.seconds:.2f} papers/s)")
    con.close()

def tfidf(a, out):
    "TF-IDF/LSA papers/s on the generated corpus."
    from laion_explorer.store import connect
    from laion_explorer.ingest import build_db
    from laion_explorer.embed import embed
    rows = int(a.tfidf_rows * 1.06) + 1000   # ~4% of generated rows are dropped by the filter
    big = out / f"corpus-{rows}.parquet"
    if not big.exists():
        benchmark_corpus(big, rows, shared=a.shared)
    bdb = out / f"tfidf-{a.tfidf_rows}.sqlite"
    build_db(big, bdb, progress=False)
    con = connect(bdb)
    with con: con.execute("DELETE FROM papers WHERE id NOT IN (SELECT id FROM papers ORDER BY id LIMIT ?)", (a.tfidf_rows,))
    con.close()
    rt = embed(bdb, "tfidf", progress=False)
    print(f"tfidf: {rt.embedded:,} papers in {rt.seconds:.1f} s = {rt.embedded / rt.seconds:,.0f} papers/s ({rt.dim}-d)")

if __name__ == "__main__": main()
