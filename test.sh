#!/usr/bin/env bash
# All the tests. On a fresh machine: builds everything and runs the JUnit 5 tests (toolkit and
# data-fetch), fetches the data, installs the Java kernel, then executes every notebook in the
# real kernel and checks that each produced at least one chart (image/png) and no error.
set -euo pipefail
cd "$(dirname "$0")"
scripts/prepare.sh
echo; echo "== notebooks, checked ($(date +%T))"
exec .venv/bin/python scripts/run-notebooks.py --check --out output/test-notebooks "$@"
