"""Arm of the causal model with a learned attention bias per head for each log-bucketed time gap (HSTU-style), validation only.

    python tools/time_bias.py --data PATH (--epochs 40 | --minutes 20) --threads 1 --name NAME --mode next|hist|off [--with_test]

An experiment, not part of the package: it measures whether the rating times help the causal model before the
package carries timestamps through its windows, evaluation inputs and `Recommender`. On top of the causal model's
defaults (its relative-position bias included), each block adds `table[head, bucket(dt)]` to the attention logit of
query i and key j, with bucket(dt) = floor(ln(max(dt, 1 s)) / 0.301) (HSTU's bucketing, Zhai et al. ICML 2024, and
its public code) and:
- `next`: dt = time of the item query i predicts - time of key j (HSTU's choice). At recommendation time this is
  the time of the request; in the offline evaluation it is the held-out item's own timestamp.
- `hist`: dt = time of query i's own item - time of key j: only the history's times.
- `off`: no time bias (the same code path, the bias table unused), a check that the harness matches tools/ablate.py.
With `next`, the best model is also validated with each request placed at the time of the history's last rating
(a gap of 0 to the predicted item): how much of the gain rests on knowing when the held-out rating happened.
Writes OUT/NAME.csv like tools/ablate.py (one row per epoch; only validation is looked at) and OUT/NAME.json: the best
epoch's validation NDCG@10 and, with --with_test, its test NDCG@10 (scored once, after training)."""
import argparse, json, os
import numpy as np, torch, torch.nn as nn
from dataclasses import dataclass
from pathlib import Path
import bert4rec_nb.training as training
from bert4rec_nb.data import PAD, Ragged, EvalSet, prepare
from bert4rec_nb.files import load_data
from bert4rec_nb.model import BERT4Rec, Block, preset
from bert4rec_nb.masking import ClozeBatches, eval_inputs
from bert4rec_nb.training import TrainConfig, fit
from bert4rec_nb.evaluation import ranking_validation

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument("--data", default=os.environ.get("BERT4REC_DATA"))
p.add_argument("--epochs", type=int, default=40, help="train exactly this many epochs (the rate decays to 0 at the last)")
p.add_argument("--minutes", type=float, default=None, help="instead: README's conditions, a training-time budget with early stopping")
p.add_argument("--threads", type=int, default=1)
p.add_argument("--name", required=True)
p.add_argument("--mode", choices=("next", "hist", "off"), required=True)
p.add_argument("--buckets", type=int, default=64)
p.add_argument("--with_test", action="store_true", help="also score test after the last epoch (best weights), reported only")
p.add_argument("--out", default="experiments/ablation22")
args = p.parse_args()
SHIFT, ITEM = 24, (1 << 24) - 1   # training windows carry the time in the high bits of each item id

@dataclass
class TimedRagged(Ragged):
    "Histories with each item's time and the time of the item to predict after each row (`query`)."
    times: np.ndarray = None   # (N,) aligned with values
    query: np.ndarray = None   # (R,)
    def take(self, rows):
        rows = np.asarray(rows, dtype=np.int64); r = super().take(rows)
        return TimedRagged(r.values, r.offsets, Ragged(self.times, self.offsets).take(rows).values, self.query[rows])

def bucket(dt): return (dt.clamp(min=1).float().log() / 0.301).long().clamp(0, args.buckets - 1)

class TimedBlock(Block):
    "A block whose attention adds `tb` (B, H, L, L), set before each pass, to its position bias: `Block.forward` itself."
    tb = 0.0
    def forward(self, x, keep, last_only=False): return Block.forward(_WithTime(self), x, keep, last_only)

class _WithTime:  # a block as `Block.forward` sees it: its position-bias table hands out the bias plus the time bias
    def __init__(self, blk): self.blk, self.rel = blk, self
    def __getattr__(self, k): return getattr(self.blk, k)
    @property
    def shape(self): return self.blk.rel.shape
    def __getitem__(self, k): return self.blk.rel[k] + self.blk.tb

