"""Render nbs/index.ipynb to README.md without Quarto (which these machines do not have).

Markdown cells are copied; code cells become ```python blocks unless marked `#| hide` (or `#| echo: false`);
text/markdown outputs are copied as markdown, image/png outputs are written to images/readme_N.png and shown,
text/plain outputs become ``` blocks. `--check` exits 1 when README.md (or one of its images) differs from what the
notebook renders to.
"""
import base64, json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def _src(cell): return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]

def render(nb_path=ROOT / "nbs" / "index.ipynb") -> tuple[str, dict]:
    "README's text, and the images it shows ({path relative to the root: PNG bytes})."
    nb = json.loads(Path(nb_path).read_text())
    out, images = [], {}
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
            elif "image/png" in data:
                name = f"images/readme_{len(images)}.png"
                images[name] = base64.b64decode("".join(data["image/png"]))
                out.append(f"![figure {len(images)}]({name})")
            elif o.get("output_type") == "stream": out.append("```\n" + "".join(o["text"]).rstrip("\n") + "\n```")
            elif "text/plain" in data: out.append("```\n" + "".join(data["text/plain"]).rstrip("\n") + "\n```")
    return "\n\n".join(out) + "\n", images

if __name__ == "__main__":
    (text, images), readme = render(), ROOT / "README.md"
    if "--check" in sys.argv:
        stale = [n for n, b in images.items() if not (ROOT / n).exists() or (ROOT / n).read_bytes() != b]
        if not readme.exists() or readme.read_text() != text or stale:
            print("README.md is stale: run `python tools/render_readme.py` after editing nbs/index.ipynb"); sys.exit(1)
        print("README.md is in sync with nbs/index.ipynb")
    else:
        for n, b in images.items(): (ROOT / n).parent.mkdir(exist_ok=True); (ROOT / n).write_bytes(b)
        tmp = readme.with_name(".README.md.tmp"); tmp.write_text(text); tmp.replace(readme)
        print(f"wrote {readme}" + (f" and {', '.join(images)}" if images else ""))
