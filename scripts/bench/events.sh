# ./bench.sh events [RATES]: the app and PostgreSQL (durable: fsync on) on this machine, a POS simulator on loopback:
# each rate for 20 s (default 1000 2500 5000 7500 10000 events/s) with its p99 and lost or doubled events, then the
# target rate for a minute, and the time from the API's answer to the Live page showing the sale.

events_run() {
  local rate="$1" seconds="$2" source="$3" key="$4" port="$5"
  local minutes
  minutes=$(echo "$seconds" | awk '{ printf "%.3f", $1 / 60 }')
  local line
  line=$("${APP[@]}" simulate --url "http://127.0.0.1:$port" --api-key "$key" --rate "$rate" --minutes "$minutes" \
    --refund-share 0.1 --source "$source" 2>>"$ROOT/.data/bench-events-simulator.log" | tail -n 1) || true
  local stored
  stored=$("${PSQL[@]}" -d bench_events -c "SELECT count(*) FROM live_events WHERE retailer_id = (SELECT retailer_id FROM dim_retailer WHERE code = '$source')")
  python3 - "$rate" "$line" "$stored" <<'PY'
import json, sys
rate, line, stored = int(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3])
lost = line["acknowledged"] - stored
ok = line["failed"] == 0 and lost == 0 and line["p99_ms"] < 500
print(f"  {rate:>7} {line['rate']:>9} {line['p50_ms']:>8} {line['p95_ms']:>8} {line['p99_ms']:>8} {line['acknowledged']:>9} {stored:>9} "
      f"{line['failed']:>7}   {'sustained' if ok else 'not sustained'}")
PY
}

events() {
  local rates="${*:-1000 2500 5000 7500 10000}"
  RI_BENCH_DURABLE=1 bench_cluster
  bench_app
  local data="$ROOT/.data/bench-events"
  rm -rf "$data" && mkdir -p "$data"
  bench_database bench_events
  export Ingestion__StagingPath="$data/staging"
  # The stores and catalog the simulator sells from, so pages name them.
  "${APP[@]}" generate --days 1 --out "$data/demo" >/dev/null
  "${APP[@]}" import "$data/demo/store_locations.csv" "$data/demo/product_catalog.csv" >/dev/null
  local key password="Bench-password-42!"
  key=$("${APP[@]}" api-keys create --name bench | grep -oE 'ri_[A-Za-z0-9_-]+' | head -n 1)
  printf '%s\n' "$password" | "${APP[@]}" users add --email bench@retailinsights.local --role Marketing >/dev/null 2>&1 || true
  local port=5190
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  (cd "$ROOT/RetailInsights.Web" && exec env ASPNETCORE_ENVIRONMENT=Development Hangfire__RunServer=false RateLimits__EventsPerMinute=1000000 RateLimits__EventsPerKeyPerMinute=1000000 \
    "${APP[@]}" --urls "http://127.0.0.1:$port" > "$ROOT/.data/bench-events-app.log" 2>&1) &
  EVENTS_APP_PID=$!
  trap 'kill $EVENTS_APP_PID 2>/dev/null || true; scripts/pg.sh destroy >/dev/null 2>&1 || true' EXIT
  for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
  dotnet build RetailInsights.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly

  {
    echo "Events benchmark, $(nproc) cores, app + PostgreSQL (fsync on) + simulator on one machine, batches of a fifth of a second:"
    printf '  %7s %9s %8s %8s %8s %9s %9s %7s\n' "rate/s" "achieved" "p50 ms" "p95 ms" "p99 ms" "acked" "stored" "failed"
    local i=0
    for rate in $rates; do
      i=$((i + 1))
      events_run "$rate" 20 "step$i" "$key" "$port"
    done
    echo "  a minute at the target:"
    events_run "${RI_BENCH_TARGET:-5000}" 60 target "$key" "$port"
    dotnet "$ROOT/RetailInsights.Benchmarks/bin/Release/net10.0/RetailInsights.Benchmarks.dll" live-latency \
      "http://127.0.0.1:$port" bench@retailinsights.local "$password" "$key" 10
  } | tee "$ROOT/.data/bench-events.txt"
  kill "$EVENTS_APP_PID" 2>/dev/null; wait "$EVENTS_APP_PID" 2>/dev/null || true
}
