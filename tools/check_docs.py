"""Docs check without Quarto: nbdev's notebook processing for the site runs cleanly, every page has a title
and a description (its first cell: `# Title` then `> description`), the sidebar lists every page, and every
public function, class and method of the package has its documentation (`show_doc`) on a page.

nbdev_docs = nbdev's processing (this) + `quarto render`; Quarto cannot be installed on the team's
machines, so the GitHub Pages workflow does the rendering. Prints a pytest-style line; exit 1 on failure."""
import importlib, inspect, json, re, sys, warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def public_api() -> list[str]:
    "`module.name` and `module.Class.method` for every public function, class and method of the package."
    out = []
    for m in sorted((ROOT / "laion_explorer").glob("*.py")):
        if m.name.startswith("_"): continue
        mod = importlib.import_module(f"laion_explorer.{m.stem}")
        for n in getattr(mod, "__all__", []):
            o = getattr(mod, n)
            if not (inspect.isfunction(o) or inspect.isclass(o)): continue
            out.append(n)
            if inspect.isclass(o):
                for k, v in vars(o).items():
                    if k.startswith("_") or not inspect.isfunction(v): continue
                    # a result record's one-line `summary()` and a context's `close()` speak for themselves
                    if k == "close" or (k == "summary" and n.endswith("Result")): continue
                    if getattr(v, "__module__", "").startswith("laion_explorer"): out.append(f"{n}.{k}")
    return out

def main():
    import os
    os.chdir(ROOT)
    from nbdev.serve import proc_nbs
    from nbdev.quarto import refresh_quarto_yml
    refresh_quarto_yml()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cache = Path(proc_nbs(n_workers=0, force=True))  # executes show_doc/export/import cells, as the site build does
    problems = [f"nbdev: {w.message}".splitlines()[0] + " (keep imports in their own cells)" for w in caught
                if "imports and other code" in str(w.message)]
    nbs = sorted(p for p in (ROOT / "nbs").glob("*.ipynb") if not p.name.startswith("_"))
    sidebar = set(re.findall(r"^\s*- (\S+\.ipynb)\s*$", (ROOT / "nbs" / "sidebar.yml").read_text(), re.M))
    shown = set()
    for nb in nbs:
        first = next((c for c in json.loads(nb.read_text())["cells"] if c["cell_type"] == "markdown"), None)
        lines = "".join(first["source"]).strip().splitlines() if first else []
        if not lines or not lines[0].startswith("# "): problems.append(f"{nb.name}: first cell has no '# Title'")
        elif not any(l.startswith("> ") and len(l) > 10 for l in lines[1:]): problems.append(f"{nb.name}: no '> description' under the title")
        if nb.name not in sidebar: problems.append(f"{nb.name}: not in nbs/sidebar.yml")
        if not (cache / nb.name).exists(): problems.append(f"{nb.name}: not processed for the site"); continue
        for c in json.loads((cache / nb.name).read_text())["cells"]:
            shown |= set(re.findall(r"show_doc\(([\w.]+)", "".join(c["source"])))
    problems += [f"sidebar: {n} does not exist" for n in sorted(sidebar - {p.name for p in nbs})]
    api = public_api()
    problems += [f"api: {n} has no show_doc on any page" for n in api if n not in shown]
    for p in problems: print(p)
    print(f"docs check: {len(nbs)} pages, {len(api)} public names documented; {len(problems)} problems")
    sys.exit(1 if problems else 0)

if __name__ == "__main__": main()
