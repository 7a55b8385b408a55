"""One arm of a time-to-quality ablation: train under a time budget and record validation NDCG@10 per epoch.

    python tools/ablate.py --data PATH (--minutes 15 | --epochs 40) --threads 1 --name NAME field=value ...

PATH is anything `--data` takes (a MovieLens folder, an interactions file); preset S, loo (or --protocol multi5),
full-ranking validation (`TrainConfig.valid_users` of them). The arm's settings are `field=value` overrides of
TrainConfig or of the model config (e.g. `dropout=0.5`, `causal=True`) on top of the defaults. No early stopping:
the arm trains until its budget is spent, with the learning rate decaying to 0 at the end of the budget, as README's
command does. Writes OUT/NAME.csv: one row per epoch (epoch, loss, validation metrics, seconds, lr, minutes since the
start of training). Only validation is looked at, unless --with_test (then test is scored each epoch too, reported,
never used to decide; its time is left out of the minutes column but counts against the budget).
`--closing E:P` adds a closing phase: from epoch E on, a training sample masks only its last item with chance P
(`p_last`), the test-time task, while the learning rate decays to 0.
`--baselines` writes OUT/baselines_NAME.json instead: validation and test metrics of the last-item transition count
and of popularity."""
import argparse, ast, dataclasses, json, os, time
import numpy as np, pandas as pd
from pathlib import Path
from bert4rec_nb.data import prepare
from bert4rec_nb.files import load_data
from bert4rec_nb.model import BERT4RecConfig, preset
from bert4rec_nb.training import TrainConfig, fit
from bert4rec_nb.evaluation import MostPopular, Transitions, evaluate, ranking_validation

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument("--data", default=os.environ.get("BERT4REC_DATA"), help="what --data names (default: $BERT4REC_DATA)")
p.add_argument("--minutes", type=float, default=None, help="training-time budget of the arm (the rate decays to 0 at its end)")
p.add_argument("--epochs", type=int, default=None, help="instead: train exactly this many epochs (the rate decays to 0 at the last)")
p.add_argument("--threads", type=int, default=1)
p.add_argument("--preset", default="S")
p.add_argument("--protocol", default="loo")
p.add_argument("--name", required=True, help="the arm's name (its CSV file)")
p.add_argument("--baselines", action="store_true", help="instead of training, write the baselines' metrics")
p.add_argument("--out", default="experiments/ablation")
p.add_argument("--with_test", action="store_true", help="also score the test split after every epoch (loo only)")
p.add_argument("--closing", default=None, help="E:P: from epoch E on, p_last = P (a closing phase on the test-time task)")
p.add_argument("settings", nargs="*", help="field=value overrides")
args = p.parse_args()
out = Path(args.out); out.mkdir(parents=True, exist_ok=True)
train_fields, model_fields = {f.name for f in dataclasses.fields(TrainConfig)}, {f.name for f in dataclasses.fields(BERT4RecConfig)}
tr, mo = {}, {}
for s in args.settings:
    k, v = s.split("=", 1)
    try: v = ast.literal_eval(v)
    except (ValueError, SyntaxError): pass
    if k in train_fields: tr[k] = v
    elif k in model_fields: mo[k] = v
    elif "." in k:                                      # module.CONSTANT=value, e.g. training.NEGATIVE_POWER=0
        import importlib; mod, name = k.rsplit(".", 1); mod = importlib.import_module(f"bert4rec_nb.{mod}")
        if not hasattr(mod, name): raise SystemExit(f"unknown setting {k!r}")
        setattr(mod, name, v)
    else: raise SystemExit(f"unknown setting {k!r}")
if args.closing:                                        # a closing phase: p_last changes from epoch E on
    from bert4rec_nb.masking import ClozeBatches
    e0, p1 = args.closing.split(":"); e0, p1, _epoch = int(e0), float(p1), ClozeBatches.epoch
    def _closing_epoch(self, epoch=0):
        if epoch >= e0: self.p_last = p1
        return _epoch(self, epoch)
    ClozeBatches.epoch = _closing_epoch
data = prepare(load_data(args.data)[0], args.protocol)
sp, n = data.split, data.seqs.n_items
if args.baselines:
    res = {split: {name: evaluate(s, es, ks=(10,)) for name, s in {"transitions": Transitions(sp.train, n), "most popular": MostPopular(sp.train, n)}.items()}
           for split, es in (("valid", sp.valid), ("test", sp.test))}
    import resource; res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    (out / f"baselines_{args.name}.json").write_text(json.dumps(res, indent=1)); print(res); raise SystemExit(0)
if (args.minutes is None) == (args.epochs is None) and not args.baselines: raise SystemExit("give --minutes or --epochs")
budget = {"max_minutes": args.minutes} if args.minutes else {"epochs": args.epochs}
cfg = TrainConfig(**{**tr, **budget, "threads": args.threads, "min_epochs": 10**6})
validate, test_seconds = ranking_validation(batch_size=cfg.eval_batch_size, users=cfg.valid_users), []
if args.with_test:  # loo: the validation and test users are the same users in the same order
    plain, full = validate, ranking_validation(batch_size=cfg.eval_batch_size)
    def validate(model, es):
        t = time.time(); test = full(model, sp.test); test_seconds.append(time.time() - t)
        return {**plain(model, es), **{f"test_{k}": v for k, v in test.items()}}
run = fit(data, preset(args.preset, n, **mo), cfg, progress=False, log=None, validate=validate)
h = run.history.assign(minutes=lambda d: (d.seconds - (np.array(test_seconds) if test_seconds else 0)).cumsum() / 60)
h.to_csv(out / f"{args.name}.csv", index=False)
print(args.name, " ".join(args.settings), f"closing {args.closing}" if args.closing else "", f"best val ndcg@10 {run.best['ndcg@10']:.4f} at epoch {run.best['epoch']} of {len(h)}")
