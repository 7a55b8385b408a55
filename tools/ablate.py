"""One arm of the time-to-quality ablation: train under a time budget and record validation NDCG@10 per epoch.

    python tools/ablate.py --data PATH/TO/ml-1m --minutes 15 --threads 1 --name lr2e-3 lr=2e-3

Preset S, loo (or --protocol multi5), full-ranking validation; the arm's settings are `field=value` overrides of TrainConfig (or of the
model config, e.g. `dropout=0.2`) on top of the defaults. Writes experiments/ablation/NAME.csv: one row per epoch
(epoch, loss, validation metrics, seconds, lr, minutes since the start of training), and NAME_users.csv: each
validation user's NDCG@10 under the best epoch's model with the training popularity of their held-out item (for
the rare-item quintile). Only validation is looked at."""
import argparse, ast, dataclasses, os
import numpy as np, pandas as pd
from pathlib import Path
from bert4rec_nb.data import prepare
from bert4rec_nb.model import BERT4RecConfig, preset
from bert4rec_nb.training import TrainConfig, fit
from bert4rec_nb.evaluation import ranking_validation

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument("--data", default=os.environ.get("BERT4REC_DATA"), help="MovieLens folder (default: $BERT4REC_DATA)")
p.add_argument("--minutes", type=float, default=15, help="training-time budget of the arm")
p.add_argument("--threads", type=int, default=1)
p.add_argument("--preset", default="S")
p.add_argument("--protocol", default="loo", help="loo or multi5 (validation users, first held-out item for the rare-item quintile)")
p.add_argument("--name", help="the arm's name (its CSV file)")
p.add_argument("--baselines", action="store_true", help="instead of training, write NAME=baselines.json: validation metrics of the baselines")
p.add_argument("--out", default="experiments/ablation")
p.add_argument("--with_test", action="store_true", help="also score the test split after every epoch (reported, never used to "
               "decide; its time is left out of the minutes column but counts against the budget)")
p.add_argument("settings", nargs="*", help="field=value overrides")
args = p.parse_args()
train_fields, model_fields = {f.name for f in dataclasses.fields(TrainConfig)}, {f.name for f in dataclasses.fields(BERT4RecConfig)}
tr, mo = {}, {}
for s in args.settings:
    k, v = s.split("=", 1)
    try: v = ast.literal_eval(v)
    except (ValueError, SyntaxError): pass
    if k in train_fields: tr[k] = v
    elif k in model_fields or k == "genres": mo[k] = v   # genres=True: n_genres from the data
    else: raise SystemExit(f"unknown setting {k!r}")
data = prepare(args.data, args.protocol)
if mo.pop("genres", False):
    from bert4rec_nb.training import genre_matrix
    mo["n_genres"] = genre_matrix(data).shape[1]
if args.baselines:
    import json
    from bert4rec_nb.evaluation import MostPopular, Transitions, evaluate
    sp, n = data.split, data.seqs.n_items
    res = {name: evaluate(s, sp.valid, ks=(10,)) for name, s in {"transitions": Transitions(sp.train, n), "most popular": MostPopular(sp.train, n)}.items()}
    Path(args.out).mkdir(parents=True, exist_ok=True); (Path(args.out) / "baselines.json").write_text(json.dumps(res, indent=1))
    print(res); raise SystemExit(0)
if not args.name: raise SystemExit("--name is required for a training arm")
cfg = TrainConfig(**{**tr, "max_minutes": args.minutes, "threads": args.threads, "min_epochs": 10**6, })
validate, test_seconds = ranking_validation(), []
if args.with_test and args.protocol != "loo": raise SystemExit("--with_test needs --protocol loo")
if args.with_test:  # loo: the validation and test users are the same users in the same order
    import time
    plain = validate
    def validate(model, es):
        t = time.time(); test = plain(model, data.split.test); test_seconds.append(time.time() - t)
        return {**plain(model, es), **{f"test_{k}": v for k, v in test.items()}}
run = fit(data, preset(args.preset, data.seqs.n_items, **mo), cfg, progress=False, log=None, validate=validate)
h = run.history.assign(minutes=lambda d: (d.seconds - (np.array(test_seconds) if test_seconds else 0)).cumsum() / 60)
Path(args.out).mkdir(parents=True, exist_ok=True)
h.to_csv(Path(args.out) / f"{args.name}.csv", index=False)
va = data.split.valid
per_user = ranking_validation()(run.model, va)
pop = np.bincount(data.split.train.values, minlength=data.seqs.n_items + 1)
pd.DataFrame({"user": va.users, "target_count": pop[va.targets.values[va.targets.offsets[:-1]]], "ndcg@10": per_user["ndcg@10"]}).to_csv(
    Path(args.out) / f"{args.name}_users.csv", index=False)
print(args.name, " ".join(args.settings), f"best val ndcg@10 {run.best['ndcg@10']:.4f} at epoch {run.best['epoch']} of {len(h)}")
