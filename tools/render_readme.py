"""Render nbs/index.ipynb to README.md without Quarto (which these machines do not have).

Markdown cells are copied; code cells become ```python blocks unless marked `#| hide` (or `#| echo: false`);
text/markdown outputs are copied as markdown, text/plain outputs become ``` blocks. `--check` exits 1 when
README.md differs from what the notebook renders to.
"""
import json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def _src(cell): return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]

def render(nb_path=ROOT / "nbs" / "index.ipynb") -> str:
    nb = json.loads(Path(nb_path).read_text())
    out = []
    for cell in nb["cells"]:
        src = _src(cell).strip("\n")
        if cell["cell_type"] == "markdown":
            out.append(src); continue
        if cell["cell_type"] != "code": continue
        lines = src.splitlines()
        flags = {l.replace(" ", "") for l in lines if l.startswith("#|")}
        code = "\n".join(l for l in lines if not l.startswith("#|")).strip("\n")
        if not ({"#|hide", "#|echo:false", "#|include:false"} & flags) and code: out.append(f"```python\n{code}\n```")
        if {"#|hide", "#|output:false", "#|include:false"} & flags: continue
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            if "text/markdown" in data: out.append("".join(data["text/markdown"]).strip("\n"))
            elif o.get("output_type") == "stream": out.append("```\n" + "".join(o["text"]).rstrip("\n") + "\n```")
            elif "text/plain" in data: out.append("```\n" + "".join(data["text/plain"]).rstrip("\n") + "\n```")
    return "\n\n".join(out) + "\n"

if __name__ == "__main__":
    text, readme = render(), ROOT / "README.md"
    if "--check" in sys.argv:
        if not readme.exists() or readme.read_text() != text:
            print("README.md is stale: run `python tools/render_readme.py` after editing nbs/index.ipynb"); sys.exit(1)
        print("README.md is in sync with nbs/index.ipynb")
    else:
        tmp = readme.with_name(".README.md.tmp"); tmp.write_text(text); tmp.replace(readme)
        print(f"wrote {readme}")
