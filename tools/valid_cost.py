"""What full-ranking validation costs, against a training epoch, on a catalogue: all users vs a fixed sample.

    python tools/valid_cost.py --data amazon-sports/interactions.csv --threads 1 --out experiments/valid_cost_amazon.json

Scores the validation split with an untrained preset-S model (the cost does not depend on the weights): every user,
then `TrainConfig.valid_users` of them; and times one training epoch of the same model without validation."""
import argparse, json, time
import torch
from bert4rec_nb.data import prepare
from bert4rec_nb.files import load_data
from bert4rec_nb.model import BERT4Rec, preset
from bert4rec_nb.training import TrainConfig, fit
from bert4rec_nb.evaluation import ranking_validation

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument("--data", required=True)
p.add_argument("--threads", type=int, default=1)
p.add_argument("--out", required=True)
args = p.parse_args()
torch.set_num_threads(args.threads)
d = prepare(load_data(args.data)[0], "loo")
n = TrainConfig().valid_users
m = BERT4Rec(preset("S", d.seqs.n_items)).eval()
def seconds(users):
    t = time.time(); ranking_validation(users=users)(m, d.split.valid); return time.time() - t
res = {"data": args.data.split("/")[-2] if "/" in args.data else args.data, "valid_users": len(d.split.valid), "sample": n,
       "threads": args.threads, "all_users_s": round(seconds(None), 2), "sample_s": round(seconds(n), 2)}
run = fit(d, "S", TrainConfig(epochs=1, threads=args.threads), progress=False, log=None)   # one epoch, no validation
res["train_epoch_s"] = round(float(run.history.seconds.iloc[0]), 1)
print(res); open(args.out, "w").write(json.dumps(res, indent=1))
