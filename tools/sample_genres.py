"""Genres on the synthetic sample: best validation NDCG@10 of preset S after 30 epochs, with and without genre embeddings,
on loo and multi5, two seeds each (the "same defaults must not get worse on the sample" check of 03_training).

    python tools/sample_genres.py
"""
import torch
from bert4rec_nb.data import prepare
from bert4rec_nb.model import preset
from bert4rec_nb.training import TrainConfig, fit, genre_matrix
from bert4rec_nb.evaluation import ranking_validation
for proto in ("loo", "multi5"):
    d = prepare("sample", proto)
    for g in (0, genre_matrix(d).shape[1]):
        for seed in (0, 1):
            run = fit(d, preset("S", d.seqs.n_items, n_genres=g), TrainConfig(epochs=30, min_epochs=30, seed=seed, threads=1), progress=False, log=None, validate=ranking_validation())
            print(proto, "genres" if g else "no genres", "seed", seed, "best val ndcg@10", round(run.best["ndcg@10"], 4), "epoch", run.best["epoch"], flush=True)
