"""Map-quality benchmark (not a test): score maps of real arXiv corpora against their known categories.

    python bench/map_quality.py [--corpus daily|2007|lite|all] [--limit N]

For each corpus of ../shared/data (converted to the nested summary layout, each paper keeping its labels):

    daily  arxiv-daily-2025-26.parquet, all 74,728 papers (--limit N: a seeded draw of N); label: primary category
    2007   arxiv-2007-2000.csv, 2,000 papers; labels: primary category and archive (hep-ph, math, ...)
    lite   arxiv-lite-1550.csv, 1,550 papers; label: discipline

the map is built as the explorer builds it (build_db, embed with TF-IDF, exact 15-NN graph, 2-D UMAP with seed 42),
then clustered several ways and scored, side by side with the original explorer's recipe:

    O  ours, as shipped: `cluster(db)` with its defaults (Ward on the map, the finest k whose clusters are regions,
       a coarse level merged from it); the other methods run at O's fine and coarse k
    A  K-Means on the vectors (cosine) at the fine k              (today's default, with k fixed)
    B  K-Means on the 2-D map coordinates at the fine and coarse k
    C  coarse level by merging B's fine clusters: size-weighted Ward on their map centroids
    D  HDBSCAN on the 2-D map, min_cluster_size max(10, n/200), with sklearn's default cluster selection (eom) and
       with leaf selection; noise papers join the cluster of their nearest clustered paper
    F  Ward linkage on the 2-D map constrained to each paper's 10 nearest map neighbours, at the fine and the coarse k
       (one deterministic tree cut twice, so the levels nest)
    E  the original: K-Means k=100 on the vectors, a 3-D UMAP (cosine, 15 neighbours, min_dist 0.1),
       "nearest papers" = nearest in the 3-D UMAP

fine and coarse k: those the explorer chose (O).

Per clustering: NMI, AMI (mutual information corrected for chance: fair across different k) and ARI against each
label set, contiguity@15 (share of a paper's 15 nearest papers on the map that share its cluster; E on its own 3-D
map), clusters, largest and smallest cluster, seconds.
Per map: trustworthiness@15 (seeded sample of 5,000), kNN preservation (mean share of a paper's 15 embedding
neighbours that are among its 15 map neighbours), nearest-paper label agreement (share of the 15 "nearest papers"
the explorer shows that share the paper's label: ours are the stored related papers, the original's the 3-D UMAP
neighbours) and, for reference, the same agreement of the map neighbours and of the plain cosine k-NN.
A k sweep of B and F (K-Means and Ward on the map, k from 8 to 150): contiguity and NMI/AMI/ARI per k, and the
largest k whose contiguity reaches 0.9 (evidence for the fine/coarse k rule). On corpora up to 10,000 papers, where
`choose_k` (the silhouette auto-k, default range) lands on the map coordinates: as shipped (cosine silhouette) and
with the Euclidean silhouette a map calls for.

Each corpus is measured in a fresh process (peak memory = its max RSS); stage times are wall seconds on this machine.
Prints one table per corpus and merges all figures into bench/out/map_quality.json (keyed by corpus, so corpora
measured in separate runs sit side by side). Databases and arrays (map coordinates, k-NN) stay in
bench/out/map_quality/ for further analysis.
"""
import argparse, inspect, json, os, resource, subprocess, sys, time
from contextlib import contextmanager
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
K = 15                 # neighbours for every neighbourhood measure
ORIGINAL_K = 100       # the original explorer's K-Means k
SMALL = 10_000         # corpora up to this size also get the choose_k sweep on the map

# ---------------------------------------------------------------- corpora: nested-layout rows + labels per paper

def _nested_row(rec:dict) -> dict:
    "A summary record (`id` + summarization object) as a row of the nested layout."
    return {"id": rec["id"], "summarization": {k: v for k, v in rec.items() if k != "id"}, "sample": None, "error": None}

