#!/usr/bin/env bash
# Sets up what is missing (PostgreSQL, RabbitMQ, Redis: installed with apt, started privately on loopback), builds,
# runs the whole test suite against those instances, and ends with one line: "N passed, M failed".
#   ./test.sh                  everything
#   ./test.sh <filter>         a dotnet test --filter expression, e.g. FullyQualifiedName~Auth
#   ./test.sh reliability      only the fault-injection suite, at the report's sizes (100 generations per fault, 60 s of
#                              load), writing docs/reliability.md; plain ./test.sh runs it too, smaller (CI's time budget)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/infra.sh
source scripts/console.sh
infra_up

results="$PIPELINE_DATA_DIR/test-results"
rm -rf "$results"
mkdir -p "$results"

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

filter=()
if [ "${1:-}" = reliability ]; then
  export PIPELINE_RELIABILITY_BATCH="${PIPELINE_RELIABILITY_BATCH:-100}"
  export PIPELINE_RELIABILITY_LOAD_SECONDS="${PIPELINE_RELIABILITY_LOAD_SECONDS:-60}"
  export PIPELINE_RELIABILITY_REPORT="${PIPELINE_RELIABILITY_REPORT:-docs/reliability.md}"
  export PIPELINE_RELIABILITY_COMMAND="./test.sh reliability"
  filter=(--filter "FullyQualifiedName~Pipeline.Tests.Reliability")
elif [ $# -gt 0 ]; then
  filter=(--filter "$1")
fi
set +e
dotnet test tests/Pipeline.Tests/Pipeline.Tests.csproj -c Release --no-build -nologo "${filter[@]}" \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" --results-directory "$results"
status=$?
set -e

trx="$results/results.trx"
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  count() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$(count passed); failed=$(count failed); total=$(count total); executed=$(count executed)
  skipped=$((total - executed))
  # A crashed test host leaves executed < total without failures: count those as failed, not as silence.
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
else
  echo "0 passed, 1 failed"
  status=1
fi
exit "$status"
