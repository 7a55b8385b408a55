"""Resident memory (RSS) after every epoch of a long training run, as a CSV curve (epoch, rss_mb, peak_mb, wall_s).

    python tools/rss_curve.py --data PATH/TO/ml-1m --epochs 200 --out experiments/rss_S_loo.csv

Preset S, loo, lr 1e-3, batch 128, no early stopping (min_epochs = epochs), full-ranking validation, one CPU thread
by default. Linux only (reads /proc/self/statm)."""
import argparse, csv, os, resource, time
from bert4rec_nb.data import prepare
from bert4rec_nb.training import TrainConfig, fit
from bert4rec_nb.evaluation import ranking_validation

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument("--data", default=os.environ.get("BERT4REC_DATA"), help="MovieLens folder (default: $BERT4REC_DATA)")
p.add_argument("--epochs", type=int, default=200)
p.add_argument("--threads", type=int, default=1)
p.add_argument("--out", default="rss_curve.csv")
args = p.parse_args()
page, t0 = os.sysconf("SC_PAGE_SIZE"), time.time()
f = open(args.out, "w", newline=""); w = csv.writer(f); w.writerow(["epoch", "rss_mb", "peak_mb", "wall_s", "line"])
def log(line):
    if line.startswith("epoch"):
        rss = int(open("/proc/self/statm").read().split()[1]) * page / 2**20
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        w.writerow([int(line.split()[1]), round(rss, 1), round(peak, 1), round(time.time() - t0, 1), line]); f.flush()
cfg = TrainConfig(lr=1e-3, batch_size=128, epochs=args.epochs, min_epochs=args.epochs, threads=args.threads)
run = fit(prepare(args.data, "loo"), "S", cfg, progress=False, log=log, validate=ranking_validation())
print("best validation:", run.best)
