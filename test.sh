#!/usr/bin/env bash
# All the tests. On a fresh machine: builds everything and runs the JUnit 5 tests (toolkit and
# data-fetch), fetches the data, installs the Java kernel, then
#   1. starts the kernel 20 times and fails on any start-up hang: scripts/kernel-startup-check.py;
#   2. checks the Binder configuration (files, bash -n, a dry run of binder/postBuild into a
#      temporary prefix and the kernel spec it writes): scripts/check-binder.py;
#   3. executes every notebook in the real kernel and checks that each produced at least one
#      chart (image/png) and no error: scripts/run-notebooks.py --check;
#   4. opens notebook 00 in JupyterLab in headless Chromium, runs all cells and waits for a
#      rendered chart: scripts/browser-test.sh (screenshot in output/browser/).
# Each stage ends with "NAME: N passed, M failed"; the last line adds them up.
set -euo pipefail
cd "$(dirname "$0")"
scripts/prepare.sh
mkdir -p build

passed=0 failed=0 rc=0
stage() {  # stage TITLE LOG COMMAND...: runs it, keeps going on failure, adds up its closing line
  local title="$1" log="$2" status=0 line
  shift 2
  echo; echo "== $title ($(date +%T))"
  "$@" 2>&1 | tee "$log" || status=$?
  [ "$status" = 0 ] || rc=1
  line="$(grep -E '^[a-z][a-z -]*: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1 || true)"
  if [ -n "$line" ]; then
    passed=$((passed + $(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<< "$line")))
    failed=$((failed + $(sed -E 's/.*passed, ([0-9]+) failed.*/\1/' <<< "$line")))
  elif [ "$status" != 0 ]; then
    failed=$((failed + 1))   # died before its summary
  fi
}

stage "kernel start-up, 20 starts" build/test-kernel-startup.log \
  .venv/bin/python scripts/kernel-startup-check.py --starts 20 --timeout 15
stage "binder configuration, checked" build/test-binder.log .venv/bin/python scripts/check-binder.py
stage "notebooks, checked" build/test-notebooks.log \
  .venv/bin/python scripts/run-notebooks.py --check --out output/test-notebooks "$@"
stage "real browser: JupyterLab + headless Chromium" build/test-browser.log scripts/browser-test.sh

echo
echo "tests: $passed passed, $failed failed"
exit "$rc"
