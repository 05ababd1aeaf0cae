#!/usr/bin/env bash
# DsLoop's build entry point.
#   ./build.sh test    build everything, check formatting, run every test (the README's test command)
#   ./build.sh build   build only
#   ./build.sh bench   run the benchmarks (see docs/BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

warn_missing() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=("chromium (browser tests)")
  [ -x "${DSLOOP_PG_BIN:-/usr/lib/postgresql/15/bin}/initdb" ] || missing+=("postgresql (PostgreSQL store tests)")
  /usr/bin/python3 -c "import scipy, statsmodels, sklearn" 2>/dev/null || missing+=("python3-scipy python3-statsmodels python3-sklearn (reference fixtures)")
  if [ ${#missing[@]} -gt 0 ]; then
    echo "************************************************************************"
    echo "* Missing test dependencies; their tests will be SKIPPED on this machine"
    echo "* (with CI=true they FAIL instead). Install with apt-get:"
    for m in "${missing[@]}"; do echo "*   - $m"; done
    echo "************************************************************************"
  fi
}

build() {
  dotnet build DsLoop.slnx -c Release --nologo -v quiet -clp:NoSummary
}

case "${1:-test}" in
  build)
    build
    ;;
  test)
    warn_missing
    build
    echo "Checking formatting (dotnet format --verify-no-changes)…"
    dotnet format DsLoop.slnx --verify-no-changes --no-restore -v quiet
    mkdir -p TestResults
    log=TestResults/test-output.log
    set +e
    dotnet test DsLoop.slnx -c Release --no-build --nologo 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    set -e
    # One closing line for the whole suite, summed over the test assemblies.
    awk '/(Passed|Failed)! +- Failed:/ {
           for (i = 1; i <= NF; i++) {
             if ($i == "Failed:") f += $(i+1) + 0; if ($i == "Passed:") p += $(i+1) + 0; if ($i == "Skipped:") s += $(i+1) + 0
           }
         }
         END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
    exit "$status"
    ;;
  bench)
    shift
    bench/run.sh "$@"
    ;;
  *)
    echo "usage: ./build.sh [test|build|bench]" >&2
    exit 2
    ;;
esac
