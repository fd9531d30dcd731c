#!/usr/bin/env bash
# The main job. On a fresh machine: builds the toolkit, fetches the data, installs the Java
# kernel, and executes the notebook series into output/notebooks (executed .ipynb + HTML).
#
#   ./run.sh           execute every notebook
#   ./run.sh lab       same set-up, then open JupyterLab on http://127.0.0.1:8888
#   ./run.sh NOTEBOOK  execute only these notebooks (paths)
set -euo pipefail
cd "$(dirname "$0")"
scripts/prepare.sh --skip-tests
if [ "${1:-}" = "lab" ]; then
  shift
  exec scripts/lab.sh "$@"
fi
echo; echo "== notebooks ($(date +%T))"
exec .venv/bin/python scripts/run-notebooks.py "$@"
