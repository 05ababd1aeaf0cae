#!/usr/bin/env bash
# The baseline for loading a dataset into PostgreSQL: psql's \copy of the CSV export into the same tables,
# then the same primary keys, indexes and ANALYZE (DDL taken from a schema DsLoop loaded).
#   PGHOST=… PGPORT=… PGUSER=… PGDATABASE=… bench/data/postgres-copy-baseline.sh SOURCE_SCHEMA CSV_DIR TARGET_SCHEMA
set -euo pipefail
source_schema=$1 csv=$2 target=$3
pre=$(pg_dump --schema-only --section=pre-data -n "$source_schema" | sed "s/\b$source_schema\./$target./g; s/SCHEMA $source_schema\b/SCHEMA $target/g")
post=$(pg_dump --schema-only --section=post-data -n "$source_schema" | sed "s/\b$source_schema\./$target./g")
tables=$(psql -Atc "select table_name from information_schema.tables where table_schema = '$source_schema' order by 1")
{
  echo "DROP SCHEMA IF EXISTS $target CASCADE;"
  echo "$pre"
  for t in $tables; do echo "\\copy $target.$t from '$csv/$t.csv' with (format csv, header true)"; done
  echo "$post"
  echo "ANALYZE;"
} | psql -q -v ON_ERROR_STOP=1 > /dev/null
