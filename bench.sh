#!/usr/bin/env bash
# Benchmarks the system against same-run baselines and writes docs/benchmarks.md + docs/benchmarks.json.
# Reuses (or starts) the private PostgreSQL/RabbitMQ/Redis of scripts/infra.sh, but runs on its own database and vhost
# (`bench`), Redis key prefix (`bench:`) and a private redis-server (BENCH_REDIS_PORT, 56479), with Edge.Api on
# BENCH_HTTP_PORT (18180). Everything it starts is stopped by PID when it ends, on error, or on Ctrl-C.
#   ./bench.sh                            all benchmarks, 3 repeats each (BENCH_REPEATS), medians reported
#   BENCH_WRK_SECONDS=5 BENCH_REPEATS=1 ./bench.sh   a quicker, rougher run
#   ./bench.sh hops                       where the time to structure goes, hop by hop (bench/hops.py)
#   ./bench.sh compare poll DOTNET_GCgen0size=0   a setting against the usual start, alternating (bench/compare.py)
#   ./bench.sh graph                      the knowledge graph on 10,000 concepts / 40,000 edges vs QuikGraph (docs/graph-benchmark.md)
#   ./bench.sh chat                       the chat WebSocket: added latency to the first token, token relay rate vs bare Redis (docs/chat-benchmark.md)
#   ./bench.sh search                     resource search over 10,000 resources with the local MiniLM model, embedding throughput (docs/search-benchmark.md)
#   ./bench.sh analytics                  the analytics dashboard over 1,000,000 learning events vs count(*) (docs/analytics-benchmark.md)
#   ./bench.sh model-memory               the local MiniLM model's memory: the package's loader vs a file (docs/model-memory-benchmark.md)
set -euo pipefail
cd "$(dirname "$0")"
# Which driver runs, checked before anything is installed, started or built.
case "${1:-}" in
  "") script=bench/bench.py ;;
  hops) script=bench/hops.py ;;
  compare) script=bench/compare.py ;;
  graph) script=graph ;;
  chat) script=chat ;;
  search) script=search ;;
  analytics) script=analytics ;;
  model-memory) script=model-memory ;;
  *) echo "usage: ./bench.sh [hops | graph | chat | search | analytics | model-memory | compare <poll|throughput|structure> NAME=value... [--rounds N]]" >&2; exit 2 ;;
esac
if [ "$script" = model-memory ]; then
  # No service: fresh child processes that load the model and embed the starter catalogue.
  BENCH_MODEL_REPORT="${BENCH_MODEL_REPORT:-docs/model-memory-benchmark.md}" \
    dotnet run --project bench/Pipeline.ModelMemoryBench -c Release -nologo -v quiet
  exit $?
fi

source scripts/infra.sh
infra_up
export PG_PORT PG_USER PG_PASSWORD RABBIT_PORT RABBIT_MGMT_PORT PIPELINE_DATA_DIR

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]} with apt"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet build Pipeline.sln -c Release -nologo -v quiet -clp:ErrorsOnly
if [ "$script" = graph ]; then
  # In-process (no service to start): its own database, created and dropped by the program.
  BENCH_GRAPH_REPORT="${BENCH_GRAPH_REPORT:-docs/graph-benchmark.md}" \
    dotnet run --project bench/Pipeline.GraphBench -c Release -nologo -v quiet
  exit $?
fi

if [ "$script" = chat ]; then
  # In-process (Edge.Api and Handlers in the program): its own database and vhost, created and dropped by the program.
  BENCH_CHAT_REPORT="${BENCH_CHAT_REPORT:-docs/chat-benchmark.md}" \
    dotnet run --project bench/Pipeline.ChatBench -c Release -nologo -v quiet
  exit $?
fi

if [ "$script" = search ]; then
  # In-process (Edge.Api and Handlers in the program): its own database and vhost, created and dropped by the program.
  BENCH_SEARCH_REPORT="${BENCH_SEARCH_REPORT:-docs/search-benchmark.md}" \
    dotnet run --project bench/Pipeline.SearchBench -c Release -nologo -v quiet
  exit $?
fi

if [ "$script" = analytics ]; then
  # In-process (Edge.Api in the program): its own database and vhost, created and dropped by the program.
  BENCH_ANALYTICS_REPORT="${BENCH_ANALYTICS_REPORT:-docs/analytics-benchmark.md}" \
    dotnet run --project bench/Pipeline.AnalyticsBench -c Release -nologo -v quiet
  exit $?
fi

driver=""
stop() {
  trap - INT TERM
  # The driver stops what it started (Edge.Api, Handlers, its redis-server) by PID when it gets SIGTERM.
  [ -n "$driver" ] && kill -TERM "$driver" 2>/dev/null && wait "$driver" 2>/dev/null
  exit 130
}
trap stop INT TERM
python3 "$script" "${@:2}" &
driver=$!
wait "$driver"
