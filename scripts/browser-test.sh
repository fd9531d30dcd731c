#!/usr/bin/env bash
# The real-browser test: JupyterLab from .venv, notebook 00 opened in headless Debian Chromium
# driven by playwright-core, Run All Cells, a chart must render; screenshot in output/browser/.
# Needs scripts/prepare.sh first (test.sh runs it). Installs what it needs:
#   - Debian's chromium (apt-get, as root or with sudo) when /usr/lib/chromium/chromium is missing;
#   - playwright-core from scripts/browser/package-lock.json (npm ci) — it downloads no browser.
#
#   scripts/browser-test.sh [--notebook NAME.ipynb] [--kernel-timeout S] [--attempts N] ...
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO"
[ -x .venv/bin/jupyter ] || die "no .venv yet: run scripts/prepare.sh first"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo > /dev/null && sudo -n true 2> /dev/null; then sudo "$@"
  else die "'$*' needs root (or password-less sudo); install Debian's chromium by hand: sudo apt-get install chromium"
  fi
}

if [ -z "${CHROMIUM:-}" ] && [ ! -x /usr/lib/chromium/chromium ] && [ ! -x /usr/bin/chromium ]; then
  echo "browser: installing Debian's chromium (apt-get)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium > /dev/null
fi

command -v node > /dev/null || die "node is missing (Node.js 20+ is needed for playwright-core; e.g. apt-get install nodejs npm)"
major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$major" -ge 20 ] || die "node $(node --version) is too old; playwright-core needs Node.js 20+"

cd scripts/browser
if ! { [ -f node_modules/playwright-core/package.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; }; then
  echo "browser: npm ci (playwright-core, pinned in scripts/browser/package-lock.json; no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
cd "$REPO"
exec node scripts/browser/lab-e2e.mjs "$@"
