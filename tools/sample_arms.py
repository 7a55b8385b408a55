"""Model settings on the synthetic sample: best validation NDCG@10 of preset S after 30 epochs per arm, on loo and multi5,
two seeds each (the "same defaults must not get worse on the sample" check of 03_training).

    python tools/sample_arms.py max_len=200 max_len=50 --out experiments/sample_arms.csv

Each arm is one `field=value` override of the model config; the first column of the CSV names it. Only validation is
looked at."""
import argparse, ast
import pandas as pd
from bert4rec_nb.data import prepare
from bert4rec_nb.model import preset
from bert4rec_nb.training import TrainConfig, fit
from bert4rec_nb.evaluation import ranking_validation

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument("arms", nargs="+", help="field=value overrides of the model config, one per arm")
p.add_argument("--epochs", type=int, default=30)
p.add_argument("--seeds", type=int, default=2)
p.add_argument("--protocols", nargs="+", default=["loo", "multi5"])
p.add_argument("--out", default="experiments/sample_arms.csv")
args = p.parse_args()
rows = []
for proto in args.protocols:
    d = prepare("sample", proto)
    for arm in args.arms:
        k, v = arm.split("=", 1)
        v = ast.literal_eval(v)
        over = {k: v}
        for seed in range(args.seeds):
            run = fit(d, preset("S", d.seqs.n_items, **over), TrainConfig(epochs=args.epochs, min_epochs=args.epochs, seed=seed, threads=1),
                      progress=False, log=None, validate=ranking_validation())
            rows.append({"arm": arm, "protocol": proto, "seed": seed, "best val NDCG@10": run.best["ndcg@10"], "best epoch": run.best["epoch"]})
            print(rows[-1], flush=True)
pd.DataFrame(rows).to_csv(args.out, index=False)
print(pd.DataFrame(rows).groupby(["protocol", "arm"], sort=False)["best val NDCG@10"].mean().round(4))
