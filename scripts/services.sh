#!/usr/bin/env bash
# Start, stop and inspect the real services the tests and production-mode runs use:
# PostgreSQL and Redis from Debian's packages, Elasticsearch from Elastic's integ-test-zip
# on Maven Central. Idempotent: running `start` twice leaves one of each running.
#
#   scripts/services.sh start [postgres|redis|elasticsearch ...]
#   scripts/services.sh stop  [...]
#   scripts/services.sh status
#   scripts/services.sh env        # prints export lines for DATABASE_URL, REDIS_URL, ELASTICSEARCH_URL
#   scripts/services.sh start es-cluster   # two more Elasticsearch nodes on 9201 and 9202, never
#                                          # started by default; `env es-cluster` prints their URLs
#
# When ELASTICSEARCH_URL is set in the environment, that server is used and nothing is started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Unpacked distributions, data and logs. Outside $HOME on purpose: the services run as their own
# users (postgres, and a dedicated one for Elasticsearch), who cannot enter root's home.
# The Elasticsearch zip itself is cached by Maven in ~/.m2, which survives between runs.
CACHE_DIR="${JYT_SERVICES_DIR:-/var/lib/jiuyetong}"
STATE_DIR="$CACHE_DIR/state"

PG_PORT="${JYT_PG_PORT:-5432}"
PG_USER="${JYT_PG_USER:-jiuyetong}"
PG_PASSWORD="${JYT_PG_PASSWORD:-jiuyetong}"
PG_DB="${JYT_PG_DB:-jiuyetong}"
REDIS_PORT="${JYT_REDIS_PORT:-6379}"
ES_VERSION="${JYT_ES_VERSION:-9.5.4}"
ES_PORT="${JYT_ES_PORT:-9200}"
ES_HEAP="${JYT_ES_HEAP:-1g}"
ES_USER="${JYT_ES_USER:-jytsearch}"
ES_HOME="$CACHE_DIR/elasticsearch-$ES_VERSION"
ES_STATE="$STATE_DIR/elasticsearch"

log() { printf '[services] %s\n' "$*" >&2; }
# One clear line naming the service and where its log is, then a non-zero exit.
die() { printf '[services] FAILED: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    as_root apt-get update -qq >"$STATE_DIR/apt.log" 2>&1 || die "apt-get update (log: $STATE_DIR/apt.log)"
    APT_UPDATED=1
  fi
  log "installing ${missing[*]} from Debian's packages"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >>"$STATE_DIR/apt.log" 2>&1 || die "apt-get install ${missing[*]} (log: $STATE_DIR/apt.log)"
}

wait_for() {  # wait_for <seconds> <command...>
  local timeout="$1"; shift
  local waited=0
  until "$@" >/dev/null 2>&1; do
    sleep 1; waited=$((waited + 1))
    [ "$waited" -ge "$timeout" ] && return 1
  done
  return 0
}

