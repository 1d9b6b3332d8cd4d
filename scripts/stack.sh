#!/usr/bin/env bash
# 就业通 in production mode on this machine: the services, then the processes deploy/systemd runs
# (N daphne, one Celery worker, one beat), with the same commands, behind no proxy.
#
#   scripts/stack.sh start     # services, migrate, collectstatic, then the processes; waits until
#                              # every server answers /healthz and the worker answers a ping
#   scripts/stack.sh status
#   scripts/stack.sh stop
#
# JYT_STACK_DIR (var/stack) holds logs, pids, generated secrets and the beat schedule;
# JYT_STACK_SERVERS (2) daphne processes from port JYT_STACK_PORT (8001); JYT_STACK_QUEUE (celery).
# DATABASE_URL / REDIS_URL / ELASTICSEARCH_URL from the environment win over scripts/services.sh's.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${JYT_STACK_DIR:-$ROOT/var/stack}"
SERVERS="${JYT_STACK_SERVERS:-2}"
FIRST_PORT="${JYT_STACK_PORT:-8001}"
QUEUE="${JYT_STACK_QUEUE:-celery}"
VENV="${JYT_VENV:-$ROOT/.venv}"

log() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] FAILED: %s\n' "$*" >&2; exit 1; }

ports() { seq "$FIRST_PORT" $((FIRST_PORT + SERVERS - 1)); }

alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# The environment every process reads, like /etc/jiuyetong/jiuyetong.env: secrets generated once.
write_env() {
  mkdir -p "$DIR/var"
  if [ ! -s "$DIR/secrets.env" ]; then
    umask 077
    {
      echo "DJANGO_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')"
      echo "FIELD_ENCRYPTION_KEYS=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
    } >"$DIR/secrets.env"
  fi
  set -a
  # shellcheck disable=SC1091
  . "$DIR/secrets.env"
  if [ -z "${DATABASE_URL:-}" ] || [ -z "${REDIS_URL:-}" ] || [ -z "${ELASTICSEARCH_URL:-}" ]; then
    eval "$(bash "$ROOT/scripts/services.sh" env)"
  fi
  DJANGO_SETTINGS_MODULE=config.settings.production
  DJANGO_ALLOWED_HOSTS="${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}"
  DJANGO_SECURE_SSL_REDIRECT=0     # plain HTTP on loopback: no proxy terminates TLS here
  DJANGO_SECURE_COOKIES=0
  JYT_VAR_DIR="$DIR/var"
  ELASTICSEARCH_INDEX_PREFIX="${ELASTICSEARCH_INDEX_PREFIX:-jyt-stack}"
  CELERY_TASK_DEFAULT_QUEUE="$QUEUE"
  MATCHING_EMBEDDING_MODEL="${MATCHING_EMBEDDING_MODEL:-$DIR/var/models/jiuyetong-zh-static}"
  set +a
}

manage() { (cd "$ROOT" && "$VENV/bin/python" manage.py "$@"); }

# start <name> <command...>: in a session of its own, so stop ends it and its children together.
spawn() {
  local name="$1"; shift
  if alive "$DIR/$name.pid"; then log "$name already running (pid $(cat "$DIR/$name.pid"))"; return; fi
  # The process writes its own pid (setsid may fork, and then $! is the wrong one), then becomes
  # the command, in a session of its own.
  # exec: no shell stays behind waiting for it, holding this script's stdout open.
  (cd "$ROOT" && exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$DIR/$name.pid" "$@") >>"$DIR/$name.log" 2>&1 </dev/null &
  local waited=0
  until [ -s "$DIR/$name.pid" ]; do sleep 0.1; waited=$((waited + 1)); [ "$waited" -ge 100 ] && die "$name did not start"; done
  log "$name started (pid $(cat "$DIR/$name.pid"), log $DIR/$name.log)"
}

wait_healthy() {
  local port="$1" waited=0
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do
    alive "$DIR/web-$port.pid" || die "daphne on $port exited (log: $DIR/web-$port.log)"
    sleep 1; waited=$((waited + 1))
    [ "$waited" -ge 120 ] && die "daphne on $port did not answer /healthz in 120 s (log: $DIR/web-$port.log)"
  done
  log "web-$port healthy"
}

start() {
  [ -x "$VENV/bin/daphne" ] || die "no virtualenv at $VENV: run 'make run' or 'source scripts/venv.sh && venv_install requirements.txt'"
  mkdir -p "$DIR"
  if [ "${JYT_STACK_SKIP_SERVICES:-0}" != 1 ]; then bash "$ROOT/scripts/services.sh" start; fi
  write_env
  log "migrating, loading the taxonomy, collecting static files"
  manage migrate --no-input -v0
  manage load_occupations -v0
  manage collectstatic --no-input -v0
  manage build_embedding_model -v0  # once: a current build on disk is kept
  manage search_index --rebuild -v0
  spawn worker "$VENV/bin/celery" -A config worker --loglevel=INFO --concurrency=2 -Q "$QUEUE" -n "stack-$$@%h"
  spawn beat "$VENV/bin/celery" -A config beat --loglevel=INFO --schedule="$DIR/var/celerybeat-schedule"
  for port in $(ports); do
    spawn "web-$port" "$VENV/bin/daphne" -b 127.0.0.1 -p "$port" config.asgi:application
  done
  for port in $(ports); do wait_healthy "$port"; done
  local waited=0
  # os._exit: the result backend's listener thread would keep a plain exit waiting forever.
  until (cd "$ROOT" && timeout 30 "$VENV/bin/python" -c "
import os, django; django.setup()
from config.celery import ping
try:
    answered = bool(ping.apply_async(queue='$QUEUE').get(timeout=5))
except Exception:
    answered = False
os._exit(0 if answered else 1)" >/dev/null 2>&1); do
    alive "$DIR/worker.pid" || die "the worker exited (log: $DIR/worker.log)"
    waited=$((waited + 5)); [ "$waited" -ge 120 ] && die "the worker did not answer in 120 s (log: $DIR/worker.log)"
    sleep 1
  done
  log "worker answers; stack up: $(for p in $(ports); do printf 'http://127.0.0.1:%s ' "$p"; done)"
}

stop() {
  for pidfile in "$DIR"/*.pid; do
    [ -e "$pidfile" ] || continue
    if alive "$pidfile"; then
      kill -TERM -- "-$(cat "$pidfile")" 2>/dev/null || kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
    fi
  done
  for pidfile in "$DIR"/*.pid; do
    [ -e "$pidfile" ] || continue
    for _ in $(seq 1 30); do alive "$pidfile" || break; sleep 1; done
    if alive "$pidfile"; then kill -KILL -- "-$(cat "$pidfile")" 2>/dev/null || true; fi
    log "$(basename "$pidfile" .pid) stopped"
    rm -f "$pidfile"
  done
}

status() {
  local down=0
  for name in worker beat $(for p in $(ports); do echo "web-$p"; done); do
    if alive "$DIR/$name.pid"; then echo "$name: up (pid $(cat "$DIR/$name.pid"))"; else echo "$name: down"; down=1; fi
  done
  return "$down"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
