#!/usr/bin/env bash
# Sets up what is missing (PostgreSQL, RabbitMQ, Redis: installed with apt, started privately on loopback), builds,
# runs the whole test suite against those instances, and ends with one line: "N passed, M failed".
#   ./test.sh                  everything
#   ./test.sh <filter>         a dotnet test --filter expression, e.g. FullyQualifiedName~Auth
set -euo pipefail
cd "$(dirname "$0")"
source scripts/infra.sh
infra_up

results="$PIPELINE_DATA_DIR/test-results"
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build Pipeline.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

filter=()
[ $# -gt 0 ] && filter=(--filter "$1")
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
