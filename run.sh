#!/usr/bin/env bash
# Sets up what is missing (PostgreSQL, RabbitMQ, Redis), builds, and runs Edge.Api and Handlers in the foreground.
# Ctrl-C or SIGTERM stops both. Every setting can be overridden with environment variables (Section__Key), and
# PIPELINE_HTTP_PORT moves the API from 8080.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/infra.sh
source scripts/console.sh
infra_up
console_build

dotnet build Pipeline.sln -c Release -nologo -v quiet -clp:ErrorsOnly

port="${PIPELINE_HTTP_PORT:-8080}"
export PIPELINE_HTTP_PORT="$port"
pids=()
stop() {
  trap - INT TERM EXIT
  [ "${#pids[@]}" -gt 0 ] && kill "${pids[@]}" 2>/dev/null
  wait 2>/dev/null
  exit 0
}
trap stop INT TERM EXIT

# A host that ends itself with exit code 75 (its bus watchdog gave up on a dead receive endpoint after a broker restart:
# ServiceDefaults/Messaging/ReceiveEndpointWatchdog.cs) is started again, as docker compose's restart policy does; any other exit
# ends run.sh.
supervise() { # supervise <folder> <assembly>
  (
    cd "$1" || exit 1
    child=
    trap '[ -n "$child" ] && kill "$child" 2>/dev/null; wait "$child" 2>/dev/null; exit 0' INT TERM
    while true; do
      dotnet "$2" &
      child=$!
      wait "$child"
      code=$?
      [ "$code" -eq 75 ] || exit "$code"
      echo "[run] $2 ended itself (exit code 75, bus watchdog); starting it again" >&2
    done
  ) &
  pids+=($!)
}
supervise Handlers bin/Release/net10.0/Pipeline.Handlers.dll
# A larger smallest gen0 budget for the web host: far fewer collections under polling (bench.sh measured the status
# poll at 0.51-0.55 of a bare endpoint without it, 0.57-0.60 with it; docs/benchmarks.md). The runtime reads it only
# from the environment; docker/Dockerfile.edge-api and bench/bench.py set the same.
DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}" supervise Edge.Api bin/Release/net10.0/Pipeline.Edge.Api.dll

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break
  sleep 0.5
done
cat <<INFO

  Pipeline is running
    API        http://127.0.0.1:$port
    API docs   http://127.0.0.1:$port/docs   (OpenAPI: /openapi/v1.json)
    Health     http://127.0.0.1:$port/health/ready
    RabbitMQ   http://127.0.0.1:$RABBIT_MGMT_PORT (pipeline-admin, password in $PIPELINE_DATA_DIR/rabbitmq-admin.password; loopback only)
  Ctrl-C stops Edge.Api and Handlers; the data services keep running (scripts/infra.sh: infra_stop).

INFO
# Stop everything as soon as either host exits.
wait -n "${pids[@]}"
