# Sourced by run.sh and test.sh: create .venv and install a requirements file into it.
# Installs are skipped when the file has not changed since the last successful install.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${JYT_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

venv_install() {  # venv_install <requirements file>
  local req="$1"
  if [ ! -x "$VENV/bin/python" ]; then
    echo "[setup] creating virtual environment in $VENV" >&2
    "$PYTHON" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-$(basename "$req")"
  local digest
  digest="$(cat "$ROOT/$req" "$ROOT/requirements.txt" "$ROOT/constraints.txt" | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ]; then
    return 0
  fi
  echo "[setup] installing $req (the first time downloads torch, a few GB)" >&2
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q --upgrade pip
  "$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar on \
    -r "$ROOT/$req" -c "$ROOT/constraints.txt"
  echo "$digest" >"$stamp"
}

apt_ensure() {  # apt_ensure <tag> <package>...: install missing Debian packages (root, or sudo)
  local tag="$1"; shift
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "[$tag] WARNING: ${missing[*]} not installed (needs root or sudo)" >&2; return 1; }
    sudo="sudo"
  fi
  echo "[$tag] installing ${missing[*]} from Debian's packages" >&2
  $sudo apt-get update -qq >/tmp/jyt-apt.log 2>&1
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >>/tmp/jyt-apt.log 2>&1 || { echo "[$tag] FAILED: apt-get install ${missing[*]} (log: /tmp/jyt-apt.log)" >&2; return 1; }
}
