"""Training, evaluation and serving cost on a large synthetic catalogue: seconds, peak memory (RSS), latency.

    python tools/scale.py --users 100000 --items 1000000 --mean_len 30 --zipf 0.3 --out experiments/scale_1m.json

Interactions are drawn from a Zipf-like popularity (no planted structure: this measures cost, not quality) and go
through `read_interactions` and `prepare` (min_count 1) like any log. Each phase runs in its own process, so each
peak is its own:

- `train` for each loss and update (full softmax + dense AdamW, sampled softmax + row updates, and the mixed ones):
  the median of `--steps` training steps of preset S (batch 128) times the steps of an epoch;
- `eval`: full-ranking evaluation of `--eval_users` validation users against every item;
- `serve`: `Recommender.recommend` for one 20-item history, p50 and p95 of 50 calls."""
import argparse, json, os, resource, statistics, subprocess, sys, time
import numpy as np, pandas as pd

def interactions(users:int, items:int, mean_len:float, zipf:float, seed:int=0) -> pd.DataFrame:
    "A log of `users` histories (lengths 5 + geometric, mean `mean_len`) over `items` items with popularity 1/rank**zipf."
    rng = np.random.default_rng(seed)
    lengths = 5 + rng.geometric(1 / max(1.0, mean_len - 4), users) - 1
    p = 1 / np.arange(1, items + 1) ** zipf; p /= p.sum()
    item = rng.choice(items, lengths.sum(), p=p) + 1
    return pd.DataFrame({"user": np.repeat(np.arange(1, users + 1), lengths), "item": item, "timestamp": np.arange(len(item))})

def phase(args, what:str) -> dict:
    "Run one phase in this process and return its figures."
    import torch
    from bert4rec_nb.data import prepare
    from bert4rec_nb.files import read_interactions
    from bert4rec_nb.model import BERT4Rec, preset
    from bert4rec_nb.training import TrainConfig, _setup, clip_grad_norm, make_optimizer
    from bert4rec_nb.evaluation import vocabulary
    from bert4rec_nb.evaluation import ModelScorer, Recommender, evaluate
    torch.set_num_threads(args.threads)
    t = time.time(); d = prepare(read_interactions(interactions(args.users, args.items, args.mean_len, args.zipf)), "loo", min_count=1)
    res = {"users": d.seqs.n_users, "items": d.seqs.n_items, "interactions": int(len(d.seqs.seqs.values)),
           "mean_len": round(float(d.seqs.seqs.lengths.mean()), 1), "prepare_s": round(time.time() - t, 1), "threads": args.threads}
    n = d.seqs.n_items
    if what.startswith("train"):
        _, loss, update = what.split(":")                    # loss: full | sampled; update: dense | rows
        cfg = TrainConfig(negatives=args.negatives if loss == "sampled" else 0, threads=args.threads)
        st = _setup(d, preset("S", n), cfg, torch.device("cpu"), 0, 1)
        if update == "dense" and st.model.item_emb.sparse:  # sampled softmax, but AdamW over the whole table
            st.model.item_emb.sparse = False; st.opt = make_optimizer(st.model, cfg.lr, cfg.weight_decay)
        if update == "rows" and not st.model.item_emb.sparse: raise SystemExit("row updates go with a sampled softmax")
        steps, batches = [], st.batches.epoch(0)
        for i, (x, y) in enumerate(batches):
            t = time.perf_counter()
            neg = (st.sampler(), st.sampler.log_q) if st.sampler else (None, None)
            loss_v = st.model(x, y, *neg); st.opt.zero_grad(set_to_none=True); loss_v.backward()
            clip_grad_norm(list(st.model.parameters()), 1.0); st.opt.step()
            steps.append(time.perf_counter() - t)
            if i + 1 >= args.steps: break
        res.update({f"{loss}+{update}": {"s_per_step": round(statistics.median(steps[1:]), 4), "steps_per_epoch": len(st.batches),
                    "s_per_epoch": round(statistics.median(steps[1:]) * len(st.batches), 1), "steps_timed": len(steps) - 1,
                    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}})
    elif what == "eval":
        m = BERT4Rec(preset("S", n)).eval()
        es = d.split.valid
        rows = np.random.default_rng(0).choice(len(es), min(args.eval_users, len(es)), replace=False)
        from bert4rec_nb.data import EvalSet
        es = EvalSet(es.inputs.take(rows), es.targets.take(rows), es.users[rows])
        t = time.time(); evaluate(ModelScorer(m), es, ks=(10,))
        res["eval"] = {"users": len(es), "full_ranking_s": round(time.time() - t, 1),
                       "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    else:
        rec = Recommender(BERT4Rec(preset("S", n)), **vocabulary(d))
        h = [int(i) for i in d.seqs.item_ids[d.split.test.inputs[0][-20:]]]
        rec.recommend(h); lat = []
        for _ in range(50): t = time.perf_counter(); rec.recommend(h, k=10); lat.append(time.perf_counter() - t)
        res["recommend"] = {"history_len": len(h), "p50_ms": round(1000 * float(np.percentile(lat, 50)), 1),
                            "p95_ms": round(1000 * float(np.percentile(lat, 95)), 1)}
    return res

if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--users", type=int, default=100_000)
    p.add_argument("--items", type=int, default=1_000_000)
    p.add_argument("--mean_len", type=float, default=30)
    p.add_argument("--zipf", type=float, default=0.3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--steps", type=int, default=30, help="training steps timed per configuration")
    p.add_argument("--negatives", type=int, default=None, help="sampled softmax negatives (default: TrainConfig's rule)")
    p.add_argument("--eval_users", type=int, default=10_000)
    p.add_argument("--phases", nargs="+", default=["train:full:dense", "train:sampled:dense", "train:sampled:rows", "eval", "serve"])
    p.add_argument("--phase", help=argparse.SUPPRESS)
    p.add_argument("--out", default="scale.json")
    args = p.parse_args()
    if args.negatives is None:
        from bert4rec_nb.training import DEFAULT_NEGATIVES; args.negatives = DEFAULT_NEGATIVES
    if args.phase: print(json.dumps(phase(args, args.phase))); sys.exit()
    res = {"negatives": args.negatives}
    for what in args.phases:
        out = subprocess.run([sys.executable, __file__, *sys.argv[1:], "--phase", what], capture_output=True, text=True)
        if out.returncode: sys.exit(f"phase {what} failed:\n{out.stderr[-2000:]}")
        res.update(json.loads(out.stdout.strip().splitlines()[-1])); print(what, "done", flush=True)
    print(json.dumps(res, indent=1)); open(args.out, "w").write(json.dumps(res, indent=1))
