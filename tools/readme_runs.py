"""Run README's command (and its `--causal` form) on real data, one run at a time, and keep what README and
06_experiments show: each run's metrics.json, history.csv, the command line, the wall time and the machine.

    python tools/readme_runs.py --data PATH/ml-1m-half --name ml-1m-half [--items ITEMS] [--causal] [--minutes 20]

The command is README's, verbatim apart from `--data`/`--items` and `--out`: `bert4rec_train --data DATA --max_minutes 20
--out runs/readme_NAME[_causal]`, with every core. Results go to experiments/readme/NAME[_causal]/ (the data folder's or
file's name is recorded, never its path). Run nothing else meanwhile: the budget is wall-clock minutes."""
import argparse, json, os, platform, resource, shlex, shutil, subprocess, sys, time
from pathlib import Path

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument("--data", required=True, help="MovieLens folder or interactions file")
p.add_argument("--items", help="items file for an interactions file")
p.add_argument("--name", required=True, help="the catalogue's name in results (e.g. ml-1m-half, amazon-sports)")
p.add_argument("--causal", action="store_true")
p.add_argument("--minutes", type=float, default=20)
p.add_argument("--extra", default="", help="more flags, e.g. '--protocol multi5' (recorded in the command)")
args = p.parse_args()
run = args.name + ("_causal" if args.causal else "") + (args.extra.replace("--", "_").replace(" ", "") if args.extra else "")
out, keep = Path("runs") / f"readme_{run}", Path("experiments/readme") / run
flags = ["--max_minutes", f"{args.minutes:g}"] + (["--causal"] if args.causal else []) + shlex.split(args.extra)
shown = ["bert4rec_train", "--data", Path(args.data).name if Path(args.data).is_dir() else f"{Path(args.data).parent.name}/{Path(args.data).name}"]
if args.items: shown += ["--items", f"{Path(args.items).parent.name}/{Path(args.items).name}"]
cmd = ["bert4rec_train", "--data", args.data] + (["--items", args.items] if args.items else []) + flags + ["--out", str(out), "--quiet"]
if out.exists(): shutil.rmtree(out)
t = time.time()
r = subprocess.run(cmd, capture_output=True, text=True)
wall = time.time() - t
if r.returncode: sys.exit(f"{' '.join(cmd)} failed:\n{r.stderr[-3000:]}")
keep.mkdir(parents=True, exist_ok=True)
for f in ("metrics.json", "history.csv"): shutil.copy(out / f, keep / f)
m = json.loads((keep / "metrics.json").read_text())
m["data"] = shown[2]
info = {"command": " ".join(shown + flags + ["--out", f"runs/{run}"]), "wall_seconds": round(wall, 1), "cores": os.cpu_count(),
        "peak_rss_gb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20, 2),
        "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor()),
        "stdout_tail": r.stdout.split("\nsample recommendations")[0][-1500:]}
(keep / "metrics.json").write_text(json.dumps(m, indent=1)); (keep / "run.json").write_text(json.dumps(info, indent=1))
print(info["stdout_tail"])
