"""Training and full-ranking evaluation on a large synthetic catalogue: seconds and peak memory (RSS).

    python tools/scale.py --users 100000 --items 50000 --mean_len 9 --out experiments/scale.json

Interactions are drawn from a Zipf-like popularity (no planted structure: this measures cost, not quality), loaded
through `prepare` from a DataFrame like any interactions table, and trained for one epoch of preset S; then the
validation users are scored against every item. Each phase runs in its own process, so each peak is its own."""
import argparse, json, os, resource, subprocess, sys, time
import numpy as np, pandas as pd

def interactions(users:int, items:int, mean_len:float, seed:int=0) -> pd.DataFrame:
    "A log of `users` histories (lengths 5 + geometric, mean `mean_len`) over `items` items with Zipf-like popularity."
    rng = np.random.default_rng(seed)
    lengths = 5 + rng.geometric(1 / max(1.0, mean_len - 4), users) - 1
    p = 1 / np.arange(1, items + 1) ** 0.8; p /= p.sum()
    item = rng.choice(items, lengths.sum(), p=p) + 1
    user = np.repeat(np.arange(1, users + 1), lengths)
    return pd.DataFrame({"user": user, "item": item, "timestamp": np.arange(len(item))})

def phase(args, what:str) -> dict:
    "Run one phase in this process and return its figures."
    import torch
    from bert4rec_nb.data import prepare
    from bert4rec_nb.training import TrainConfig, fit
    from bert4rec_nb.evaluation import evaluate, ModelScorer
    from bert4rec_nb.model import BERT4Rec, preset
    t = time.time(); d = prepare(interactions(args.users, args.items, args.mean_len), "loo", min_count=1)
    res = {"users": d.seqs.n_users, "items": d.seqs.n_items, "interactions": int(len(d.seqs.seqs.values)),
           "mean_len": float(d.seqs.seqs.lengths.mean()), "prepare_s": round(time.time() - t, 1)}
    if what == "train":
        t = time.time()
        run = fit(d, "S", TrainConfig(epochs=1, threads=args.threads), progress=False, log=None)
        res.update(train_epoch_s=round(time.time() - t, 1))
    else:
        torch.set_num_threads(args.threads)
        m = BERT4Rec(preset("S", d.seqs.n_items)).eval()
        t = time.time(); evaluate(ModelScorer(m), d.split.valid, ks=(10,))
        res.update(full_ranking_eval_s=round(time.time() - t, 1), eval_users=len(d.split.valid))
    res[f"{what}_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return res

if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--users", type=int, default=100_000)
    p.add_argument("--items", type=int, default=50_000)
    p.add_argument("--mean_len", type=float, default=9)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--phase", choices=["train", "eval"], help=argparse.SUPPRESS)
    p.add_argument("--out", default="scale.json")
    args = p.parse_args()
    if args.phase: print(json.dumps(phase(args, args.phase))); sys.exit()
    res = {}
    for what in ("train", "eval"):
        out = subprocess.run([sys.executable, __file__, *sys.argv[1:], "--phase", what], capture_output=True, text=True, check=True)
        res.update(json.loads(out.stdout.strip().splitlines()[-1]))
    print(res); open(args.out, "w").write(json.dumps(res, indent=1))
