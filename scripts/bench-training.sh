#!/usr/bin/env bash
# Training speed of the toolkit (DJL, PyTorch engine) against PyTorch in Python, on the same IDX
# files, networks, batch size (128), optimiser (Adam 1e-3) and thread count (2):
#   MLP 784-256-256-256-10 (ClassifierSpec.mlp()), VAE 784-400-20 (VaeSpec.builder()), optionally the CNN.
# Prints seconds per epoch (median over the epochs after the first), the ratio DJL/PyTorch and the
# JVM's peak resident memory. Not a test: numbers depend on the machine and on what else runs.
#
#   scripts/bench-training.sh [--n 60000] [--epochs 3] [--models mlp,vae] [--rounds 1]
#
# --rounds R alternates R DJL runs and R PyTorch runs (DJL, PyTorch, DJL, ...) and reports the
# median of the per-round medians; use R >= 3 on a busy machine.
# The JVM runs with the notebook kernel's flags (scripts/install-kernel.sh): -Xmx1g, SerialGC,
# DJL offline, 2 intra-op threads, 1 inter-op thread. PyTorch comes from the local wheel in
# /opt/wheels (or the configured package index) in a separate venv, .venv-bench.
# Both sides inherit the environment, e.g. OMP_WAIT_POLICY=PASSIVE scripts/bench-training.sh
# (on a machine shared with other busy jobs, OpenMP's default spin-waiting can make single
# epochs 10-40x slower; passive waiting avoids that at some cost when the machine is idle).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
find_jdk25

N=60000 EPOCHS=3 MODELS=mlp,vae ROUNDS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --n) N="${2:?--n needs a number}"; shift 2 ;;
    --epochs) EPOCHS="${2:?--epochs needs a number}"; shift 2 ;;
    --models) MODELS="${2:?--models needs a list such as mlp,vae}"; shift 2 ;;
    --rounds) ROUNDS="${2:?--rounds needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see $0 --help)" ;;
  esac
done

toolkit_jar

# the dataset: MNIST when fetched, else Fashion-MNIST (as Datasets.load() picks)
if [ -f "$SPURIOUS_DATA/mnist/FETCHED.tsv" ]; then DATASET=mnist
elif [ -f "$SPURIOUS_DATA/fashion-mnist/FETCHED.tsv" ]; then DATASET=fashion-mnist
else die "no dataset in $SPURIOUS_DATA; run data-fetch/fetch fashion-mnist (or set SPURIOUS_DATA)"
fi

VENV="$REPO/.venv-bench"
if ! "$VENV/bin/python" -c 'import torch, numpy' 2>/dev/null; then
  echo "bench: creating $VENV with torch and numpy"
  python3 -m venv "$VENV" || die "could not create a venv (on Debian: apt-get install python3-venv)"
  pip_args=(--disable-pip-version-check -q)
  [ -d /opt/wheels ] && pip_args+=(--find-links /opt/wheels)
  extra="$(python3 -m pip config get global.extra-index-url 2>/dev/null || true)"
  local_indexes=()
  for u in $extra; do [[ "$u" == file://* ]] && [ -d "${u#file://}" ] && local_indexes+=("$u"); done
  if [ ${#local_indexes[@]} -gt 0 ]; then   # offline build machine: the local mirror is the only index
    pip_args+=(--index-url "${local_indexes[0]}")
    for u in "${local_indexes[@]:1}"; do pip_args+=(--extra-index-url "$u"); done
    export PIP_CONFIG_FILE=/dev/null
  fi
  "$VENV/bin/python" -m pip install "${pip_args[@]}" torch numpy \
    2> >(grep -v 'is ignored: it is neither a file nor a directory' >&2)
fi

OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
JVM_FLAGS=(-Xms128m -Xmx1g -XX:+UseSerialGC -XX:MaxMetaspaceSize=384m -Djava.awt.headless=true
  -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1
  --enable-native-access=ALL-UNNAMED)
echo "bench: $DATASET, $N images, $EPOCHS epochs, models $MODELS, $ROUNDS round(s), OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-default}; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$ROUNDS"); do
  echo "--- round $r: DJL"
  DJL_OFFLINE=true OMP_NUM_THREADS=2 "$JAVA" "${JVM_FLAGS[@]}" -cp "$JAR:$REPO/toolkit/target/lib/*" \
    org.spuriouslab.bench.TrainingBenchmark --dataset "$DATASET" --n "$N" --epochs "$EPOCHS" --models "$MODELS" \
    2>&1 | grep -v '^\[W' | tee "$OUT/djl-$r.log"
  echo "--- round $r: PyTorch"
  OMP_NUM_THREADS=2 "$VENV/bin/python" "$REPO/scripts/bench/torch_bench.py" --data "$SPURIOUS_DATA/$DATASET" \
    --n "$N" --epochs "$EPOCHS" --models "$MODELS" --threads 2 | tee "$OUT/torch-$r.log"
done
echo
echo "Seconds per epoch (median of epochs 2..$EPOCHS), $N images, batch 128, 2 threads; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$REPO/scripts/bench/summarize.py" "$OUT"/djl-*.log -- "$OUT"/torch-*.log
