#!/usr/bin/env python3
"""PyTorch side of scripts/bench-training.sh: trains the same MLP classifier and MLP VAE as the
toolkit (org.spuriouslab.bench.TrainingBenchmark: MLP 784-256-256-256-10, CNN conv16-conv32-128,
VAE 784-400-20) on the same IDX files with the same batch size,
optimiser and thread count, and prints seconds per epoch.

Output: one line per epoch, then one line per model
    RESULT <model> <median seconds/epoch excluding the first> <all epoch seconds, comma-separated>
"""
import argparse
import gzip
import os
import statistics
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    zero, dtype, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype != 0x08:
        sys.exit(f"{path}: not an unsigned-byte IDX file")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def find(dirname, stem):
    for name in (stem, stem + ".gz"):
        p = os.path.join(dirname, name)
        if os.path.isfile(p):
            return p
    sys.exit(f"no {stem} in {dirname}; run data-fetch/fetch first")


def load(dirname, n):
    images = read_idx(find(dirname, "train-images-idx3-ubyte"))[:n]
    labels = read_idx(find(dirname, "train-labels-idx1-ubyte"))[:n]
    x = torch.from_numpy(images.reshape(len(images), -1).astype(np.float32) / 255.0)
    y = torch.from_numpy(labels.astype(np.int64))
    return x, y, images.shape[1], images.shape[2]


class Mlp(nn.Module):
    def __init__(self, inputs, hidden, classes):
        super().__init__()
        layers, last = [], inputs
        for h in hidden:
            layers += [nn.Linear(last, h), nn.ReLU()]
            last = h
        self.features = nn.Sequential(*layers)
        self.head = nn.Linear(last, classes)

    def forward(self, x):
        return self.head(self.features(x))


class Cnn(nn.Module):
    def __init__(self, rows, cols, classes):
        super().__init__()
        self.rows, self.cols = rows, cols
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * (rows // 4) * (cols // 4), 128), nn.ReLU())
        self.head = nn.Linear(128, classes)

    def forward(self, x):
        return self.head(self.features(x.view(-1, 1, self.rows, self.cols)))


class Vae(nn.Module):
    def __init__(self, inputs, hidden, latent):
        super().__init__()
        self.fc1 = nn.Linear(inputs, hidden)
        self.fc2 = nn.Linear(hidden, 2 * latent)
        self.fc3 = nn.Linear(latent, hidden)
        self.fc4 = nn.Linear(hidden, inputs)
        self.latent = latent

    def forward(self, x):
        mu, logvar = self.fc2(F.relu(self.fc1(x))).chunk(2, dim=1)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return self.fc4(F.relu(self.fc3(z))), mu, logvar


def train_classifier(name, x, y, args):
    classes = int(y.max()) + 1
    model = Mlp(x.shape[1], args.hidden, classes) if name == "mlp" else Cnn(args.rows, args.cols, classes)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    times = []
    for epoch in range(args.epochs):
        t0 = time.perf_counter()
        perm = torch.randperm(len(x))
        loss_sum = torch.zeros(())
        correct = torch.zeros((), dtype=torch.int64)
        for i in range(0, len(x), args.batch):
            idx = perm[i:i + args.batch]
            xb, yb = x[idx], y[idx]
            logits = model(xb)
            loss = F.cross_entropy(logits, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            with torch.no_grad():
                loss_sum += loss * len(idx)
                correct += (logits.argmax(1) == yb).sum()
        seconds = time.perf_counter() - t0
        times.append(seconds)
        print(f"torch {name} epoch {epoch + 1}: loss {loss_sum.item() / len(x):.4f}, "
              f"accuracy {correct.item() / len(x):.4f}, {seconds:.2f} s", flush=True)
    return times


def train_vae(x, args):
    model = Vae(x.shape[1], 400, 20)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    times = []
    for epoch in range(args.epochs):
        t0 = time.perf_counter()
        perm = torch.randperm(len(x))
        recon_sum = torch.zeros(())
        kl_sum = torch.zeros(())
        for i in range(0, len(x), args.batch):
            xb = x[perm[i:i + args.batch]]
            logits, mu, logvar = model(xb)
            recon = F.binary_cross_entropy_with_logits(logits, xb, reduction="sum")
            kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
            loss = (recon + kl) / len(xb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            with torch.no_grad():
                recon_sum += recon
                kl_sum += kl
        seconds = time.perf_counter() - t0
        times.append(seconds)
        print(f"torch vae epoch {epoch + 1}: ELBO {-(recon_sum.item() + kl_sum.item()) / len(x):.2f}, "
              f"{seconds:.2f} s", flush=True)
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="folder with the IDX files (e.g. data/fashion-mnist)")
    ap.add_argument("--n", type=int, default=60000, help="training images (default 60000)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--hidden", type=lambda s: [int(v) for v in s.split(",")], default=[256, 256, 256])
    ap.add_argument("--models", default="mlp,vae")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(args.seed)
    x, y, args.rows, args.cols = load(args.data, args.n)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {len(x)} images", flush=True)
    for model in args.models.split(","):
        if model in ("mlp", "cnn"):
            times = train_classifier(model, x, y, args)
        elif model == "vae":
            times = train_vae(x, args)
        else:
            sys.exit(f"unknown model {model}; use mlp, cnn, vae")
        median = statistics.median(times[1:] if len(times) > 1 else times)
        print(f"RESULT {model} {median:.4f} {','.join(f'{t:.4f}' for t in times)}", flush=True)


if __name__ == "__main__":
    main()
