"""Load benchmark of `laion-explorer serve` (not a test): requests/s and p95 latency on loopback.

    python bench/serve.py [--seconds 20] [--clients 20]

Builds the sample map (TF-IDF), starts `laion-explorer serve` (uvicorn, one process) on 127.0.0.1, and
for papers (gzip, 200 papers a request), search and paper detail in turn runs N client threads with
keep-alive connections for the given time. Every non-200 answer counts as an error.
"""
import argparse, contextlib, http.client, json, random, socket, subprocess, sys, tempfile, threading, time, urllib.request
from pathlib import Path

def _free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

@contextlib.contextmanager
def start_server(db):
    port = _free_port()
    exe = Path(sys.executable).parent / "laion-explorer"
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            if proc.poll() is not None: raise RuntimeError(proc.stderr.read().decode()[-2000:])
            try: urllib.request.urlopen(url + "/health", timeout=1); break
            except OSError: time.sleep(0.1)
        yield url
    finally:
        proc.terminate(); proc.wait(15)

def load(url, seconds=20, clients=20):
    host, port = url.split("//")[1].split(":")
    ids = [p["id"] for p in json.loads(urllib.request.urlopen(url + "/api/samples?limit=500").read())["samples"]]
    words = ["quantum", "black hole", "neural network", "protein", "galaxy", "graph", "language model", "spin", "cancer", "lattice"]
    paths = {"papers": lambda r: "/api/papers?sample_size=200",
             "search": lambda r: "/api/search?q=" + urllib.request.quote(r.choice(words)) + "&limit=20",
             "detail": lambda r: f"/api/papers/{r.choice(ids)}"}
    out = {}
    for name, make in paths.items():
        lat, errors, stop = [], [0], time.time() + seconds
        def client(seed):
            r, c = random.Random(seed), http.client.HTTPConnection(host, int(port), timeout=30)
            while time.time() < stop:
                t = time.perf_counter()
                try:
                    c.request("GET", make(r)); resp = c.getresponse(); resp.read()
                    if resp.status != 200: errors[0] += 1
                except Exception:
                    errors[0] += 1; c.close(); c = http.client.HTTPConnection(host, int(port), timeout=30)
                lat.append(time.perf_counter() - t)
        ts = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        t0 = time.time(); [t.start() for t in ts]; [t.join() for t in ts]
        lat.sort()
        out[name] = dict(requests=len(lat), rps=len(lat) / (time.time() - t0), p95_ms=1000 * lat[int(0.95 * (len(lat) - 1))] if lat else 0,
                         errors=errors[0])
    return out

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=20); ap.add_argument("--clients", type=int, default=20)
    a = ap.parse_args()
    from laion_explorer.pipeline import regenerate
    root = Path(__file__).resolve().parents[1]; tmp = Path(tempfile.mkdtemp())
    regenerate(root / "data" / "sample.parquet", tmp / "m.sqlite", model="tfidf", n_clusters=20, quiet=True, progress=False)
    with start_server(tmp / "m.sqlite") as url:
        for name, r in load(url, a.seconds, a.clients).items():
            print(f"{name:7} {r['requests']:7,} requests  {r['rps']:8,.0f} req/s  p95 {r['p95_ms']:7.1f} ms  errors {r['errors']}")

if __name__ == "__main__": main()
