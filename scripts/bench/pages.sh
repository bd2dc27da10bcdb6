# ./bench.sh pages [SIZES]: a year of a 5-store chain at 5M and 20M lines (the generator's --invoices-per-day 3000 and
# 12000, seed 11), imported and analysed; then every dashboard page's data queries timed server side (100 views with
# varied filters, p50/p95), the Overview timed in Chromium, beside the import time and the database's size. The import's
# reference is the loader the issue measured (before the summaries existed), built from its commit and run on the same
# files on this machine right after ours: a figure from another day's machine would not compare.

# The commit whose loader the issue timed (its figure of that day: docs/benchmarks.md): main before the summary tables.
PAGES_REFERENCE_COMMIT=cf8ea44

pages_size() {
  local label="$1" per_day="$2" target="$3"
  local data="$ROOT/.data/bench-pages-$label" db="bench_pages_${label,,}"
  if [ ! -f "$data/.complete" ]; then
    rm -rf "$data"
    "${APP[@]}" generate --days 365 --invoices-per-day "$per_day" --seed 11 --end 2025-12-31 --out "$data" >/dev/null
    touch "$data/.complete"
  fi
  local lines
  lines=$(( $(cat "$data"/transactions_*.csv | wc -l) - $(ls "$data"/transactions_*.csv | wc -l) ))
  bench_database "$db"
  export Ingestion__StagingPath="$data/staging"
  local t0 import_s analyze_s
  t0=$(now); "${APP[@]}" import "$data" > "$data.import.jsonl"; import_s=$(since "$t0")
  t0=$(now); "${APP[@]}" analyze > "$data.analyze.json" || true; analyze_s=$(since "$t0")
  local size reference
  size=$("${PSQL[@]}" -d "$db" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")
  reference=$(pages_reference_import "$data" "$lines")
  {
    echo "== $label: $lines transaction lines; import $import_s s ($(per_second "$lines" "$import_s") lines/s), analyze $analyze_s s, database $size"
    echo "   reference: $reference"
    dotnet "$ROOT/RetailInsights.Benchmarks/bin/Release/net10.0/RetailInsights.Benchmarks.dll" pages 100 "$target"
    pages_browser "$db"
  } | tee -a "$ROOT/.data/bench-pages.txt"
}

# The reference loader's import of the same files into a database of its own (dropped after), as "N s (R lines/s)".
# Its app is built once from the commit's tree (git archive: no worktree left behind), beside the benchmark's data.
pages_reference_import() {
  local data="$1" lines="$2" dir="$ROOT/.data/bench-reference-$PAGES_REFERENCE_COMMIT"
  if ! git -C "$ROOT" cat-file -e "$PAGES_REFERENCE_COMMIT^{commit}" 2>/dev/null; then
    echo "the reference loader's commit $PAGES_REFERENCE_COMMIT is not in this clone's history"
    return
  fi
  if [ ! -f "$dir/app/RetailInsights.Web.dll" ]; then
    rm -rf "$dir" && mkdir -p "$dir/src"
    git -C "$ROOT" archive "$PAGES_REFERENCE_COMMIT" | tar -x -C "$dir/src"
    dotnet build "$dir/src/RetailInsights.Web" -c Release -o "$dir/app" -nologo -v quiet -clp:ErrorsOnly >&2
  fi
  local db=bench_pages_reference seconds
  # In a subshell: the reference app, its database and staging folder stay out of the rest of the benchmark.
  (APP=(dotnet "$dir/app/RetailInsights.Web.dll")
   bench_database "$db"
   export Ingestion__StagingPath="$dir/staging"
   t0=$(now); "${APP[@]}" import "$data" > "$dir/import.jsonl"; since "$t0" > "$dir/seconds")
  seconds=$(cat "$dir/seconds") && rm -rf "$dir/staging"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE $db"
  echo "the loader the issue timed ($PAGES_REFERENCE_COMMIT, no summaries), same files, this machine: $seconds s ($(per_second "$lines" "$seconds") lines/s)"
}

# The Overview in Chromium: the app on a free port, a user made by the users command.
pages_browser() {
  local port=5180
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  local password="Bench-password-42!"
  printf '%s\n' "$password" | "${APP[@]}" users add --email bench@retailinsights.local --role Marketing >/dev/null 2>&1 || true
  # Development serves the packages' static files from the build output (Production expects a published app); the
  # queries and the circuit are the same.
  (cd "$ROOT/RetailInsights.Web" && exec env ASPNETCORE_ENVIRONMENT=Development Hangfire__RunServer=false "${APP[@]}" \
    --urls "http://127.0.0.1:$port" > "$ROOT/.data/bench-pages-app.log" 2>&1) &
  local app_pid=$!
  for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
  dotnet "$ROOT/RetailInsights.Benchmarks/bin/Release/net10.0/RetailInsights.Benchmarks.dll" browser "http://127.0.0.1:$port" \
    bench@retailinsights.local "$password" / 10 || echo "  (the browser figure failed: see .data/bench-pages-app.log)"
  kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null || true
}

pages() {
  local sizes="${*:-5M 20M}"
  bench_cluster
  bench_app
  dotnet build RetailInsights.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly
  : > "$ROOT/.data/bench-pages.txt"
  for size in $sizes; do
    case "$size" in
      5M) pages_size 5M 3000 100 ;;
      20M) pages_size 20M 12000 150 ;;
      *) pages_size "$size" "${size%k}" 100 ;;
    esac
  done
  echo
  echo "Pages benchmark, $(nproc) cores (also in .data/bench-pages.txt):"
  cat "$ROOT/.data/bench-pages.txt"
}
