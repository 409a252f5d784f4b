#!/usr/bin/env bash
# Sets up what is missing (PostgreSQL, RabbitMQ, Redis: installed with apt, started privately on loopback), builds,
# runs the whole test suite against those instances, and ends with one line: "N passed, M failed".
#   ./test.sh                  everything: the fast tier (tests/Pipeline.Tests.Fast), then the real one; one summed line
#   ./test.sh fast [<filter>]  only the fast tier: in memory, no service started or installed, seconds
#   ./test.sh <filter>         a dotnet test --filter expression over the real tier, e.g. FullyQualifiedName~Auth
#   ./test.sh faults [N]       the fault suites (Reliability, Faults) N times in a row, at plain ./test.sh's sizes
#   ./test.sh reliability      only the fault-injection suite, at the report's sizes (100 generations per fault, 60 s of
#                              load), writing docs/reliability.md; plain ./test.sh runs it too, smaller (CI's time budget)
set -euo pipefail
cd "$(dirname "$0")"

total_passed=0; total_failed=0; total_skipped=0; overall=0

# Runs one test project and adds its trx counters to the totals.
#   run_tier <csproj> <results dir> [dotnet test args...]
run_tier() {
  local project=$1 results=$2; shift 2
  rm -rf "$results"
  mkdir -p "$results"
  set +e
  dotnet test "$project" -c Release --no-build -nologo "$@" \
    --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" --results-directory "$results"
  local status=$?
  set -e
  local trx="$results/results.trx"
  if [ ! -f "$trx" ]; then total_failed=$((total_failed + 1)); overall=1; return; fi
  local counters; counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  count() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  local passed failed total executed
  passed=$(count passed); failed=$(count failed); total=$(count total); executed=$(count executed)
  # A crashed test host leaves executed < total without failures: count those as failed, not as silence.
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  [ "$status" -ne 0 ] && overall=$status
  total_passed=$((total_passed + passed)); total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + total - executed))
}

summary() {
  if [ "$total_skipped" -gt 0 ]; then echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
  else echo "$total_passed passed, $total_failed failed"; fi
  if [ "$overall" -eq 0 ] && [ "$total_failed" -gt 0 ]; then overall=1; fi
  exit "$overall"
}

fast_project=tests/Pipeline.Tests.Fast/Pipeline.Tests.Fast.csproj

# The fast tier needs no service: no apt, no PostgreSQL/RabbitMQ/Redis, results in a private temporary folder.
if [ "${1:-}" = fast ]; then
  if ! dotnet build "$fast_project" -c Release -nologo -v quiet -clp:ErrorsOnly; then
    echo "build failed"; echo "0 passed, 1 failed"; exit 1
  fi
  fast_results=$(mktemp -d)
  trap 'rm -rf "$fast_results"' EXIT
  run_tier "$fast_project" "$fast_results" ${2:+--filter "$2"}
  summary
fi

source scripts/infra.sh
source scripts/console.sh
infra_up

# PIPELINE_TEST_RESULTS keeps one checkout's results apart when several share PIPELINE_DATA_DIR.
results="${PIPELINE_TEST_RESULTS:-$PIPELINE_DATA_DIR/test-results}"

if ! console_build; then
  echo "console build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
if ! dotnet build Pipeline.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
# The TypeScript client (clients/typescript) regenerated from the API's OpenAPI document and type-checked by tsc: a
# failure counts as one failed test. A client that changed is built into the console again.
source scripts/tsclient.sh
schema_before=$(cksum < clients/typescript/src/schema.d.ts)
if ! tsclient_build; then
  echo "TypeScript client: generation or type check (tsc) failed"
  total_failed=$((total_failed + 1)); overall=1
elif [ "$(cksum < clients/typescript/src/schema.d.ts)" != "$schema_before" ] && ! console_build; then
  echo "console build failed"; total_failed=$((total_failed + 1)); overall=1
fi

filter=()
if [ "${1:-}" = reliability ]; then
  export PIPELINE_RELIABILITY_BATCH="${PIPELINE_RELIABILITY_BATCH:-100}"
  export PIPELINE_RELIABILITY_LOAD_SECONDS="${PIPELINE_RELIABILITY_LOAD_SECONDS:-60}"
  export PIPELINE_RELIABILITY_REPORT="${PIPELINE_RELIABILITY_REPORT:-docs/reliability.md}"
  export PIPELINE_RELIABILITY_COMMAND="./test.sh reliability"
  filter=(--filter "FullyQualifiedName~Pipeline.Tests.Reliability")
elif [ "${1:-}" = faults ]; then
  # The fault suites (Reliability, Faults) N times in a row, stopping at the first run with a failure.
  runs="${2:-1}"
  if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then echo "usage: ./test.sh faults [N], N >= 1"; echo "0 passed, 1 failed"; exit 2; fi
  for run in $(seq 1 "$runs"); do
    echo "[test] fault suites, run $run of $runs"
    failed_before=$total_failed
    run_tier tests/Pipeline.Tests/Pipeline.Tests.csproj "$results-faults-$run" \
      --filter "FullyQualifiedName~Pipeline.Tests.Reliability|FullyQualifiedName~Pipeline.Tests.Faults"
    [ "$total_failed" -eq "$failed_before" ] || break
  done
  summary
elif [ $# -gt 0 ]; then
  filter=(--filter "$1")
else
  # Plain ./test.sh: the fast tier first (seconds), then the real one; the last line sums both.
  run_tier "$fast_project" "$results-fast"
fi
run_tier tests/Pipeline.Tests/Pipeline.Tests.csproj "$results" "${filter[@]}"
summary
