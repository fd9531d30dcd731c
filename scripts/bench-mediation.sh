#!/usr/bin/env bash
# Speed of a mediation analysis on the transformer language model (org.spuriouslab.causal.MediationAnalysis
# over org.spuriouslab.models.LexiconContinuation) as units U and prompts n grow: by default
# U in {3, 6, 12} (1, 2, 4 layers) x n in {250, 1000, 4000}. Prints per row the seconds, milliseconds per
# unit x treated prompt, its ratio to the previous row and forward passes (batches of up to 64 prompts) per second, then the JVM's
# peak resident memory (kB). Uses the notebook kernel's JVM flags (SerialGC, 2 PyTorch threads).
# Not a test: numbers depend on the machine and on what else runs.
#
#   scripts/bench-mediation.sh [--layers 1,2,4] [--prompts 250,1000,4000] [--width 64] [--vocabulary 6000]
#                              [--length 10] [--steps 4] [--bootstrap 200] [--seed 42]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
find_jdk25

case "${1:-}" in -h|--help) sed -n '2,10p' "$0"; exit 0 ;; esac

toolkit_jar

echo "bench: load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Xms128m -Xmx768m -XX:+UseSerialGC -Djava.awt.headless=true -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1 --enable-native-access=ALL-UNNAMED \
  -cp "$JAR:$REPO/toolkit/target/lib/*" org.spuriouslab.bench.MediationBenchmark "$@"
echo "bench: load after: $(cut -d' ' -f1-3 /proc/loadavg)"
