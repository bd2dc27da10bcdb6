#!/usr/bin/env bash
# Run once by the official postgres image, on an empty data volume, as its superuser (/docker-entrypoint-initdb.d).
# The app gets a login role of its own, neither superuser nor able to create roles or databases, that owns the
# app's database and so its schemas (public, and the hangfire schema the app creates). Passwords come from the
# environment: POSTGRES_PASSWORD is the superuser's, RETAILINSIGHTS_DB_PASSWORD the app's.
set -euo pipefail
: "${RETAILINSIGHTS_DB_PASSWORD:?set RETAILINSIGHTS_DB_PASSWORD (the password of the app role)}"
app_database="${RETAILINSIGHTS_DB_NAME:-retailinsights}"
app_role="${RETAILINSIGHTS_DB_USER:-retailinsights}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  --set app_role="$app_role" --set app_database="$app_database" --set app_password="$RETAILINSIGHTS_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_role" LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE DATABASE :"app_database" OWNER :"app_role";
-- Only the app (and the superuser) may connect to the app's database.
REVOKE ALL ON DATABASE :"app_database" FROM PUBLIC;
SQL
echo "10-app-role.sh: role $app_role owns database $app_database"
