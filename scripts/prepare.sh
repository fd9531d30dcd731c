#!/usr/bin/env bash
# Everything the notebooks need, idempotent: build the toolkit (with or without its tests),
# fetch a dataset, create the Python environment, install the Java kernel.
#
#   scripts/prepare.sh [--skip-tests]
#
# Dataset: MNIST when a mirror answers, otherwise Fashion-MNIST from Debian's package.
# SPURIOUS_DATASET=fashion-mnist (or mnist) picks one and skips the other.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
find_jdk25
cd "$REPO"

step() { echo; echo "== $* ($(date +%T))"; }

mvn_args=(-B -q)
if [ "${1:-}" = "--skip-tests" ]; then mvn_args+=(-DskipTests); fi
step "build: mvn package ${mvn_args[*]:2} (JDK $JAVA_HOME)"
mvn "${mvn_args[@]}" package 2> >(grep -vE '^WARNING: .*(Unsafe|sun\.misc)|^WARNING: Please consider' >&2)

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

step "python environment: .venv"
scripts/setup-venv.sh

step "kernel"
scripts/install-kernel.sh
