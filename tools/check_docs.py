"""Docs check without Quarto: nbdev's notebook processing for the site runs cleanly, and every page has
a title and a description (its first cell: `# Title` then `> description`).

nbdev_docs = nbdev's processing (this) + `quarto render`; Quarto cannot be installed on the team's
machines, so the GitHub Pages workflow does the rendering. Prints a pytest-style line; exit 1 on failure."""
import json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def main():
    import os
    os.chdir(ROOT)
    from nbdev.serve import proc_nbs
    from nbdev.quarto import nbdev_sidebar, refresh_quarto_yml
    refresh_quarto_yml(); nbdev_sidebar.__wrapped__()
    cache = proc_nbs(n_workers=1)            # executes show_doc/export cells, as the site build does
    problems = []
    nbs = sorted(p for p in (ROOT / "nbs").glob("*.ipynb") if not p.name.startswith("_"))
    for nb in nbs:
        first = next((c for c in json.loads(nb.read_text())["cells"] if c["cell_type"] == "markdown"), None)
        lines = "".join(first["source"]).strip().splitlines() if first else []
        if not lines or not lines[0].startswith("# "): problems.append(f"{nb.name}: first cell has no '# Title'")
        elif not any(l.startswith("> ") and len(l) > 10 for l in lines[1:]): problems.append(f"{nb.name}: no '> description' under the title")
        if not (Path(cache) / nb.name).exists(): problems.append(f"{nb.name}: not processed for the site")
    for p in problems: print(p)
    print(f"docs check: {len(nbs) - len({p.split(':')[0] for p in problems})} passed, {len({p.split(':')[0] for p in problems})} failed")
    sys.exit(1 if problems else 0)

if __name__ == "__main__": main()
