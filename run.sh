#!/usr/bin/env bash
# Starts RetailInsights on http://127.0.0.1:5080 with a local PostgreSQL and demo data on first run.
#   --reset   drop the local database and build it again (e.g. one made before the schema baseline)
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
if [ "$ASPNETCORE_ENVIRONMENT" = "Development" ]; then
  "${APP[@]}" demo-users
fi

echo
echo "RetailInsights is running on http://127.0.0.1:5080  (Ctrl+C to stop)"
exec "${APP[@]}" --urls http://127.0.0.1:5080
