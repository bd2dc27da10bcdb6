#!/usr/bin/env bash
# Runs every test against a throwaway PostgreSQL cluster on 127.0.0.1:55433, removed afterwards.
# ./test.sh --fast runs the unit tier alone ([Trait("Tier", "unit")]): no PostgreSQL, no Chromium.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
source scripts/require-dotnet.sh

fast=0
case "${1:-}" in
  --fast) fast=1 ;;
  "") ;;
  *) echo "usage: ./test.sh [--fast]" >&2; exit 2 ;;
esac

# One closing line that any CI reads: the totals over every test assembly.
total() { grep -oE "$1: +[0-9]+" "$LOG" | awk '{ s += $2 } END { print s + 0 }'; }
finish() {
  local status=$1 passed failed
  passed=$(total Passed)
  failed=$(total Failed)
  echo "$passed passed, $failed failed"
  if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
    echo "no test ran" >&2
    status=1
  fi
  exit "$status"
}

if [ "$fast" -eq 1 ]; then
  mkdir -p "$ROOT/.data"
  LOG="$ROOT/.data/test-fast-output.log"
  # No server is started: a unit test that reached for one would meet a refused port and fail, naming its wrong tier.
  export RETAILINSIGHTS_TEST_ADMIN_CONNECTION="Host=127.0.0.1;Port=9;Username=postgres;Database=postgres;Timeout=3"
  status=0
  dotnet test RetailInsights.sln -c Release -nologo --filter Tier=unit --blame-hang-timeout 5m 2>&1 | tee "$LOG" || status=$?
  finish "$status"
fi

# Browser tests drive Debian's Chromium (never a downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing Debian's chromium for the browser tests…" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test.sh: the browser tests need Chromium: sudo apt-get install -y chromium" >&2
    exit 3
  fi
fi

export RI_PG_DATA="$ROOT/.data/pg-test" RI_PG_FAST=1
scripts/pg.sh destroy >/dev/null 2>&1 || true
# 55433 unless another cluster (a second checkout's tests, say) holds it.
RI_PG_PORT=55433
while (exec 3<>"/dev/tcp/127.0.0.1/$RI_PG_PORT") 2>/dev/null; do RI_PG_PORT=$((RI_PG_PORT + 1)); done
export RI_PG_PORT
export RETAILINSIGHTS_TEST_ADMIN_CONNECTION
RETAILINSIGHTS_TEST_ADMIN_CONNECTION="$(scripts/pg.sh connection postgres postgres)"
trap 'scripts/pg.sh destroy' EXIT
scripts/pg.sh start

# .data/ is ours to create: pg.sh puts the cluster outside the checkout when the postgres user cannot enter it.
mkdir -p "$ROOT/.data"
LOG="$ROOT/.data/test-output.log"
status=0
# A hung test fails the run (with a dump) instead of holding CI until its limit.
dotnet test RetailInsights.sln -c Release -nologo --blame-hang-timeout 5m 2>&1 | tee "$LOG" || status=$?
finish "$status"
