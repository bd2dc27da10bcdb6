# Shared by the benchmarks: a throwaway cluster of their own, the app built in Release, timing.
# Sourced by bench.sh (ROOT set, cwd the repository).

# Starts a throwaway cluster on the first free port from 55440, removed when the benchmark exits: fsync off, unless
# RI_BENCH_DURABLE=1 (a benchmark of what is durable before an answer).
bench_cluster() {
  export RI_PG_DATA="$ROOT/.data/pg-bench" RI_PG_FAST=$([ "${RI_BENCH_DURABLE:-0}" = 1 ] && echo 0 || echo 1)
  RI_PG_PORT=55440
  while (exec 3<>"/dev/tcp/127.0.0.1/$RI_PG_PORT") 2>/dev/null; do RI_PG_PORT=$((RI_PG_PORT + 1)); done
  export RI_PG_PORT
  scripts/pg.sh destroy >/dev/null 2>&1 || true
  trap 'scripts/pg.sh destroy >/dev/null 2>&1' EXIT
  scripts/pg.sh start
  export PGOPTIONS="-c client_min_messages=warning"
  PSQL=("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql" -h 127.0.0.1 -p "$RI_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
}

# Builds the app once; APP runs its binary (the web app or one of its commands).
bench_app() {
  dotnet build RetailInsights.Web -c Release -nologo -v quiet -clp:ErrorsOnly
  APP=(dotnet "$ROOT/RetailInsights.Web/bin/Release/net10.0/RetailInsights.Web.dll")
}

# A fresh, migrated database for the app; its connection string is exported for the app's commands.
bench_database() {
  local name="$1"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
  export ConnectionStrings__RetailInsights
  ConnectionStrings__RetailInsights="$(scripts/pg.sh connection "$name" postgres)"
  export ASPNETCORE_ENVIRONMENT=Production
  "${APP[@]}" migrate >/dev/null
}

now() { date +%s.%N; }
since() { echo "$(now) $1" | awk '{ printf "%.2f", $1 - $2 }'; }
per_second() { echo "$1 $2" | awk '{ printf "%.0f", $1 / $2 }'; }
