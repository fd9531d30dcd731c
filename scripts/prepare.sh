#!/usr/bin/env bash
# Everything the notebooks need, idempotent: fetch a dataset, build the toolkit (with or without
# its tests, which need the data), create the Python environment, install the Java kernel.
#
#   scripts/prepare.sh [--skip-tests] [--no-venv] [-- INSTALL-KERNEL-OPTIONS]
#
# --no-venv uses the Jupyter already on the PATH instead of creating .venv (Binder's conda env);
# options after -- go to scripts/install-kernel.sh (binder/postBuild: --kernel jjava ...).
# The last step loads DJL's engine once so its native libraries are unpacked before any notebook
# runs (scripts/kernel/DjlWarmUp.java).
#
# Dataset: MNIST when a mirror answers, otherwise Fashion-MNIST from Debian's package; then the text
# data of notebook 06 (Debian's fortunes, npm's naughty-words).
# SPURIOUS_DATASET=fashion-mnist (or mnist) picks one and skips the other.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
find_jdk25
cd "$REPO"

skip_tests=0 use_venv=1 kernel_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-tests) skip_tests=1; shift ;;
    --no-venv) use_venv=0; shift ;;
    --) shift; kernel_args=("$@"); break ;;
    *) die "usage: $0 [--skip-tests] [--no-venv] [-- INSTALL-KERNEL-OPTIONS]" ;;
  esac
done

step() { echo; echo "== $* ($(date +%T))"; }

step "data: $SPURIOUS_DATA"
case "${SPURIOUS_DATASET:-auto}" in
  mnist) data-fetch/fetch mnist ;;
  fashion-mnist) data-fetch/fetch fashion-mnist ;;
  auto)
    if ! data-fetch/fetch mnist; then
      echo "MNIST could not be fetched (see above); the notebooks will use Fashion-MNIST instead."
      data-fetch/fetch fashion-mnist
    fi ;;
  *) die "SPURIOUS_DATASET must be mnist, fashion-mnist or auto, not '$SPURIOUS_DATASET'" ;;
esac

step "text data: fortunes (topics) and naughty-words (toxic lexicon)"
data-fetch/fetch fortunes naughty-words || die "the text data could not be fetched (the fetcher's message is above)"

if [ "$skip_tests" = 1 ]; then
  step "build: mvn package, tests skipped (JDK $JAVA_HOME)"
  mvn -B -q -Dstyle.color=never -DskipTests package 2> >(grep -vE '^WARNING: .*(Unsafe|sun\.misc)|^WARNING: Please consider' >&2)
else
  step "build and JUnit tests: mvn package (JDK $JAVA_HOME)"
  export SPURIOUS_REQUIRE_DATA=1   # tests on the real dataset fail instead of skipping
  log="$REPO/build/maven-test.log"; mkdir -p "$REPO/build"
  # full log in build/maven-test.log; here only the test summaries and failures
  if ! mvn -B -Dstyle.color=never package > "$log" 2>&1; then
    grep -E 'Tests run:|FAIL|ERROR|BUILD' "$log" | tail -60
    die "build or JUnit tests failed; full log: $log"
  fi
  grep -E '^\[INFO\] (Building |Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$)|BUILD SUCCESS' "$log" \
    | sed 's/^\[INFO\] /  /'
fi

if [ "$use_venv" = 1 ]; then
  step "python environment: .venv"
  scripts/setup-venv.sh
fi

step "kernel"
scripts/install-kernel.sh "${kernel_args[@]}"

step "DJL natives: unpacked once, offline (${DJL_CACHE_DIR:-~/.djl.ai})"
"$JAVA" -Dai.djl.offline=true --enable-native-access=ALL-UNNAMED \
  -cp "$REPO/toolkit/target/spuriouslab-toolkit.jar:$REPO/toolkit/target/lib/*" scripts/kernel/DjlWarmUp.java
