#!/usr/bin/env bash
# Creates the project-local Python environment .venv with Jupyter (scripts/requirements.txt).
# Uses the machine's pip configuration; where a local PyPI mirror is configured as an extra
# index (build machines without internet), it becomes the only index so pip never waits on pypi.org.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
VENV="$REPO/.venv"
REQ="$REPO/scripts/requirements.txt"
STAMP="$VENV/.requirements.sha256"
want="$(sha256sum "$REQ" | cut -d' ' -f1)"
if [ -x "$VENV/bin/jupyter" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ]; then
  echo "venv: $VENV is up to date"; exit 0
fi
PY="${PYTHON:-$(command -v python3 || true)}"
[ -n "$PY" ] || die "python3 not found; install Python 3.9+ (apt-get install python3 python3-venv)"
echo "venv: creating $VENV with $("$PY" --version 2>&1)"
"$PY" -m venv "$VENV" || die "could not create a venv (on Debian: apt-get install python3-venv)"
pip_args=()
extra="$("$PY" -m pip config get global.extra-index-url 2>/dev/null || true)"
local_indexes=()
for u in $extra; do   # keep only local mirrors that exist
  [[ "$u" == file://* ]] && [ -d "${u#file://}" ] && local_indexes+=("$u")
done
if [ ${#local_indexes[@]} -gt 0 ]; then
  pip_args+=(--index-url "${local_indexes[0]}")
  for u in "${local_indexes[@]:1}"; do pip_args+=(--extra-index-url "$u"); done
fi
if [ ${#local_indexes[@]} -gt 0 ]; then export PIP_CONFIG_FILE=/dev/null; fi
# (a partial local mirror makes pip warn once per package it lacks: filtered out)
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "${pip_args[@]}" -r "$REQ" \
  2> >(grep -v 'is ignored: it is neither a file nor a directory' >&2)
echo "$want" > "$STAMP"
echo "venv: ready ($("$VENV/bin/jupyter" --version 2>/dev/null | grep -E 'jupyterlab|nbclient' | tr -s ' ' | tr '\n' ' '))"
