#!/usr/bin/env bash
# The README's first command: install and serve the embedded default (SQLite, in-memory channel
# layer, inline Celery, in-process search) over ASGI at http://127.0.0.1:8000. No servers needed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/venv.sh"
cd "$ROOT"

venv_install requirements.txt
# Event posters draw Chinese with Debian's Noto CJK fonts (SIL OFL 1.1). Without them everything
# else works and the poster page says what is missing.
apt_ensure run fonts-noto-cjk || echo "[run] event posters need fonts-noto-cjk (or POSTER_FONT_PATH)" >&2
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-config.settings.embedded}"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"

"$VENV/bin/python" manage.py migrate --no-input
# The offline Chinese embedding model: trained once in seconds, then a no-op while its inputs stand.
"$VENV/bin/python" manage.py build_embedding_model
# The taxonomy, the handcrafted demo employers and the seeded marketplace (once; kept on restarts).
"$VENV/bin/python" manage.py seed_demo --if-missing
# Seeding writes in bulk, past the index's signals: rebuild the embedded index from the database.
"$VENV/bin/python" manage.py search_index --rebuild
echo "[run] serving 就业通 at http://$HOST:$PORT/ (Ctrl-C to stop)" >&2
exec "$VENV/bin/daphne" -b "$HOST" -p "$PORT" config.asgi:application
