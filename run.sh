#!/usr/bin/env bash
# Starts RetailInsights on http://127.0.0.1:5080 with a local PostgreSQL and demo data on first run.
#   --reset   drop the local database and build it again (e.g. one made before the schema baseline)
# In Development a simulated till fleet posts a few live sales a second so the Live page moves; RI_SIMULATE=0 leaves it out.
set -euo pipefail
RESET=0
for arg in "$@"; do
  case "$arg" in
    --reset) RESET=1 ;;
    *) echo "usage: ./run.sh [--reset]" >&2; exit 2 ;;
  esac
done
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
source scripts/require-dotnet.sh

scripts/pg.sh start
if [ "$RESET" = 1 ]; then scripts/pg.sh reset; fi
# The app and every command below use the cluster just started, on whatever port RI_PG_PORT gave it
# (appsettings.Development.json names only the default one, where another server may be listening).
export ConnectionStrings__RetailInsights
ConnectionStrings__RetailInsights="$(scripts/pg.sh connection)"
dotnet build RetailInsights.Web -c Release -nologo -v quiet -clp:ErrorsOnly

cd RetailInsights.Web
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
APP=(dotnet bin/Release/net10.0/RetailInsights.Web.dll)
"${APP[@]}" migrate
"${APP[@]}" demo --dir "$ROOT/.data/demo"
# Fresh baskets and segments for the pages (the daily job and uploads keep them fresh afterwards).
"${APP[@]}" analyze > /dev/null || echo "run.sh: the analytics run failed; the Baskets and Segments pages say why." >&2
SIMULATE=0
if [ "$ASPNETCORE_ENVIRONMENT" = "Development" ]; then
  "${APP[@]}" demo-users
  if [ "${RI_SIMULATE:-1}" != 0 ]; then
    SIMULATE=1
    # The simulator's key is made anew each run, the last run's revoked: it may post events only.
    "${APP[@]}" api-keys revoke --name "run.sh simulator" > /dev/null 2>&1 || true
    KEY=$("${APP[@]}" api-keys create --name "run.sh simulator" --purposes events | tail -n 1)
  fi
fi

echo
echo "RetailInsights is running on http://127.0.0.1:5080  (Ctrl+C to stop)"
if [ "$SIMULATE" = 1 ]; then
  echo "Simulated tills post 2 sales a second to the Live page (RI_SIMULATE=0 ./run.sh leaves them out)."
  # Started once the app listens; Ctrl+C stops both.
  ( sleep 20; exec "${APP[@]}" simulate --url http://127.0.0.1:5080 --api-key "$KEY" --rate 2 --minutes 1440 > /dev/null 2>&1 ) &
  trap 'kill $! 2> /dev/null || true' EXIT
  "${APP[@]}" --urls http://127.0.0.1:5080
else
  exec "${APP[@]}" --urls http://127.0.0.1:5080
fi
