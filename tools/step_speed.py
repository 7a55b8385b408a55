"""Milliseconds per training step (forward, backward, AdamW) of preset S on real batches: fp32 vs bf16 autocast, oneDNN on vs off.

    python tools/step_speed.py --data PATH/TO/ml-1m --threads 2 --out experiments/step_speed.csv
    python tools/step_speed.py --data PATH/TO/ml-1m --threads 2 --compile --out experiments/step_speed_compile.csv

With --compile: eager against `torch.compile` (the whole model, oneDNN off, fp32, as training runs),
the compile time (the first pass) reported apart.

Every third batch of the first epoch (batch 128, mask 0.2), each setting timed over them `--repeats` times; the
median pass is reported. Time it with nothing else running."""
import argparse, os, time
import numpy as np, pandas as pd, torch
from bert4rec_nb.data import prepare
from bert4rec_nb.masking import ClozeBatches
from bert4rec_nb.model import BERT4Rec, preset
from bert4rec_nb.training import make_optimizer

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument("--data", default=os.environ.get("BERT4REC_DATA"))
p.add_argument("--threads", type=int, default=2)
p.add_argument("--repeats", type=int, default=3)
p.add_argument("--out", default="step_speed.csv")
p.add_argument("--compile", action="store_true", help="eager vs torch.compile instead")
args = p.parse_args()
torch.set_num_threads(args.threads)
d = prepare(args.data, "loo")
cfg = preset("S", d.seqs.n_items)
batches = list(ClozeBatches(d.split.train, d.seqs.n_items, cfg.max_len, 128, 0.2, 0.1, False, seed=0).epoch(1))[::3]
def passes(compiled:bool=False, bf16:bool=False, n:int=args.repeats) -> list:
    "Seconds of each of `n` passes over the batches, training a fresh model (forward, backward, AdamW)."
    torch.manual_seed(0); m = BERT4Rec(cfg); opt = make_optimizer(m, 1e-3, 0.01)
    step, out = torch.compile(m) if compiled else m, []
    for _ in range(n):
        t0 = time.perf_counter()
        for x, y in batches:
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16): loss = step(x, y)
            opt.zero_grad(); loss.backward(); opt.step()
        out.append(time.perf_counter() - t0)
    return out

ms = lambda p: round(float(np.median(p)) / len(batches) * 1000, 1)
rows = []
if args.compile:
    torch.backends.mkldnn.enabled = False
    for compiled in (False, True):
        p = passes(compiled, n=args.repeats + 1)               # the first pass compiles (one graph per batch width)
        rows.append({"torch.compile": compiled, "ms/step": ms(p[1:]), "first pass s": round(p[0], 1),
                     "batch widths": len({x.shape[1] for x, _ in batches}), "batches": len(batches)})
        print(rows[-1], flush=True)
else:
    for onednn in (True, False):
        for bf16 in (False, True):
            torch.backends.mkldnn.enabled = onednn
            rows.append({"oneDNN": onednn, "bf16 autocast": bf16, "ms/step": ms(passes(bf16=bf16)), "batches": len(batches)})
            print(rows[-1], flush=True)
pd.DataFrame(rows).to_csv(args.out, index=False)
