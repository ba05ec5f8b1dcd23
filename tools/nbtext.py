"""Edit notebooks as plain text, keeping cell ids (so diffs stay small) and outputs of unchanged cells.

    python tools/nbtext.py out nbs/07_cluster.ipynb [more.ipynb ...]   # writes nbs/07_cluster.nbtxt
    python tools/nbtext.py in  nbs/07_cluster.nbtxt [more.nbtxt ...]   # writes nbs/07_cluster.ipynb back, removes the .nbtxt

A cell starts with a marker line `##%% code <id>` or `##%% markdown <id>` (or `raw`); a new cell may leave
the id out and gets a fresh one. Everything up to the next marker is the cell's source (one trailing
newline is dropped). `.nbtxt` files are ignored by git; run `nbdev_clean` afterwards as always.
"""
import json, sys, uuid
from pathlib import Path

MARK = "##%% "

def to_text(nb_path: Path) -> Path:
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    parts = []
    for c in nb["cells"]:
        src = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        parts.append(f"{MARK}{c['cell_type']} {c.get('id', '')}".rstrip() + "\n" + src + "\n")
    out = nb_path.with_suffix(".nbtxt")
    out.write_text("".join(parts), encoding="utf-8")
    return out

def _lines(src: str) -> list:
    ls = src.splitlines(keepends=True)
    return ls

def from_text(txt_path: Path) -> Path:
    nb_path = txt_path.with_suffix(".ipynb")
    old = json.loads(nb_path.read_text(encoding="utf-8")) if nb_path.exists() else {
        "cells": [], "metadata": {"kernelspec": {"display_name": "python3", "language": "python", "name": "python3"}},
        "nbformat": 4, "nbformat_minor": 5}
    by_id = {c.get("id"): c for c in old["cells"]}
    cells, cur = [], None
    for line in txt_path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith(MARK):
            bits = line[len(MARK):].split()
            cur = {"type": bits[0], "id": bits[1] if len(bits) > 1 else None, "src": []}
            cells.append(cur)
        elif cur is None:
            if line.strip(): raise SystemExit(f"{txt_path}: text before the first cell marker: {line!r}")
        else: cur["src"].append(line)
    out, seen = [], set()
    for c in cells:
        src = "".join(c["src"])
        if src.endswith("\n"): src = src[:-1]
        cid = c["id"]
        if not cid or cid in seen: cid = uuid.uuid4().hex[:8]
        seen.add(cid)
        prev = by_id.get(cid)
        cell = {"cell_type": c["type"], "id": cid, "metadata": (prev or {}).get("metadata", {}), "source": _lines(src)}
        if c["type"] == "code":
            same = prev is not None and "".join(prev["source"]) == src and prev["cell_type"] == "code"
            cell["execution_count"] = None
            cell["outputs"] = prev.get("outputs", []) if same else []
        out.append(cell)
    old["cells"] = out
    nb_path.write_text(json.dumps(old, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    txt_path.unlink()
    return nb_path

if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("in", "out"): raise SystemExit(__doc__)
    for p in sys.argv[2:]: print((to_text if sys.argv[1] == "out" else from_text)(Path(p)))
