#!/usr/bin/env bash
# The baseline for generating a dataset into SQLite: the sqlite3 command-line shell loading the same rows
# from CSV (`.import`) into the same tables, with the same pragmas, creating the same indexes afterwards.
#   bench/data/sqlite-import-baseline.sh SCHEMA_FROM.sqlite CSV_DIR OUT.sqlite
# SCHEMA_FROM is a dataset DsLoop generated (its tables and indexes are copied); CSV_DIR holds the CSV export
# of the same dataset (dsloop data generate … --csv CSV_DIR).
set -euo pipefail
schema_from=$1 csv=$2 out=$3
rm -f "$out"
tables=$(sqlite3 "$schema_from" "select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name")
{
  echo "PRAGMA page_size=16384; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA cache_size=-65536;"
  sqlite3 "$schema_from" "select sql || ';' from sqlite_master where type='table' and name not like 'sqlite_%'"
  echo "BEGIN;"
  for t in $tables; do echo ".import --csv --skip 1 $csv/$t.csv $t"; done
  echo "COMMIT;"
  sqlite3 "$schema_from" "select sql || ';' from sqlite_master where type='index' and sql is not null"
} | sqlite3 "$out"