def read_daily(shared:Path, limit:int|None) -> tuple[list, dict]:
    import pyarrow.parquet as pq
    from laion_explorer.testing import read_arxiv_daily
    path = shared / "arxiv-daily-2025-26.parquet"
    n = pq.ParquetFile(path).metadata.num_rows
    recs = read_arxiv_daily(path, min(limit or n, n), seed=0)   # n = every paper, in file order
    t = pq.read_table(path, columns=["id", "categories"]).to_pylist()
    primary = {f"arXiv:{r['id']}": (r["categories"] or ["?"])[0] for r in t}
    return [_nested_row(r) for r in recs], {r["id"]: {"primary": primary[r["id"]]} for r in recs}

def read_2007(shared:Path, limit:int|None) -> tuple[list, dict]:
    import csv
    from laion_explorer.testing import read_arxiv_2007
    path = shared / "arxiv-2007-2000.csv"
    recs = read_arxiv_2007(path)[:limit]
    with open(path, newline="", encoding="utf-8") as f:
        cats = {f"arXiv:{float(r['id']):09.4f}": r["categories"].split()[0] for r in csv.DictReader(f)}
    labels = {r["id"]: {"primary": cats[r["id"]], "archive": cats[r["id"]].split(".")[0]} for r in recs}
    return [_nested_row(r) for r in recs], labels

