# ./bench.sh memory [CUSTOMERS]: the import's peak memory on one file that names CUSTOMERS distinct customers, with the
# load's memory budget (Ingestion:MaxLoadMemoryBytes, 256 MB) and, for reference, without one (every code kept).

# Runs a command and prints its peak resident set (MB) from /proc, polled while it runs.
peak_rss_mb() {
  "$@" > /dev/null &
  local pid=$! peak=0 hwm
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
    sleep 0.1
  done
  wait "$pid"
  echo $(( peak / 1024 ))
}

memory() {
  local customers="${1:-2000000}"
  bench_cluster
  bench_app
  local data="$ROOT/.data/bench-memory"
  rm -rf "$data" && mkdir -p "$data"
  local file="$data/wide-transactions.csv"
  # One line per customer, so the file names as many customers as it has lines.
  awk -v n="$customers" 'BEGIN {
    print "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId"
    for (i = 0; i < n; i++) printf "%d,P%d,Product %d,1,2025-07-01 %02d:%02d:00,1.50,C%08d,Indonesia,S%d\n", 100000 + i, i % 500, i % 500, 8 + i % 12, i % 60, i, i % 5
  }' > "$file"

  local budget_s budget_mb unbounded_s unbounded_mb t0
  bench_database bench_memory_budget
  export Ingestion__StagingPath="$data/staging"
  t0=$(now); budget_mb=$(peak_rss_mb "${APP[@]}" import "$file"); budget_s=$(since "$t0")
  local spilled loaded
  spilled=$("${PSQL[@]}" -d bench_memory_budget -c "SELECT quality_report ->> 'loadedThroughStage' FROM uploads")
  loaded=$("${PSQL[@]}" -d bench_memory_budget -c "SELECT count(*) FROM fact_sales")

  bench_database bench_memory_unbounded
  t0=$(now); unbounded_mb=$(Ingestion__MaxLoadMemoryBytes=1099511627776 peak_rss_mb "${APP[@]}" import "$file"); unbounded_s=$(since "$t0")

  echo
  echo "Memory benchmark: one file of $customers lines naming $customers distinct customers ($(du -m "$file" | cut -f1) MB), $(nproc) cores"
  printf '  %-44s %14s %10s %12s\n' "" "peak RSS (MB)" "seconds" "rows/s"
  printf '  %-44s %14s %10s %12s\n' "import, memory budget 256 MB (the default)" "$budget_mb" "$budget_s" "$(per_second "$customers" "$budget_s")"
  printf '  %-44s %14s %10s %12s\n' "import, no budget (every code kept; reference)" "$unbounded_mb" "$unbounded_s" "$(per_second "$customers" "$unbounded_s")"
  echo "  with the budget: loaded through the stage = $spilled, $loaded sales loaded"
}
