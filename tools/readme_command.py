"""Print the N-th ```bash block of README.md (default: the first), so CI runs README's commands as written."""
import re, sys
from pathlib import Path

blocks = re.findall(r"```bash\n(.*?)```", (Path(__file__).resolve().parents[1] / "README.md").read_text(), re.S)
n = int(sys.argv[1]) if len(sys.argv) > 1 else 0
if n >= len(blocks): sys.exit(f"README.md has {len(blocks)} bash blocks, no block {n}")
print(blocks[n].strip())
