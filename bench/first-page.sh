#!/usr/bin/env bash
# Starts the built app on a fresh data folder, waits for the first 200 from the home page, then stops it.
# Used by bench/run.sh to time start-up to the first served page.
set -euo pipefail
dll="$1"; port="$2"
data=$(mktemp -d)
dotnet "$dll" serve --port "$port" --data-dir "$data" > /dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 600); do
  if curl -fs -o /dev/null "http://127.0.0.1:$port/"; then exit 0; fi
  sleep 0.01
done
echo "no page after 6 s" >&2
exit 1
