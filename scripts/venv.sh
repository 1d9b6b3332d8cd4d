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
