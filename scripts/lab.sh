#!/usr/bin/env bash
# Starts JupyterLab from the project's .venv, on loopback, in notebooks/, with the 'java' kernel,
# and prints the URL to open (with its token). Run ./run.sh lab (which prepares everything
# first) or, once prepared, this script directly. Ctrl-C stops it.
#
#   scripts/lab.sh                 # http://127.0.0.1:8888 (the next free port if 8888 is taken)
#   PORT=9999 scripts/lab.sh       # this port, or fail
#   TOKEN=secret scripts/lab.sh    # a token of your choice (default: a random one)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
[ -x "$REPO/.venv/bin/jupyter" ] || die "no .venv yet: run ./run.sh lab (or scripts/prepare.sh) first"
[ -f "$REPO/.venv/share/jupyter/kernels/java/kernel.json" ] || die "the 'java' kernel is not installed: run scripts/install-kernel.sh"

free_port() {  # free_port FIRST: FIRST if free, else the next free one
  "$REPO/.venv/bin/python" - "$1" <<'PY'
import socket, sys
p = int(sys.argv[1])
while True:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", p)); break
        except OSError:
            p += 1
print(p)
PY
}
if [ -n "${PORT:-}" ]; then port="$PORT"; else port="$(free_port 8888)"; fi
token="${TOKEN:-$("$REPO/.venv/bin/python" -c 'import secrets; print(secrets.token_hex(24))')}"
extra=()
[ "$(id -u)" = 0 ] && extra+=(--allow-root)
url="http://127.0.0.1:$port/lab/tree/00-setup-and-data.ipynb?token=$token"
cat <<EOF

  JupyterLab (kernel "java", Java 25 (Spurious Lab)) — open this URL in your browser:

      $url

  Ctrl-C stops it.

EOF
exec "$REPO/.venv/bin/jupyter" lab --no-browser --ip=127.0.0.1 --port="$port" --ServerApp.port_retries=0 \
  --IdentityProvider.token="$token" --ServerApp.root_dir="$REPO/notebooks" "${extra[@]}" "$@"
