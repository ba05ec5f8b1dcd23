"""Write README.md from nbs/index.ipynb without Quarto (nbdev_readme needs Quarto).

Markdown cells are copied; code cells are shown as Python blocks, except `#| hide` cells; nbdev
directives (`#| ...`) are dropped. `--check` exits 1 when README.md is not what this would write."""
import json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def render(nb_path=ROOT / "nbs" / "index.ipynb") -> str:
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    parts = []
    for c in nb["cells"]:
        src = "".join(c["source"])
        if c["cell_type"] == "markdown":   # images live in nbs/images; the README sits one folder up
            parts.append(src.strip().replace("](images/", "](nbs/images/").replace("](tutorial.ipynb)", "](nbs/tutorial.ipynb)")); continue
        lines = src.splitlines()
        if any(l.strip() in ("#| hide", "#|hide") for l in lines): continue
        code = "\n".join(l for l in lines if not l.lstrip().startswith("#|")).strip()
        if code: parts.append(f"```python\n{code}\n```")
    head = "<!-- generated from nbs/index.ipynb by tools/make_readme.py; edit the notebook, not this file -->\n\n"
    return head + "\n\n".join(parts) + "\n"

if __name__ == "__main__":
    text, readme = render(), ROOT / "README.md"
    if "--check" in sys.argv:
        if readme.read_text(encoding="utf-8") != text:
            print("README.md is out of step with nbs/index.ipynb: run python tools/make_readme.py"); sys.exit(1)
    else: readme.write_text(text, encoding="utf-8")
