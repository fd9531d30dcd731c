#!/usr/bin/env bash
# Starts JupyterLab from the project's .venv, on loopback, in notebooks/, with the 'java' kernel.
# Run ./run.sh lab (which prepares everything first) or, once prepared, this script directly.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
[ -x "$REPO/.venv/bin/jupyter" ] || die "no .venv yet: run ./run.sh lab (or scripts/prepare.sh) first"
PORT="${PORT:-8888}"
echo "JupyterLab: open the URL it prints below (http://127.0.0.1:$PORT/lab?token=…); Ctrl-C stops it."
exec "$REPO/.venv/bin/jupyter" lab --no-browser --ip=127.0.0.1 --port="$PORT" \
  --ServerApp.root_dir="$REPO/notebooks" "$@"
