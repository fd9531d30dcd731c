#!/usr/bin/env python3
"""Prints the table of scripts/bench-training.sh from the RESULT/MEMORY lines of the runs.

usage: summarize.py DJL_LOG... -- TORCH_LOG...
Each log holds lines 'RESULT <model> <median s/epoch> <all epochs>' (and, for DJL, 'MEMORY <VmHWM kB> <VmRSS kB>').
With several rounds the table shows the median of the per-round medians.
"""
import statistics
import sys


def read(paths):
    results, memory = {}, []
    for p in paths:
        with open(p) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3 and parts[0] == "RESULT":
                    results.setdefault(parts[1], []).append(float(parts[2]))
                elif len(parts) >= 2 and parts[0] == "MEMORY":
                    memory.append(int(parts[1]))
    return results, memory


def main():
    args = sys.argv[1:]
    split = args.index("--")
    djl, djl_mem = read(args[:split])
    torch, _ = read(args[split + 1:])
    models = list(dict.fromkeys(list(djl) + list(torch)))
    print(f"{'model':<6} {'DJL s/epoch':>12} {'PyTorch s/epoch':>16} {'ratio':>7}   (rounds: DJL per-round medians | PyTorch)")
    for m in models:
        d = statistics.median(djl[m]) if m in djl else float("nan")
        t = statistics.median(torch[m]) if m in torch else float("nan")
        ratio = d / t if t == t and t > 0 else float("nan")
        rounds = " ".join(f"{v:.2f}" for v in djl.get(m, [])) + " | " + " ".join(f"{v:.2f}" for v in torch.get(m, []))
        print(f"{m:<6} {d:>12.3f} {t:>16.3f} {ratio:>6.2f}x   ({rounds})")
    if djl_mem:
        print(f"JVM peak resident memory (VmHWM): {max(djl_mem) / 1024:.0f} MB"
              f" (largest of {len(djl_mem)} run{'s' if len(djl_mem) > 1 else ''})")


if __name__ == "__main__":
    main()