def read_lite(shared:Path, limit:int|None) -> tuple[list, dict]:
    "arxiv-lite-1550.csv: title, summary (→ executive summary), authors, category (the discipline)."
    import csv
    from laion_explorer.testing import summary_record
    clean = lambda s: " ".join((s or "").split())
    with open(shared / "arxiv-lite-1550.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[:limit]
    recs = [{"id": f"lite:{i:04d}", **summary_record(clean(r["title"]), clean(r["summary"]), clean(r["authors"]),
                                                    None, clean(r["category"]))} for i, r in enumerate(rows)]
    labels = {f"lite:{i:04d}": {"discipline": clean(r["category"])} for i, r in enumerate(rows)}
    return [_nested_row(r) for r in recs], labels

CORPORA = {"daily": read_daily, "2007": read_2007, "lite": read_lite}

# ---------------------------------------------------------------- clusterings

def ward_merge(Y, fine, k:int):
    "Coarse id per paper: B's fine clusters merged into `k` by Ward (each cluster weighted by its size) on map centroids."
    import numpy as np
    ids, fine_idx, sizes = np.unique(fine, return_inverse=True, return_counts=True)
    C = np.stack([Y[fine_idx == c].mean(0) for c in range(len(ids))]).astype(np.float64)
    w = sizes.astype(np.float64)
    group, alive = np.arange(len(ids)), list(range(len(ids)))
    while len(alive) > k:
        a = np.array(alive)
        d2 = ((C[a, None] - C[None, a]) ** 2).sum(-1)
        cost = w[a, None] * w[None, a] / (w[a, None] + w[None, a]) * d2   # Ward's increase in within-cluster SS
        np.fill_diagonal(cost, np.inf)
        i, j = np.unravel_index(cost.argmin(), cost.shape)
        p, q = a[i], a[j]
        C[p] = (w[p] * C[p] + w[q] * C[q]) / (w[p] + w[q]); w[p] += w[q]
        group[group == q] = p; alive.remove(q)
    return np.unique(group, return_inverse=True)[1][fine_idx]

def ward_map(Y, k:int, graph):
    "Ward linkage on the map, merging only along `graph` (a k-NN connectivity graph of the map)."
    import warnings
    from sklearn.cluster import AgglomerativeClustering
    with warnings.catch_warnings():   # separate islands of the map are joined at the end, with a warning
        warnings.filterwarnings("ignore", message=".*connected components.*")
        return AgglomerativeClustering(k, linkage="ward", connectivity=graph).fit(Y).labels_.astype("int64")

def map_graph(Y, neighbours:int=10):
    "The connectivity graph Ward merges along: each paper's nearest papers on the map."
    from sklearn.neighbors import kneighbors_graph
    return kneighbors_graph(Y, min(neighbours, len(Y) - 1), include_self=False)

def nested(fine, coarse) -> bool:
    "Does every fine cluster sit inside exactly one coarse cluster?"
    import numpy as np
    pairs = np.unique(np.stack([fine, coarse]), axis=1)
    return len(pairs[0]) == len(np.unique(fine))

def hdbscan_min_size(n:int) -> int:
    "HDBSCAN's min_cluster_size: 0.5% of the papers, at least 10."
    return max(10, round(n / 200))

def hdbscan_map(Y, min_cluster_size:int, selection:str):
    "HDBSCAN on the map; noise papers join the cluster of their nearest clustered paper. Returns (labels, what it found)."
    import numpy as np
    from sklearn.cluster import HDBSCAN
    from sklearn.neighbors import NearestNeighbors
    hdb = HDBSCAN(min_cluster_size=min_cluster_size, cluster_selection_method=selection, copy=True)
    lab = hdb.fit(Y).labels_.astype(np.int64)
    noise = lab < 0
    found = int(len(set(lab.tolist()) - {-1}))
    info = dict(min_cluster_size=min_cluster_size, selection=selection, found=found, noise=int(noise.sum()))
    if found == 0: return np.zeros(len(Y), np.int64), info
    if noise.any():
        _, j = NearestNeighbors(n_neighbors=1).fit(Y[~noise]).kneighbors(Y[noise])
        lab[noise] = lab[~noise][j[:, 0]]
    return lab, info

# ---------------------------------------------------------------- scores

def clustering_scores(pred, truth:dict, map_nbrs, seconds:float) -> dict:
    "Clusters, sizes, contiguity@K on the map, NMI/ARI against each label set."
    import numpy as np
    from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score, normalized_mutual_info_score
    from laion_explorer.cluster import contiguity
    sizes = np.unique(pred, return_counts=True)[1]
    out = dict(clusters=len(sizes), largest=int(sizes.max()), smallest=int(sizes.min()),
               contiguity=contiguity(map_nbrs, pred), seconds=round(seconds, 2))
    for name, t in truth.items():
        out[f"nmi_{name}"] = float(normalized_mutual_info_score(t, pred))
        out[f"ami_{name}"] = float(adjusted_mutual_info_score(t, pred))
        out[f"ari_{name}"] = float(adjusted_rand_score(t, pred))
    return out

def map_scores(X, Y, emb_nbrs, map_nbrs, shown_nbrs, truth:dict, seconds:float) -> dict:
    "Trustworthiness@K, kNN preservation, label agreement of the shown nearest papers and of the map neighbours."
    from laion_explorer.cluster import contiguity
    from laion_explorer.project import neighbor_overlap, trustworthiness_at
    out = dict(dimensions=Y.shape[1], trustworthiness=trustworthiness_at(X, Y, K),
               knn_preservation=float(neighbor_overlap(emb_nbrs, map_nbrs).mean()), seconds=round(seconds, 2))
    for name, t in truth.items():   # same formula as contiguity, with the true labels
        out[f"nearest_agree_{name}"] = contiguity(shown_nbrs, t)
        out[f"map_nbr_agree_{name}"] = contiguity(map_nbrs, t)
    return out

def choose_k_on_map(Y) -> dict:
    "Where the silhouette auto-k (default range, sample, seed) lands on map coordinates: as shipped, and Euclidean."
    import numpy as np
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score
    from laion_explorer.cluster import choose_k, cluster_vectors
    d = {p.name: p.default for p in inspect.signature(cluster_vectors).parameters.values()}
    k_min, k_max, sample, seed = d["k_min"], d["k_max"], d["sample_size"], d["seed"]
    t = time.time()
    k_lib, s_lib = choose_k(Y, k_min, k_max, sample, seed)      # its silhouette is cosine, whatever the input
    rng = np.random.default_rng(seed)
    S = Y[rng.choice(len(Y), sample, replace=False)] if len(Y) > sample else Y
    s_euc = {k: float(silhouette_score(S, KMeans(k, random_state=seed, n_init=3).fit(S).labels_))
             for k in range(k_min, min(k_max, len(S) - 1) + 1)}
    k_euc = max(s_euc, key=s_euc.get)
    return dict(range=[k_min, k_max], shipped_cosine=dict(k=k_lib, silhouette=s_lib[k_lib], scores=s_lib),
                euclidean=dict(k=k_euc, silhouette=s_euc[k_euc], scores=s_euc), seconds=round(time.time() - t, 2))

def k_sweep(Y, truth:dict, map_nbrs, graph, ks=(8, 12, 16, 20, 25, 30, 40, 60, 80, 100, 150)) -> dict:
    "B (K-Means) and F (Ward) on the map at each k: scores, and per method the largest k whose contiguity reaches 0.9."
    from laion_explorer.cluster import cluster_vectors
    fits = {"kmeans": lambda k: cluster_vectors(Y, "kmeans", n_clusters=k, metric="euclidean")[0],
            "ward": lambda k: ward_map(Y, k, graph)}
    out = {}
    for method, fit in fits.items():
        rows = {}
        for k in (k for k in ks if k <= len(Y) // 4):
            t = time.time(); lab = fit(k)
            rows[k] = clustering_scores(lab, truth, map_nbrs, time.time() - t)
        ok = [k for k, r in rows.items() if r["contiguity"] >= 0.9]
        out[method] = dict(rows=rows, largest_k_contiguity_090=max(ok) if ok else None)
    return out

# ---------------------------------------------------------------- one corpus (in its own process)

class Stages(dict):
    "Wall seconds per named stage."
    @contextmanager
    def __call__(self, name):
        t = time.time(); yield; self[name] = round(time.time() - t, 2)
        print(f"  [{name}] {self[name]:.1f} s", file=sys.stderr, flush=True)

def build_map(rows:list, work:Path, name:str, stage:Stages):
    "The explorer's map stages on a fresh store: (db, ids, source ids, X, knn, Y2), the 2-D coordinates from `papers`."
    import numpy as np
    from laion_explorer.samples import write_nested
    from laion_explorer.ingest import build_db
    from laion_explorer.embed import embed
    from laion_explorer.neighbors import neighbors
    from laion_explorer.project import project
    from laion_explorer.store import connect, load_vectors
    db = work / f"{name}.sqlite"
    with stage("build-db"): build_db(write_nested(rows, work / f"{name}.parquet"), db, progress=False)
    with stage("embed"): embed(db, model="tfidf", progress=False)
    con = connect(db)
    ids, X = load_vectors(con, "tfidf")
    with stage("neighbors"): knn = neighbors(db, "tfidf", neighbors_k=K, progress=False)
    with stage("project 2-D"): project(db, "tfidf", knn=knn, vectors=(ids, X), progress=False, seed=42)
    pos = {int(i): r for r, i in enumerate(ids)}
    shown = np.full((len(ids), K), -1, np.int64)
    for pid, rank, nid in con.execute("SELECT paper_id, rank, neighbor_id FROM neighbors"): shown[pos[pid], rank - 1] = pos[nid]
    assert (shown >= 0).all(), "some paper lists fewer than K nearest papers"
    xy = con.execute("SELECT id, x, y FROM papers WHERE x IS NOT NULL ORDER BY id").fetchall()
    assert [r[0] for r in xy] == ids.tolist(), "map coordinates and vectors cover different papers"
    Y2 = np.array([r[1:] for r in xy], np.float32)
    src = dict(con.execute("SELECT id, source_id FROM papers"))
    con.close()
    return db, ids, [src[int(i)] for i in ids], X, knn, Y2, shown

def ours(db, ids, stage) -> tuple:
    "The explorer's own clustering with its defaults (`cluster`): each paper's cluster per level, finest first, and k per level."
    import numpy as np
    from laion_explorer.cluster import cluster
    from laion_explorer.store import connect
    with stage("cluster ours (shipped defaults)"): res = cluster(db)
    con = connect(db)
    fine = dict(con.execute("SELECT id, cluster_id FROM papers"))
    parent = dict(con.execute("SELECT cluster_id, parent_id FROM clusters"))
    con.close()
    lab = [np.array([fine[int(i)] for i in ids])]
    for _ in res.levels[1:]: lab.append(np.array([parent[int(c)] for c in lab[-1]]))
    return lab, res.levels

def measure(corpus:str, limit:int|None, shared:Path, work:Path) -> dict:
    "Build, cluster and score one corpus; returns every figure."
    import numpy as np
    from laion_explorer.cluster import cluster_vectors
    from laion_explorer.project import map_neighbors, umap_layout
    stage = Stages(); t0 = time.time()
    with stage("read"): rows, labels = CORPORA[corpus](shared, limit)
    name = corpus if limit is None else f"{corpus}-{limit}"
    db, ids, sources, X, knn, Y2, shown = build_map(rows, work, name, stage)
    n = len(ids)
    truth = {s: np.array([labels[p][s] for p in sources]) for s in next(iter(labels.values()))}
    our_levels, (fine, coarse) = ours(db, ids, stage)   # the other methods are run at our k, for a fair comparison
    print(f"  {n:,} papers; fine k {fine}, coarse k {coarse}", file=sys.stderr, flush=True)
    with stage("umap 3-D (original)"): Y3 = umap_layout(X, dimensions=3, knn=knn, n_neighbors=15, min_dist=0.1, seed=42)
    with stage("map neighbours"): N2, N3 = map_neighbors(Y2, K), map_neighbors(Y3, K)
    emb_nbrs = knn.indices[:, :K]
    np.savez_compressed(work / f"{name}-arrays.npz", ids=ids, X=X, Y2=Y2, Y3=Y3, knn=emb_nbrs,
                        **{f"label_{s}": t for s, t in truth.items()})

    res, clusters = {}, {}
    def run(key, nbrs, fn):   # fn: labels, or (labels, what it found)
        with stage(f"cluster {key}"): got = fn()
        lab, info = got if isinstance(got, tuple) else (got, {})
        clusters[key] = lab
        res[key] = clustering_scores(lab, truth, nbrs, stage[f"cluster {key}"]) | info
    run("O fine", N2, lambda: our_levels[0]); res["O fine"]["seconds"] = stage["cluster ours (shipped defaults)"]
    run("O coarse", N2, lambda: our_levels[1])
    run("A fine", N2, lambda: cluster_vectors(X, "kmeans", n_clusters=fine, metric="cosine")[0])
    run("B fine", N2, lambda: cluster_vectors(Y2, "kmeans", n_clusters=fine, metric="euclidean")[0])
    run("B coarse", N2, lambda: cluster_vectors(Y2, "kmeans", n_clusters=coarse, metric="euclidean")[0])
    run("C coarse", N2, lambda: ward_merge(Y2, clusters["B fine"], coarse))
    mcs = hdbscan_min_size(n)
    for sel in ("eom", "leaf"): run(f"D {sel}", N2, lambda: hdbscan_map(Y2, mcs, sel))
    with stage("map graph"): G = map_graph(Y2)
    run("F fine", N2, lambda: ward_map(Y2, fine, G))
    run("F coarse", N2, lambda: ward_map(Y2, coarse, G))
    run("E original", N3, lambda: cluster_vectors(X, "kmeans", n_clusters=min(ORIGINAL_K, n - 1), metric="cosine")[0])

    maps = {"ours 2-D": map_scores(X, Y2, emb_nbrs, N2, shown, truth, stage["project 2-D"]),
            "plain cosine": map_scores(X, Y2, emb_nbrs, N2, emb_nbrs, truth, 0.0),
            "original 3-D": map_scores(X, Y3, emb_nbrs, N3, N3, truth, stage["umap 3-D (original)"])}
    levels_nest = dict(O=nested(clusters["O fine"], clusters["O coarse"]), C_in_B=nested(clusters["B fine"], clusters["C coarse"]),
                       F=nested(clusters["F fine"], clusters["F coarse"]))
    out = dict(corpus=corpus, limit=limit, papers=n, label_sets={s: int(len(set(t))) for s, t in truth.items()},
               fine_k=fine, coarse_k=coarse, clusterings=res, maps=maps, nested=levels_nest)
    with stage("k sweep"): out["k_sweep"] = k_sweep(Y2, truth, N2, G)
    if n <= SMALL:
        with stage("choose_k on map"): out["choose_k_on_map"] = choose_k_on_map(Y2)
    out["times"] = dict(stage); out["total_s"] = round(time.time() - t0, 1)
    out["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    out["cpus"] = os.cpu_count()
    return out

# ---------------------------------------------------------------- report

NAMES = {"O fine": ("O", "ours, as shipped", "fine"), "O coarse": ("O", "ours, as shipped", "coarse"),
         "A fine": ("A", "K-Means vectors (today)", "fine"), "B fine": ("B", "K-Means map", "fine"),
         "B coarse": ("B", "K-Means map", "coarse"), "C coarse": ("C", "Ward merge of B fine", "coarse"),
         "D eom": ("D", "HDBSCAN map, eom", "-"), "D leaf": ("D", "HDBSCAN map, leaf", "-"),
         "F fine": ("F", "Ward map, 10-NN connected", "fine"), "F coarse": ("F", "Ward map, 10-NN connected", "coarse"),
         "E original": ("E", "original: K-Means k=100, 3-D", "-")}

def _score_cols(sets) -> str:
    return "".join(f"{m + ' ' + s[:4]:>10}" for s in sets for m in ("NMI", "AMI", "ARI"))

def _scores(c:dict, sets) -> str:
    return "".join(f"{c[m + '_' + s]:>10.3f}" for s in sets for m in ("nmi", "ami", "ari"))

def table(r:dict) -> str:
    "The readable report of one corpus."
    sets = list(r["label_sets"])
    lim = f" (limit {r['limit']:,})" if r["limit"] else ""
    lines = [f"== {r['corpus']}{lim}: {r['papers']:,} papers; labels " + ", ".join(f"{s} ({v})" for s, v in r["label_sets"].items())
             + f"; fine k {r['fine_k']}, coarse k {r['coarse_k']}; {r['total_s']:.0f} s, peak {r['peak_mb']:,} MB, {r['cpus']} CPUs ==",
             "stages (s): " + ", ".join(f"{k} {v:.1f}" for k, v in r["times"].items() if not k.startswith("cluster")), "",
             f"{'':2}{'clustering':<30}{'level':<7}{'k':>5}{'max':>7}{'min':>6}{'contig':>8}" + _score_cols(sets) + f"{'s':>7}"]
    for key, c in r["clusterings"].items():
        tag, what, level = NAMES[key]
        lines.append(f"{tag:<2}{what:<30}{level:<7}{c['clusters']:>5}{c['largest']:>7}{c['smallest']:>6}{c['contiguity']:>8.3f}"
                     + _scores(c, sets) + f"{c['seconds']:>7.1f}")
    for key in ("D eom", "D leaf"):
        d = r["clusterings"][key]
        lines.append(f"   {key}: min_cluster_size {d['min_cluster_size']}, HDBSCAN found {d['found']} clusters; "
                     f"{d['noise']:,} noise papers ({d['noise'] / r['papers']:.0%}) joined their nearest cluster")
    lines.append(f"   contig = contiguity@15 on the 2-D map (E: on its 3-D map); levels nest: O {r['nested'].get('O')}, C in B fine {r['nested']['C_in_B']}, "
                 f"F coarse in F fine {r['nested']['F']}")
    lines += ["", f"  {'map':<16}{'trust@15':>10}{'kNN-pres':>10}" + "".join(f"{'nearest ' + s[:4]:>14}{'map-nbr ' + s[:4]:>14}" for s in sets) + f"{'map s':>9}"]
    for key, m in r["maps"].items():
        lines.append(f"  {key:<16}{m['trustworthiness']:>10.3f}{m['knn_preservation']:>10.3f}"
                     + "".join(f"{m['nearest_agree_' + s]:>14.3f}{m['map_nbr_agree_' + s]:>14.3f}" for s in sets) + f"{m['seconds']:>9.1f}")
    lines.append("   nearest = label agreement of the 15 papers listed (ours: the stored related papers; plain cosine: the embedding"
                 " k-NN, for reference; original: 3-D UMAP k-NN);"
                 " map-nbr = of the 15 nearest on the map;\n   map s = ours: the project stage (UMAP, storing, its own quality scores); original: UMAP alone")
    lines += ["", f"  k sweep on the 2-D map:", f"  {'method':<8}{'k':>5}{'papers/k':>9}{'contig':>8}" + _score_cols(sets) + f"{'s':>7}"]
    for method, sw in r["k_sweep"].items():
        for k, c in sw["rows"].items():
            lines.append(f"  {method:<8}{k:>5}{r['papers'] / int(k):>9.0f}{c['contiguity']:>8.3f}" + _scores(c, sets) + f"{c['seconds']:>7.1f}")
    lines.append("  largest k with contiguity >= 0.9: " + ", ".join(f"{m} {sw['largest_k_contiguity_090']}" for m, sw in r["k_sweep"].items()))
    if "choose_k_on_map" in r:
        c = r["choose_k_on_map"]
        lines.append(f"\n  choose_k on the 2-D map, k {c['range'][0]}-{c['range'][1]}: as shipped (cosine silhouette) k = "
                     f"{c['shipped_cosine']['k']} ({c['shipped_cosine']['silhouette']:.3f}); Euclidean silhouette k = "
                     f"{c['euclidean']['k']} ({c['euclidean']['silhouette']:.3f}); {c['seconds']:.0f} s")
    return "\n".join(lines)

# ---------------------------------------------------------------- driver

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    ap.add_argument("--limit", type=int, default=None, help="papers per corpus (daily: a seeded draw)")
    ap.add_argument("--shared", default=None, help="folder of the real corpora (default: ../shared/data)")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)   # measure one corpus, in this process
    ap.add_argument("--result", help=argparse.SUPPRESS)
    a = ap.parse_args()
    from laion_explorer.testing import default_shared
    shared = Path(a.shared) if a.shared else default_shared()
    out = Path(a.out); work = out / "map_quality"; work.mkdir(parents=True, exist_ok=True)
    if a.worker:
        Path(a.result).write_text(json.dumps(measure(a.corpus, a.limit, shared, work)))
        return
    results_file = out / "map_quality.json"
    saved = json.loads(results_file.read_text()) if results_file.exists() else {"corpora": {}}
    for corpus in (CORPORA if a.corpus == "all" else [a.corpus]):
        print(f"[{corpus}] measuring in a fresh process ...", file=sys.stderr, flush=True)
        tmp = work / f"{corpus}.result.json"
        cmd = [sys.executable, __file__, "--worker", "--corpus", corpus, "--shared", str(shared), "--out", str(out), "--result", str(tmp)]
        if a.limit: cmd += ["--limit", str(a.limit)]
        if subprocess.run(cmd).returncode: sys.exit(f"{corpus}: the measurement failed")
        r = json.loads(tmp.read_text())
        saved["corpora"][corpus if not a.limit else f"{corpus}@{a.limit}"] = r
        saved["written"] = time.strftime("%Y-%m-%d %H:%M:%S")
        results_file.write_text(json.dumps(saved, indent=1))
        print(table(r) + "\n", flush=True)
    print(f"figures: {results_file}")

if __name__ == "__main__": main()
