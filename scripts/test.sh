#!/usr/bin/env bash
# The README's second command: install what the tests need, start PostgreSQL, Redis and
# Elasticsearch through scripts/services.sh, lint, and run the whole test suite against them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/venv.sh"
cd "$ROOT"

venv_install requirements-dev.txt

# The browser test drives Debian's Chromium (never a downloaded browser) and needs CJK fonts
# to render the Chinese UI.
missing=()
for pkg in chromium fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "[test] installing ${missing[*]} from Debian's packages" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >/tmp/jyt-apt.log 2>&1
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >>/tmp/jyt-apt.log 2>&1 || { echo "[test] FAILED: apt-get install ${missing[*]} (log: /tmp/jyt-apt.log)" >&2; exit 1; }
fi

bash scripts/services.sh start
eval "$(bash scripts/services.sh env)"
bash scripts/services.sh status

echo "[test] ruff" >&2
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .

echo "[test] pytest" >&2
exec "$VENV/bin/python" -m pytest "$@"