class TimeBERT4Rec(BERT4Rec):
    "The causal model with a time-bias table (heads x buckets) per block; `encode` and `score` are BERT4Rec's own."
    def __init__(self, c):
        super().__init__(c)
        for blk in self.blocks: blk.__class__ = TimedBlock   # in place: the same weights and random draws as BERT4Rec
        self.tbias = nn.ParameterList(nn.Parameter(torch.zeros(c.n_heads, args.buckets)) for _ in range(c.n_layers))

    def set_times(self, t, tq):  # t (B, L) each key's time; tq (B, L) the time each query is measured from
        if args.mode == "off": return
        b = bucket(tq[:, :, None] - t[:, None, :])                                # (B, L, L), once for all blocks
        for blk, table in zip(self.blocks, self.tbias): blk.tb = table[:, b].permute(1, 0, 2, 3)   # (B, H, L, L)

    def forward(self, inputs, labels, negatives=None, log_q=None):  # packed windows from `next_item_pairs`
        items, t, tl = inputs & ITEM, inputs >> SHIFT, labels >> SHIFT          # tl: the time of the next item
        self.set_times(t, torch.where(labels != PAD, tl, t) if args.mode == "next" else t)
        return super().forward(items, labels & ITEM, negatives, log_q)

    def score_histories(self, h):  # h: TimedRagged
        c = self.config
        x = eval_inputs(h, c.n_items, c.max_len, causal=True)                     # (B, L)
        t = eval_inputs(Ragged(h.times, h.offsets), c.n_items, c.max_len, causal=True)  # (B, L) the same places' times
        tq = t.clone()
        if args.mode == "next": tq[:, -1] = torch.from_numpy(h.query.astype(np.int64))   # the last query: the request time
        self.set_times(t, tq)
        return self.score(x)

data = prepare(load_data(args.data)[0], "loo")
seqs, sp, n = data.seqs, data.split, data.seqs.n_items
assert n < ITEM and seqs.timestamps.max() < (1 << (63 - SHIFT))
T = Ragged(seqs.timestamps.astype(np.int64), seqs.seqs.offsets)
packed = Ragged(sp.train.values.astype(np.int64) | (T.slice(0, -2).values << SHIFT), sp.train.offsets)
_init = ClozeBatches.__init__
def _packed_init(self, train, *a, **k): _init(self, packed if train is sp.train else train, *a, **k)
ClozeBatches.__init__ = _packed_init
training.BERT4Rec = TimeBERT4Rec
t_last2 = T.slice(-2, -1).values; t_last = T.slice(-1).values
sp.valid = EvalSet(TimedRagged(sp.valid.inputs.values, sp.valid.inputs.offsets, T.slice(0, -2).values, t_last2), sp.valid.targets, sp.valid.users)
sp.test = EvalSet(TimedRagged(sp.test.inputs.values, sp.test.inputs.offsets, T.slice(0, -1).values, t_last), sp.test.targets, sp.test.users)
cfg = (TrainConfig(max_minutes=args.minutes, threads=args.threads) if args.minutes else
       TrainConfig(epochs=args.epochs, threads=args.threads, min_epochs=10**6))
validate = ranking_validation(batch_size=cfg.eval_batch_size, users=cfg.valid_users)
run = fit(data, preset("S", n, causal=True), cfg, progress=False, log=lambda s: print(s, flush=True), validate=validate)
h = run.history.assign(minutes=lambda d: d.seconds.cumsum() / 60)
Path(args.out).mkdir(parents=True, exist_ok=True); h.to_csv(Path(args.out) / f"{args.name}.csv", index=False)
res = {"mode": args.mode, "minutes": args.minutes, "threads": args.threads, "epochs": len(h), "best_epoch": int(run.best["epoch"]),
       "best_val_ndcg@10": float(run.best["ndcg@10"])}
if args.mode == "next":  # the same model, validated with the request time at the last rating of the history (a gap of 0)
    v = sp.valid.inputs; at_last = TimedRagged(v.values, v.offsets, v.times, T.slice(-3, -2).values)
    res["best_val_ndcg@10_request_at_last_rating"] = float(validate(run.model, EvalSet(at_last, sp.valid.targets, sp.valid.users))["ndcg@10"].mean())
if args.with_test: res["test_ndcg@10"] = float(ranking_validation(batch_size=cfg.eval_batch_size)(run.model, sp.test)["ndcg@10"].mean())
(Path(args.out) / f"{args.name}.json").write_text(json.dumps(res, indent=1))
print(args.name, json.dumps(res))
