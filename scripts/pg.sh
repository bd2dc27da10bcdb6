#!/usr/bin/env bash
# A local PostgreSQL for RetailInsights, run from the repository: scripts/pg.sh start|stop|status|reset|destroy|connection
#   RI_PG_PORT (default 55432)   RI_PG_DATA (default .data/pg)   RI_PG_FAST=1 (throwaway: no fsync)
# `connection [DATABASE [USER]]` prints the Npgsql connection string of this cluster (default: the app's database and
# role), for the scripts to hand to the app: appsettings.Development.json names only the default port.
# Installs Debian's postgresql package when missing (as root; otherwise says what to run), creates the cluster,
# listens on 127.0.0.1 only, and creates the role and database `retailinsights`. `start` twice is fine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${RI_PG_PORT:-55432}"
DATA="${RI_PG_DATA:-$ROOT/.data/pg}"
case "$DATA" in /*) ;; *) DATA="$ROOT/$DATA" ;; esac

# As root the server runs as `postgres`, which cannot reach a checkout under a private home (e.g. /root):
# then the cluster lives under /var/tmp, at a path derived from the checkout so that stop/status find it.
if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
  probe="$DATA"; while [ ! -e "$probe" ]; do probe=$(dirname "$probe"); done
  if ! runuser -u postgres -- test -x "$probe"; then
    DATA="/var/tmp/retailinsights-pg-$(printf '%s' "$DATA" | md5sum | cut -c1-12)"
  fi
fi
LOG="$DATA.log"

say() { printf 'pg.sh: %s\n' "$*" >&2; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

ensure_installed() {
  PGBIN=$(find_bin || true)
  [ -n "${PGBIN:-}" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "PostgreSQL is not installed. Install it with: sudo apt-get install -y postgresql  (then run this again)"
    exit 3
  fi
  say "installing Debian's postgresql package…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PGBIN=$(find_bin || true)
  [ -n "${PGBIN:-}" ] || { say "postgresql installed but initdb not found under /usr/lib/postgresql"; exit 3; }
}

# initdb and the server refuse to run as root: run them as the postgres user when we are root, from / (the
# postgres user may not be able to enter the folder we were started in; every path handed over is absolute).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

psql_admin() { "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

is_running() { [ -n "${PGBIN:-}" ] && [ -f "$DATA/PG_VERSION" ] && as_owner "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

# The port the running server listens on: the fourth line of postmaster.pid.
running_port() { sed -n 4p "$DATA/postmaster.pid" 2>/dev/null; }

start() {
  ensure_installed
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    [ "$(id -u)" -eq 0 ] && chown postgres "$DATA" && chmod 700 "$DATA"
    say "creating cluster in $DATA"
    as_owner "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if is_running; then
    local actual
    actual=$(running_port)
    if [ "$actual" != "$PORT" ]; then
      # Carrying on would hand the app port $PORT while this cluster listens elsewhere (or another server answers).
      say "the cluster in $DATA is already running on 127.0.0.1:$actual, not $PORT:" \
        "stop it first (scripts/pg.sh stop) or use RI_PG_PORT=$actual"
      exit 1
    fi
    say "already running on 127.0.0.1:$PORT"
  else
    local opts="-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories='' -c max_connections=200"
    if [ "${RI_PG_FAST:-0}" = "1" ]; then
      opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    touch "$LOG"; [ "$(id -u)" -eq 0 ] && chown postgres "$LOG"
    if ! as_owner "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 -o "$opts" start >/dev/null; then
      say "PostgreSQL did not start; last lines of $LOG:"; tail -n 20 "$LOG" >&2; exit 1
    fi
    say "started on 127.0.0.1:$PORT"
  fi
  if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'retailinsights'")" != "1" ]; then
    psql_admin -c "CREATE ROLE retailinsights LOGIN CREATEDB"
  fi
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'retailinsights'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE retailinsights OWNER retailinsights"
  fi
}

stop() {
  PGBIN=$(find_bin || true)
  if is_running; then
    as_owner "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

status() {
  PGBIN=$(find_bin || true)
  if is_running; then say "running on 127.0.0.1:$(running_port) (data $DATA)"; else say "not running (data $DATA)"; exit 1; fi
}

# Drops the app's database and creates it empty (the cluster keeps running): for ./run.sh --reset.
reset() {
  start
  psql_admin -c "DROP DATABASE IF EXISTS retailinsights WITH (FORCE)"
  psql_admin -c "CREATE DATABASE retailinsights OWNER retailinsights"
  say "database retailinsights dropped and created empty"
}

# Stops the cluster and deletes its data: for throwaway test clusters only.
destroy() {
  stop
  rm -rf "$DATA" "$LOG"
  say "removed $DATA"
}

connection() {
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s\n' "$PORT" "${1:-retailinsights}" "${2:-retailinsights}"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  reset) reset ;;
  destroy) destroy ;;
  connection) shift; connection "$@" ;;
  *) echo "usage: scripts/pg.sh start|stop|status|reset|destroy|connection [DATABASE [USER]]" >&2; exit 2 ;;
esac
