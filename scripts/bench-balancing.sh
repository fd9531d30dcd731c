#!/usr/bin/env bash
# Speed of entropy balancing (org.spuriouslab.causal.EntropyBalancing, pure Java) as the problem grows:
# controls n x moments p, by default n in {1e4, 1e5, 1e6} x p in {5, 20, 50}. Prints per row the Newton
# iterations, seconds, seconds per iteration, nanoseconds per (n*p), its ratio to the previous row, the
# final imbalance and the effective sample size, then the JVM's peak resident memory (kB).
# Not a test: numbers depend on the machine and on what else runs.
#
#   scripts/bench-balancing.sh [--n 10000,100000,1000000] [--p 5,20,50] [--threads 2] [--repeats 1]
#                              [--shift 0.25] [--seed 42]
#
# Memory: the controls take n*p*8 bytes (1e6 x 50 = 400 MB) plus a transient copy while they are built;
# the JVM gets -Xmx2g (override with BENCH_XMX=4g). Builds the toolkit jar first when it is missing.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
find_jdk25

case "${1:-}" in -h|--help) sed -n '2,12p' "$0"; exit 0 ;; esac

toolkit_jar

echo "bench: load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Xms256m -Xmx"${BENCH_XMX:-2g}" -XX:+UseParallelGC -Djava.awt.headless=true \
  -cp "$JAR:$REPO/toolkit/target/lib/*" org.spuriouslab.bench.BalancingBenchmark "$@"
echo "bench: load after: $(cut -d' ' -f1-3 /proc/loadavg)"