# ---------------------------------------------------------------- PostgreSQL
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
pg_data() { echo "$STATE_DIR/postgres/data"; }
pg_log() { echo "$STATE_DIR/postgres/postgres.log"; }
pg_ready() { "$(pg_bin)/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q; }

postgres_start() {
  apt_install postgresql postgresql-client
  local bin data; bin="$(pg_bin)"; data="$(pg_data)"
  if pg_ready; then
    log "postgres already accepting connections on 127.0.0.1:$PG_PORT"
  else
    mkdir -p "$STATE_DIR/postgres"
    chown postgres:postgres "$STATE_DIR/postgres"
    if [ ! -s "$data/PG_VERSION" ]; then
      log "initialising a PostgreSQL cluster in $data"
      runuser -u postgres -- "$bin/initdb" -D "$data" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$STATE_DIR/postgres/initdb.log" 2>&1 \
        || die "postgres initdb (log: $STATE_DIR/postgres/initdb.log)"
    fi
    log "starting postgres on 127.0.0.1:$PG_PORT"
    touch "$(pg_log)" && chown postgres:postgres "$(pg_log)"
    runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$(pg_log)" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k /tmp -c fsync=off -c max_connections=200" \
      >/dev/null 2>&1 || die "postgres did not start (log: $(pg_log))"
  fi
  # The role may create databases: the test runner makes test_<name>.
  local psql=("$bin/psql" -h /tmp -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
  if ! runuser -u postgres -- "${psql[@]}" -c "select 1" >/dev/null 2>&1; then
    # A cluster we did not create (e.g. Debian's own on this port): use its socket directory.
    psql=("$bin/psql" -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtA)
  fi
  runuser -u postgres -- "${psql[@]}" -c "DO \$\$BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
        CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
      END IF; END\$\$;" >/dev/null || die "postgres role $PG_USER (log: $(pg_log))"
  if [ "$(runuser -u postgres -- "${psql[@]}" -c "select 1 from pg_database where datname='$PG_DB'")" != "1" ]; then
    runuser -u postgres -- "${psql[@]}" -c "CREATE DATABASE $PG_DB OWNER $PG_USER" >/dev/null \
      || die "postgres database $PG_DB (log: $(pg_log))"
  fi
  log "postgres ready: $(runuser -u postgres -- "${psql[@]}" -c 'show server_version')"
}

postgres_stop() {
  local bin; bin="$(pg_bin)"
  [ -n "$bin" ] && [ -s "$(pg_data)/postmaster.pid" ] || { log "postgres not running"; return 0; }
  runuser -u postgres -- "$bin/pg_ctl" -D "$(pg_data)" -m fast -w stop >/dev/null 2>&1 || true
  log "postgres stopped"
}

postgres_status() {
  if [ -n "$(pg_bin)" ] && pg_ready; then echo "postgres: up on 127.0.0.1:$PG_PORT"; else echo "postgres: down"; return 1; fi
}

# --------------------------------------------------------------------- Redis
redis_log() { echo "$STATE_DIR/redis/redis.log"; }
redis_ready() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

redis_start() {
  apt_install redis-server
  if redis_ready; then log "redis already answering on 127.0.0.1:$REDIS_PORT"; return 0; fi
  mkdir -p "$STATE_DIR/redis"
  log "starting redis on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --dir "$STATE_DIR/redis" \
    --logfile "$(redis_log)" --pidfile "$STATE_DIR/redis/redis.pid" --save "" --appendonly no \
    || die "redis did not start (log: $(redis_log))"
  wait_for 30 redis_ready || die "redis did not answer PING within 30 s (log: $(redis_log))"
  log "redis ready: $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" info server | grep -o 'redis_version:[^[:space:]]*')"
}

redis_stop() {
  redis_ready || { log "redis not running"; return 0; }
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  log "redis stopped"
}

redis_status() {
  if redis_ready; then echo "redis: up on 127.0.0.1:$REDIS_PORT"; else echo "redis: down"; return 1; fi
}

# ------------------------------------------------------------- Elasticsearch
es_url() { echo "${ELASTICSEARCH_URL:-http://127.0.0.1:$ES_PORT}"; }
es_log() { echo "$ES_STATE/logs/jiuyetong.log"; }
es_healthy() {
  curl -fsS -m 5 "$(es_url)/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null | grep -q '"status":"\(green\|yellow\)"'
}
es_version() {
  # The integ-test-zip has no root endpoint; the nodes API carries the version.
  curl -fsS -m 5 "$(es_url)/_nodes/_local?filter_path=nodes.*.version" 2>/dev/null \
    | grep -o '"version":"[^"]*"' | head -1 | cut -d'"' -f4
}

java_home_21() {
  # Elasticsearch 9 needs Java 21+. Prefer an explicit ES_JAVA_HOME, then the newest JDK found.
  if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
  local jdk major
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
    [ -x "$jdk/bin/java" ] || continue
    major="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')"
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then echo "${jdk%/}"; return; fi
  done
}

es_fetch() {
  [ -x "$ES_HOME/bin/elasticsearch" ] && return 0
  local zip_dir="$CACHE_DIR/downloads"
  local zip="$zip_dir/elasticsearch-$ES_VERSION.zip"
  mkdir -p "$zip_dir"
  if [ ! -s "$zip" ]; then
    command -v mvn >/dev/null || die "elasticsearch: Maven (mvn) is needed to fetch the distribution"
    log "fetching org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip from Maven Central"
    mvn -q -B dependency:copy \
      -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
      -DoutputDirectory="$zip_dir" >"$zip_dir/mvn.log" 2>&1 \
      || die "elasticsearch: Maven could not fetch $ES_VERSION (log: $zip_dir/mvn.log)"
  fi
  log "unpacking Elasticsearch $ES_VERSION into $CACHE_DIR"
  apt_install unzip
  rm -rf "$ES_HOME.tmp" && mkdir -p "$ES_HOME.tmp"
  unzip -q "$zip" -d "$ES_HOME.tmp" || die "elasticsearch: could not unpack $zip"
  mv "$ES_HOME.tmp/elasticsearch-$ES_VERSION" "$ES_HOME" && rm -rf "$ES_HOME.tmp"
}

es_prepare() {  # es_prepare <state dir>: the distribution, its user, and the node's folders
  apt_install curl
  es_fetch
  [ -n "$(java_home_21)" ] || die "elasticsearch: no Java 21+ found under /usr/lib/jvm (set ES_JAVA_HOME)"
  # Elasticsearch refuses to run as root: a dedicated system user runs it.
  id "$ES_USER" >/dev/null 2>&1 || as_root useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
  mkdir -p "$1/data" "$1/logs" "$1/config" "$1/tmp"
  cp -n "$ES_HOME/config/"* "$1/config/" 2>/dev/null || true
}

es_launch() {  # es_launch <state dir> <heap> <name for messages>: start the node configured there
  local dir="$1" heap="$2" name="$3"
  chown -R "$ES_USER" "$dir"
  # The user must be able to read the distribution and reach its state directory.
  chmod o+rx "$CACHE_DIR" "$STATE_DIR" "$(dirname "$dir")"
  chmod -R o+rX "$ES_HOME"
  rm -f "$dir/es.pid"
  # setsid: the server must not belong to the caller's process group, or a job control that ends
  # the caller (a test that restarted it, a CI step) would take the server down with it.
  setsid runuser -u "$ES_USER" -- env ES_JAVA_HOME="$(java_home_21)" ES_PATH_CONF="$dir/config" \
    ES_JAVA_OPTS="-Xms$heap -Xmx$heap" ES_TMPDIR="$dir/tmp" \
    "$ES_HOME/bin/elasticsearch" -d -p "$dir/es.pid" >"$dir/logs/startup.log" 2>&1 \
    || die "$name did not start (log: $dir/logs/startup.log)"
}

es_start() {
  if [ -n "${ELASTICSEARCH_URL:-}" ]; then
    es_healthy || die "elasticsearch: ELASTICSEARCH_URL=$ELASTICSEARCH_URL is set but does not answer /_cluster/health"
    log "elasticsearch: using $ELASTICSEARCH_URL (version $(es_version)); nothing started"
    return 0
  fi
  if es_healthy; then log "elasticsearch already healthy at $(es_url) (version $(es_version))"; return 0; fi
  es_prepare "$ES_STATE"
  cat >"$ES_STATE/config/elasticsearch.yml" <<EOF
cluster.name: jiuyetong
node.name: jiuyetong-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $ES_PORT
path.data: $ES_STATE/data
path.logs: $ES_STATE/logs
xpack.security.enabled: false
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  log "starting Elasticsearch $ES_VERSION on 127.0.0.1:$ES_PORT (heap $ES_HEAP)"
  es_launch "$ES_STATE" "$ES_HEAP" elasticsearch
  wait_for 180 es_healthy || die "elasticsearch not healthy within 180 s (log: $(es_log))"
  log "elasticsearch ready at $(es_url): version $(es_version)"
}

es_halt() {  # es_halt <state dir> <name for messages>: stop the node started there, within a minute
  local pid
  pid="$(cat "$1/es.pid" 2>/dev/null || true)"
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then log "$2 not running"; return 0; fi
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$1/es.pid"
  log "$2 stopped"
}

es_stop() {
  if [ -n "${ELASTICSEARCH_URL:-}" ]; then log "elasticsearch: external server, not stopped"; return 0; fi
  es_halt "$ES_STATE" elasticsearch
}

es_status() {
  if es_healthy; then echo "elasticsearch: up at $(es_url), version $(es_version)"; else echo "elasticsearch: down"; return 1; fi
}

# ------------------------------------------- Elasticsearch as a two-node cluster
# The same distribution as above, two more nodes on loopback for the replica test and for trying
# the deployment's topology: node 1 (HTTP 9201, transport 9301) is master-eligible and holds data,
# node 2 (9202, 9302) holds data only. A two-node cluster can lose only its data-only node without
# losing its master (a master needs a majority of the voting nodes); production runs three
# master-eligible nodes so that any one may stop (README, "Production topology").
ESC_HEAP="${JYT_ES_CLUSTER_HEAP:-512m}"
ESC_STATE="$STATE_DIR/es-cluster"
esc_http_port() { echo $((9200 + $1)); }
esc_url() { echo "http://127.0.0.1:$(esc_http_port "$1")"; }
esc_urls() { echo "$(esc_url 1),$(esc_url 2)"; }
esc_dir() { echo "$ESC_STATE/node-$1"; }
esc_up() { curl -fsS -m 5 "$(esc_url "$1")/_cluster/health?timeout=1s" 2>/dev/null | grep -q '"status"'; }
esc_nodes() {  # how many nodes the cluster has, as node 1 sees it
  curl -fsS -m 5 "$(esc_url 1)/_cat/nodes?h=name" 2>/dev/null | grep -c . || true
}
esc_formed() { [ "$(esc_nodes)" = 2 ]; }

esc_node_start() {
  local n="$1" dir roles; dir="$(esc_dir "$n")"
  if esc_up "$n"; then log "es-cluster node $n already up at $(esc_url "$n")"; return 0; fi
  es_prepare "$dir"
  roles="[ data, ingest ]"
  [ "$n" = 1 ] && roles="[ master, data, ingest ]"
  cat >"$dir/config/elasticsearch.yml" <<YAML
cluster.name: jiuyetong-cluster
node.name: jiuyetong-c$n
node.roles: $roles
network.host: 127.0.0.1
http.port: $(esc_http_port "$n")
transport.port: $((9300 + n))
discovery.seed_hosts: ["127.0.0.1:9301", "127.0.0.1:9302"]
cluster.initial_master_nodes: ["jiuyetong-c1"]
path.data: $dir/data
path.logs: $dir/logs
xpack.security.enabled: false
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
YAML
  log "starting es-cluster node $n on 127.0.0.1:$(esc_http_port "$n") (heap $ESC_HEAP)"
  es_launch "$dir" "$ESC_HEAP" "es-cluster node $n"
}

esc_wait() {  # until both nodes answer and have joined one cluster
  wait_for 180 esc_up 1 || die "es-cluster node 1 not answering within 180 s (logs: $(esc_dir 1)/logs)"
  wait_for 180 esc_up 2 || die "es-cluster node 2 not answering within 180 s (logs: $(esc_dir 2)/logs)"
  wait_for 120 esc_formed || die "es-cluster: the two nodes did not form one cluster (logs: $ESC_STATE)"
  log "es-cluster ready at $(esc_urls): 2 nodes"
}

esc_node_stop() { es_halt "$(esc_dir "$1")" "es-cluster node $1"; }

escluster_start() { esc_node_start 1; esc_node_start 2; esc_wait; }
escluster_stop() { esc_node_stop 2; esc_node_stop 1; }
escluster_status() {
  if esc_up 1 && esc_up 2; then echo "es-cluster: up at $(esc_urls), $(esc_nodes) nodes"
  else echo "es-cluster: down or partial"; return 1; fi
}
escluster1_start() { esc_node_start 1; wait_for 180 esc_up 1 || die "es-cluster node 1 not answering (logs: $(esc_dir 1)/logs)"; }
escluster1_stop() { esc_node_stop 1; }
escluster1_status() { if esc_up 1; then echo "es-cluster node 1: up"; else echo "es-cluster node 1: down"; return 1; fi; }
escluster2_start() { esc_node_start 2; esc_wait; }
escluster2_stop() { esc_node_stop 2; }
escluster2_status() { if esc_up 2; then echo "es-cluster node 2: up"; else echo "es-cluster node 2: down"; return 1; fi; }

# ---------------------------------------------------------------------- main
env_lines() {
  echo "export DATABASE_URL=postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
  echo "export REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0"
  echo "export ELASTICSEARCH_URL=$(es_url)"
}

services_from_args() {
  local list=("$@")
  [ "${#list[@]}" -eq 0 ] && list=(postgres redis elasticsearch)
  for s in "${list[@]}"; do
    case "$s" in
      postgres|postgresql|pg) echo postgres ;;
      redis) echo redis ;;
      elasticsearch|es) echo es ;;
      es-cluster) echo escluster ;;
      es-cluster-1) echo escluster1 ;;
      es-cluster-2) echo escluster2 ;;
      *) die "unknown service '$s' (postgres, redis, elasticsearch, es-cluster, es-cluster-1, es-cluster-2)" ;;
    esac
  done
}

main() {
  local cmd="${1:-status}"; shift || true
  as_root mkdir -p "$CACHE_DIR" "$STATE_DIR"
  case "$cmd" in
    start) for s in $(services_from_args "$@"); do "${s}_start"; done ;;
    stop) for s in $(services_from_args "$@"); do "${s}_stop"; done ;;
    restart) for s in $(services_from_args "$@"); do "${s}_stop"; "${s}_start"; done ;;
    status)
      local rc=0
      for s in $(services_from_args "$@"); do "${s}_status" || rc=1; done
      return $rc ;;
    env)
      if [ "${1:-}" = es-cluster ]; then echo "export ELASTICSEARCH_URL=$(esc_urls)"; else env_lines; fi ;;
    *) echo "usage: $0 start|stop|restart|status|env [postgres|redis|elasticsearch ...]" >&2; exit 2 ;;
  esac
}

main "$@"
