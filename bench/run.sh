#!/usr/bin/env bash
# Reproduces the figures in docs/BENCHMARKS.md. Needs wrk, hyperfine and curl (apt-get install wrk hyperfine curl).
#   bench/run.sh            all
#   bench/run.sh web        start-up and HTTP load only
#   bench/run.sh store      BenchmarkDotNet store benchmarks only
#   bench/run.sh content    BenchmarkDotNet answer-coach and bank-loading benchmarks only
#   bench/run.sh data       generating the standard dataset into SQLite, against the sqlite3 shell's .import of the same CSV
#   bench/run.sh sql        the SQL page's Submit round trip over HTTP for every bank problem, against the sqlite3 shell
#   bench/run.sh judge      BenchmarkDotNet answer judge against the cue coach; model load time and memory
#   bench/run.sh stats      the statistics engine on 10M rows against numpy, scipy and scikit-learn
#                           (needs python3-scipy python3-sklearn; writes ~420 MB of data to $DSLOOP_STATS_DATA or /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
out=bench/results
mkdir -p "$out"

if [ "$what" = all ] || [ "$what" = web ]; then
  dotnet build src/DsLoop.Cli -c Release -v quiet --nologo
  dll=src/DsLoop.Cli/bin/Release/net10.0/dsloop.dll
  port=5181

  echo "== Start-up to first served page (fresh SQLite store), against bare runtime start (dsloop --version)"
  hyperfine --warmup 2 --runs 15 --export-markdown "$out/startup.md" \
    -n "dsloop --version (baseline)" "dotnet $dll --version" \
    -n "serve → first page" "bash bench/first-page.sh $dll $port"

  echo "== HTTP load: home page against /healthz through the same pipeline"
  data=$(mktemp -d)
  dotnet "$dll" serve --port "$port" --data-dir "$data" > /dev/null 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.1; done
  wrk -t2 -c32 -d5s "http://127.0.0.1:$port/" > /dev/null   # warm-up (JIT, pools)
  for path in /healthz /; do
    echo "-- GET $path"
    wrk -t2 -c32 -d15s --latency "http://127.0.0.1:$port$path" | tee "$out/wrk$(echo "$path" | tr '/' '_').txt"
  done
  kill $pid; wait $pid 2>/dev/null || true
fi

if [ "$what" = all ] || [ "$what" = store ]; then
  echo "== Store: IAppStore against the bare Microsoft.Data.Sqlite driver"
  dotnet run -c Release --project bench/DsLoop.Bench -- --filter '*StoreBenchmarks*' --job short --exporters github \
    --artifacts "$out/bdn"
fi

if [ "$what" = all ] || [ "$what" = content ]; then
  echo "== Content: answer coach and bank loading"
  dotnet run -c Release --project bench/DsLoop.Bench -- --filter '*CoachBenchmarks*' '*BankLoadBenchmarks*' --job short --exporters github \
    --artifacts "$out/bdn"
fi

if [ "$what" = all ] || [ "$what" = judge ]; then
  echo "== Answer judge: a 300-word answer warm, against the cue coach (in process: the model loads once)"
  dotnet run -c Release --project bench/DsLoop.Bench -- --filter '*JudgeBenchmarks*' --inProcess --exporters github \
    --artifacts "$out/bdn"
  echo "== Answer judge: model load time and the memory it adds to a process (three fresh processes)"
  for i in 1 2 3; do dotnet run -c Release --project bench/DsLoop.Bench -- judge-memory; done
fi

if [ "$what" = all ] || [ "$what" = stats ]; then
  echo "== Statistics engine on 10M rows, against numpy / scipy / scikit-learn on the same data"
  export DSLOOP_STATS_DATA="${DSLOOP_STATS_DATA:-/tmp/dsloop-stats-bench}"
  /usr/bin/python3 bench/stats/python_baseline.py "$DSLOOP_STATS_DATA" --runs 5 | tee "$out/stats-python.md"
  dotnet run -c Release --project bench/DsLoop.Bench -- --filter '*StatsBenchmarks*' --exporters github \
    --artifacts "$out/bdn"
fi

if [ "$what" = all ] || [ "$what" = data ]; then
  echo "== Data: generate the standard dataset into SQLite, against sqlite3 .import of the same rows from CSV"
  dotnet build src/DsLoop.Cli -c Release -v quiet --nologo
  dll=src/DsLoop.Cli/bin/Release/net10.0/dsloop.dll
  work=$(mktemp -d)
  dotnet "$dll" data generate --scale standard --seed 7 --out "$work/schema.sqlite" --csv "$work/csv"
  hyperfine --warmup 1 --runs 5 --export-markdown "$out/data-generate.md" \
    -n "sqlite3 .import of the CSV (baseline)" "bench/data/sqlite-import-baseline.sh $work/schema.sqlite $work/csv $work/import.sqlite" \
    -n "dsloop data generate --scale standard" "dotnet $dll data generate --scale standard --seed 7 --out $work/generated.sqlite"
  rm -rf "$work"
fi

if [ "$what" = all ] || [ "$what" = sql ]; then
  echo "== SQL Submit round trip over HTTP on the standard dataset, against the sqlite3 shell running the same queries"
  dotnet run -c Release --project bench/DsLoop.Bench -- sql-submit content standard 5 | tee "$out/sql-submit.txt"
fi
