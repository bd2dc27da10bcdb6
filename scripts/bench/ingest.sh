# ./bench.sh ingest [LINES]: generated transaction lines through the import command vs psql \copy into a bare table.
ingest() {
  local lines="${1:-1000000}" days=60
  local per_day=$(( lines / days * 10 / 46 ))   # about 4.6 lines per invoice
  bench_cluster
  bench_app
  local psql=("${PSQL[@]}") app=("${APP[@]}")
  local data="$ROOT/.data/bench-ingest"
  rm -rf "$data"
  "${app[@]}" generate --days "$days" --invoices-per-day "$per_day" --end 2025-06-30 --seed 7 --out "$data" >/dev/null
  mkdir -p "$data/tx"
  mv "$data"/transactions_*.csv "$data/tx/"
  local rows
  rows=$(cat "$data"/tx/*.csv | wc -l); rows=$(( rows - $(ls "$data"/tx/*.csv | wc -l) ))

  # Reference: PostgreSQL's own CSV COPY into a bare table with no index, no key, no validation.
  "${psql[@]}" -d postgres -c "CREATE DATABASE bench_copy"
  "${psql[@]}" -d bench_copy -c "CREATE TABLE bare (invoice text, stock_code text, description text, quantity int, invoice_date timestamp, price numeric, customer_id text, country text, store_id text)"
  local script="$data/copy.sql"
  : > "$script"
  for f in "$data"/tx/*.csv; do echo "\\copy bare FROM '$f' CSV HEADER" >> "$script"; done
  local t0 t1 copy_s ours_s
  t0=$(date +%s.%N); "${psql[@]}" -d bench_copy -f "$script"; t1=$(date +%s.%N)
  copy_s=$(echo "$t1 $t0" | awk '{ printf "%.2f", $1 - $2 }')

  # A second reference, what any idempotent load pays: the same COPY into a table with a key and a natural-key index
  # (not unique: a till can scan the same item twice, which our key tells apart by occurrence).
  "${psql[@]}" -d bench_copy -c "CREATE TABLE keyed (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, invoice text COLLATE \"C\", stock_code text, description text, quantity int, invoice_date timestamp, price numeric(12,3), customer_id text, country text, store_id text)" \
    -c "CREATE INDEX ON keyed (invoice, stock_code, invoice_date, quantity, price)"
  sed 's/\\copy bare FROM/\\copy keyed (invoice, stock_code, description, quantity, invoice_date, price, customer_id, country, store_id) FROM/' "$script" > "$script.keyed"
  local keyed_s
  t0=$(date +%s.%N); "${psql[@]}" -d bench_copy -f "$script.keyed"; t1=$(date +%s.%N)
  keyed_s=$(echo "$t1 $t0" | awk '{ printf "%.2f", $1 - $2 }')

  # Ours: the import command — sniffing, header mapping, validation, dimensions, sales copied into the fact table with
  # its natural key, returns and rejected lines staged, data-quality report — one transaction per daily file.
  bench_database bench_ingest
  export Ingestion__StagingPath="$data/staging"
  "${app[@]}" import "$data/product_catalog.csv" "$data/store_locations.csv" >/dev/null
  t0=$(date +%s.%N); "${app[@]}" import "$data/tx" > "$data/import.jsonl"; t1=$(date +%s.%N)
  ours_s=$(echo "$t1 $t0" | awk '{ printf "%.2f", $1 - $2 }')
  local loaded
  loaded=$("${psql[@]}" -d bench_ingest -c "SELECT (SELECT count(*) FROM fact_sales) + (SELECT count(*) FROM refunds)")

  echo
  echo "Ingest benchmark: $rows transaction lines in $(ls "$data"/tx/*.csv | wc -l) daily files, $(nproc) cores"
  printf '  %-34s %10s %12s\n' "" "seconds" "rows/s"
  printf '  %-34s %10s %12s\n' "psql \\copy into a bare table" "$copy_s" "$(echo "$rows $copy_s" | awk '{ printf "%.0f", $1 / $2 }')"
  printf '  %-34s %10s %12s\n' "psql \\copy into a keyed table" "$keyed_s" "$(echo "$rows $keyed_s" | awk '{ printf "%.0f", $1 / $2 }')"
  printf '  %-34s %10s %12s\n' "import command (full pipeline)" "$ours_s" "$(echo "$rows $ours_s" | awk '{ printf "%.0f", $1 / $2 }')"
  echo "  ratio ours / \\copy: $(echo "$copy_s $ours_s" | awk '{ printf "%.2f", $1 / $2 }')x   (target >= 0.70x; 1M rows under 15 s)"
  echo "  ratio ours / keyed \\copy: $(echo "$keyed_s $ours_s" | awk '{ printf "%.2f", $1 / $2 }')x"
  echo "  rows in the star schema after the import: $loaded (sales + returns)"
  echo "  where the import's time went (seconds, all files): $("${psql[@]}" -d bench_ingest -c "
    SELECT string_agg(stage || ' ' || round(total::numeric, 2), ', ' ORDER BY total DESC) FROM (
      SELECT t.key AS stage, sum(t.value::float8) AS total FROM uploads, jsonb_each_text(quality_report -> 'timings') t
      WHERE kind = 'transactions' GROUP BY t.key) s")"
}

