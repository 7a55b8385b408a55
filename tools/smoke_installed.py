"""Use the installed package as a user would, outside any notebook: import every module in a fresh process and
call each public function a user would call (plots on a non-interactive backend, training, evaluation,
`Recommender`, each command's --help). Usage: python tools/smoke_installed.py [RUN_DIR with best.pt]

Run it from a plain `pip install -e .` environment (no dev extras): it fails if the package needs anything its
runtime requirements do not install, or uses a name that only a notebook defines."""
import importlib, json, pkgutil, shutil, subprocess, sys, tempfile
from pathlib import Path

import matplotlib
matplotlib.use("Agg")                            # what a plain script or a server gets
import bert4rec_nb

checks = []
def check(name, ok=True):
    checks.append(name); print(f"ok  {name}")
    if not ok: raise SystemExit(f"FAILED: {name}")

modules = [m.name for m in pkgutil.iter_modules(bert4rec_nb.__path__) if not m.name.startswith("_")]
for m in modules: importlib.import_module(f"bert4rec_nb.{m}")
check(f"import every module: {', '.join(modules)}")
check("no dev-only package imported at runtime (fastcore, nbdev, execnb)",
      not {"fastcore", "nbdev", "execnb"} & {k.split(".")[0] for k in sys.modules})

from bert4rec_nb.data import make_sample, load_movielens, prepare, build_sequences, plot_overview, sequel_share
from bert4rec_nb.files import read_interactions
from bert4rec_nb.masking import ClozeBatches, eval_inputs
from bert4rec_nb.model import BERT4Rec, preset, load_checkpoint, model_from_checkpoint
from bert4rec_nb.training import TrainConfig, fit, hit_rate, plot_history, train
from bert4rec_nb.evaluation import (vocabulary, evaluate, ModelScorer, MostPopular, Transitions, results_table, Recommender,
                                    show_recommendations, bootstrap_ci, ranking_validation, test_metrics)
from bert4rec_nb.benchmark import bench, bench_markdown

tmp = Path(tempfile.mkdtemp())
ml = load_movielens(make_sample(tmp / "sample"))
check("make_sample + load_movielens", len(ml.ratings) > 0)
plot_overview(ml, "sample").savefig(tmp / "overview.png"); check("plot_overview", (tmp / "overview.png").stat().st_size > 0)
check("sequel_share", 0 < sequel_share(build_sequences(ml.ratings), ml.movies) <= 1)
d = prepare("sample", "loo")
x, y = next(ClozeBatches(d.split.train, d.seqs.n_items, max_len=50, batch_size=32, mask_prob=0.2, p_last=0.1).epoch(0))
check("ClozeBatches", x.shape == y.shape)
run = fit(d, "S", TrainConfig(epochs=2, batch_size=64, lr=5e-3), out=tmp / "run", progress=False, log=None, validate=ranking_validation())
plot_history(run.history, "smoke").savefig(tmp / "history.png"); check("fit + plot_history", (tmp / "history.png").exists())
m = test_metrics(d, run.model, tmp / "run")
check("test_metrics writes metrics.json", json.loads((tmp / "run" / "metrics.json").read_text())["ndcg@10"] == m["ndcg@10"])
scorers = {"model": ModelScorer(run.model), "pop": MostPopular(d.split.train, d.seqs.n_items),
           "transitions": Transitions(d.split.train, d.seqs.n_items)}
check("results_table (full and sampled)", len(results_table(scorers, d.split.test, "loo")) == 6)
ckpt_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else tmp / "run"
rec = Recommender.from_checkpoint(ckpt_dir / "best.pt")
first = rec.titles[1]
top = rec.recommend([first], k=5)
check(f"Recommender.from_checkpoint({ckpt_dir / 'best.pt'}).recommend", len(top) == 5 and first not in set(top.title))
check("show_recommendations", len(show_recommendations(rec, d.split.test, users=(0,))) == 10)
import pandas as pd
r = ml.ratings                                                     # the sample again, as an own log with string ids and dates
pd.DataFrame({"user": "c" + r.user.astype(str), "item": "sku-" + r.item.astype(str),
              "timestamp": pd.to_datetime(r.timestamp, unit="s").astype(str)}).to_csv(tmp / "orders.csv", index=False)
own = prepare(read_interactions(tmp / "orders.csv"), "loo")
own_run = train(own, "S", TrainConfig(epochs=1, batch_size=64), progress=False, log=None)
own_rec = Recommender(own_run.model, **vocabulary(own))
check("own interactions file: read_interactions, prepare, train, Recommender by string id", own_rec.recommend(["sku-3"], k=3).movie_id.str.startswith("sku-").all())
b = bench("sample", tmp / "bench.json", repeats=1, ref_batches=1)
check("bench + bench_markdown", "| what | ours |" in bench_markdown(tmp / "bench.json"))
for exe in ("bert4rec_train", "bert4rec_recommend", "bert4rec_download", "bert4rec_bench"):
    path = shutil.which(exe) or shutil.which(exe, path=str(Path(sys.executable).parent))
    r = subprocess.run([path or exe, "--help"], capture_output=True, text=True) if path else None
    check(f"{exe} --help", r is not None and r.returncode == 0 and r.stdout.startswith("usage:"))
print(f"smoke: {len(checks)} passed, 0 failed")
