"""Fail when a notebook imports from a module that a later notebook defines, so a reader can go through the
notebooks in order without meeting a name defined later. Usage: python tools/check_order.py"""
import json, re, sys
from pathlib import Path

nbs = sorted(p for p in (Path(__file__).resolve().parents[1] / "nbs").glob("[0-9]*.ipynb"))
src = {p: ["".join(c["source"]) for c in json.loads(p.read_text())["cells"] if c["cell_type"] == "code"] for p in nbs}
module_of = {}                                                    # module -> position of the notebook exporting it
for i, p in enumerate(nbs):
    for s in src[p]:
        m = re.search(r"^#\|\s*default_exp\s+(\S+)", s, re.M)
        if m: module_of[m.group(1)] = i
bad = []
for i, p in enumerate(nbs):
    for s in src[p]:
        for mod in re.findall(r"^\s*(?:from|import)\s+bert4rec_nb\.(\w+)", s, re.M):
            if module_of.get(mod, -1) > i: bad.append(f"{p.name} imports bert4rec_nb.{mod}, which {nbs[module_of[mod]].name} defines later")
print("\n".join(bad) if bad else f"notebook order: {len(nbs)} notebooks, none imports from a later one")
sys.exit(1 if bad else 0)
