#!/usr/bin/env bash
# Benchmarks that print measured figures beside their reference (never asserted in tests).
#   ./bench.sh ingest [LINES]   generated transaction lines through the import command vs psql \copy into a bare table
#   ./bench.sh pages [SIZES]     dashboard queries p50/p95 at 5M and 20M lines (and the Overview in Chromium)
#   ./bench.sh events [RATES]    live events: sustained rate with p99 < 500 ms, nothing lost or doubled; Live page latency
#   ./bench.sh memory [CUSTOMERS] peak memory of the import on a file naming that many distinct customers (default 2M)
#   ./bench.sh core ARGS...     the in-process benchmarks of RetailInsights.Benchmarks (mining, segments, generate…)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
source scripts/require-dotnet.sh

source scripts/bench/common.sh
for part in scripts/bench/*.sh; do [ "$part" = scripts/bench/common.sh ] || source "$part"; done

case "${1:-}" in
  ingest) shift; ingest "$@" ;;
  memory) shift; memory "$@" ;;
  pages) shift; pages "$@" ;;
  events) shift; events "$@" ;;
  core) shift; dotnet run -c Release --project RetailInsights.Benchmarks -- "$@" ;;
  *) sed -n '2,7p' "$0" | sed 's/^# //'; exit 2 ;;
esac
