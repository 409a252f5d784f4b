#!/usr/bin/env bash
# Installs (with apt, when missing) and starts private PostgreSQL, RabbitMQ and Redis instances on 127.0.0.1.
# Sourced by run.sh, test.sh and bench.sh. Idempotent: running instances are reused; a stale one left behind by a
# killed run (pid file without a process) is started again over its data.
#
# Every port and the data folder can be overridden: PIPELINE_DATA_DIR, PIPELINE_PG_PORT, PIPELINE_RABBIT_PORT,
# PIPELINE_RABBIT_MGMT_PORT, PIPELINE_RABBIT_DIST_PORT, PIPELINE_REDIS_PORT.
#
# Secrets are generated once per data folder, mode 600 from the moment they exist, and handed to the hosts by
# infra_export_settings: the JWT signing key (signing.key), Redis' password (redis.password: requirepass) and the
# RabbitMQ users' passwords (rabbitmq.password for the hosts' user "pipeline": the management tag and rights on the
# vhosts it is given only; rabbitmq-admin.password for "pipeline-admin": administrator, used by these scripts, the tests
# and the benchmarks to create virtual hosts). A fresh broker never has "guest". A data folder made by an older version
# of this script is upgraded in place: a running password-less Redis gets its password, the users are added through
# guest (which is then left, loopback-only, for whatever still uses it; `rabbitmqctl delete_user guest` removes it).

PIPELINE_ROOT="${PIPELINE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
PIPELINE_DATA_DIR="${PIPELINE_DATA_DIR:-$PIPELINE_ROOT/.data}"
PG_PORT="${PIPELINE_PG_PORT:-55432}"
RABBIT_PORT="${PIPELINE_RABBIT_PORT:-55672}"
RABBIT_MGMT_PORT="${PIPELINE_RABBIT_MGMT_PORT:-55673}"
RABBIT_DIST_PORT="${PIPELINE_RABBIT_DIST_PORT:-55674}"
REDIS_PORT="${PIPELINE_REDIS_PORT:-56379}"
PG_BIN="${PIPELINE_PG_BIN:-/usr/lib/postgresql/15/bin}"
RABBIT_NODE="pipeline-${RABBIT_PORT}@localhost"
RABBIT_USER="pipeline"
RABBIT_ADMIN_USER="pipeline-admin"
# A loopback-only development instance; override PIPELINE_PG_PASSWORD for anything else.
PG_USER="pipeline"
PG_PASSWORD="${PIPELINE_PG_PASSWORD:-pipeline-dev}"
PG_DATABASE="${PIPELINE_PG_DATABASE:-pipeline}"

log() { printf '[infra] %s\n' "$*" >&2; }

# secret <file> [bytes]: prints the secret kept in <file>, creating it first (random, letters and digits). umask 077:
# the file is never readable by anyone else, not even for a moment; mv -n: of two concurrent starts, the first wins.
secret() {
  local file=$1 bytes=${2:-32}
  if [ ! -s "$file" ]; then
    mkdir -p "$(dirname "$file")"
    ( umask 077; head -c "$bytes" /dev/urandom | base64 -w0 | tr -d '/+=' >"$file.$$" && mv -n "$file.$$" "$file"; rm -f "$file.$$" )
  fi
  chmod 600 "$file"
  cat "$file"
}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

infra_install() {
  local packages=()
  [ -x "$PG_BIN/postgres" ] && [ -x "$PG_BIN/initdb" ] || packages+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || packages+=(rabbitmq-server)
  command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
  command -v curl >/dev/null 2>&1 || packages+=(curl)
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  # The console (console/, Vite): Debian 12's nodejs 18 is enough.
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
  # Analytics exports: PDF fonts (DejaVu Sans), and pdftotext for the tests that open the PDFs.
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
  command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
  # Voice tutoring offline (Handlers/Voice): speech to text, text to speech, and decoding mp3/m4a/webm to 16 kHz WAV.
  command -v pocketsphinx_continuous >/dev/null 2>&1 || packages+=(pocketsphinx)
  [ -f /usr/share/pocketsphinx/model/en-us/en-us.lm.bin ] || packages+=(pocketsphinx-en-us)
  command -v espeak-ng >/dev/null 2>&1 || packages+=(espeak-ng)
  command -v ffmpeg >/dev/null 2>&1 || packages+=(ffmpeg)
  if [ "${#packages[@]}" -gt 0 ]; then
    log "installing ${packages[*]} with apt"
    as_root apt-get update -qq
    # The packages' own service start is not wanted (no init system here, and we run private instances).
    as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # wait_for <seconds> <description> <command...>
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then log "$what did not come up within ${seconds}s"; return 1; fi
    sleep 0.5
  done
}

# PostgreSQL refuses to run as root, so it runs as the postgres OS user. Its data folder must be reachable by that
# user: when the checkout sits under a private home folder, the data goes to /var/tmp instead (and the log says so).
pg_data_dir() {
  local preferred="$PIPELINE_DATA_DIR/postgres"
  if [ "$(id -u)" -ne 0 ]; then echo "$preferred"; return; fi
  mkdir -p "$PIPELINE_DATA_DIR"
  if runuser -u postgres -- test -x "$PIPELINE_DATA_DIR" 2>/dev/null; then echo "$preferred"; return; fi
  local key; key=$(printf '%s' "$PIPELINE_DATA_DIR" | md5sum | cut -c1-12)
  echo "/var/tmp/pipeline-$key/postgres"
}

run_as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

infra_start_postgres() {
  local data; data=$(pg_data_dir)
  PG_DATA_DIR="$data"
  # An older version of this script gave the whole data folder to postgres: take it back (the cluster keeps its own).
  if [ "$(id -u)" -eq 0 ] && [ -d "$PIPELINE_DATA_DIR" ] && [ "$(stat -c %U "$PIPELINE_DATA_DIR")" = postgres ]; then
    log "giving $PIPELINE_DATA_DIR back to $(id -un) (only its postgres folder belongs to postgres)"
    chown "$(id -u):$(id -g)" "$PIPELINE_DATA_DIR"
    local entry
    for entry in "$PIPELINE_DATA_DIR"/* "$PIPELINE_DATA_DIR"/.[!.]*; do
      [ -e "$entry" ] && [ "$entry" != "$data" ] && [ "$(stat -c %U "$entry")" = postgres ] && chown -R "$(id -u):$(id -g)" "$entry"
    done
  fi
  if ! id postgres >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then useradd --system --home-dir /var/lib/postgresql postgres; fi
  if [ ! -s "$data/PG_VERSION" ]; then
    log "initialising PostgreSQL in $data"
    mkdir -p "$data"
    # Only the cluster's own folder belongs to postgres: the data folder around it holds the other services' data and
    # the secrets, which that user must not be able to replace.
    [ "$(id -u)" -eq 0 ] && chown -R postgres: "$data"
    local pwfile; pwfile=$(mktemp); printf '%s\n' "$PG_PASSWORD" >"$pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$pwfile"
    run_as_pg "$PG_BIN/initdb" -D "$data" -U "$PG_USER" --pwfile="$pwfile" --auth-host=scram-sha-256 \
      --auth-local=peer -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
    # synchronous_commit stays on: a saga transition is acknowledged to RabbitMQ after its commit, so a commit that a
    # crash could take back would lose the transition (and its stage timer). A flush costs ~0.2 ms here (pg_test_fsync).
    cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$data'
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
EOF
  fi
  if run_as_pg "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1 && port_open "$PG_PORT"; then
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT"
  else
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    # pg_ctl ignores a pid file whose process is gone; crash recovery replays the WAL.
    run_as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null
  fi
  wait_for 60 PostgreSQL "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT"
  if ! PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'" | grep -q 1; then
    PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "CREATE DATABASE \"$PG_DATABASE\"" \
      2>/dev/null || true # a concurrent start may have created it
  fi
}

rabbit_env() {
  local base="$PIPELINE_DATA_DIR/rabbitmq"
  mkdir -p "$base/mnesia" "$base/log"
  export RABBITMQ_NODENAME="$RABBIT_NODE"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RABBIT_PORT"
  export RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT"
  export RABBITMQ_MNESIA_BASE="$base/mnesia"
  export RABBITMQ_LOG_BASE="$base/log"
  export RABBITMQ_PID_FILE="$base/rabbitmq.pid"
  export RABBITMQ_CONFIG_FILE="$base/rabbitmq"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$base/advanced.config"
  # The Erlang cookie lives in $HOME; a private HOME keeps it away from any system instance.
  export HOME="$base"
  local admin_password; admin_password=$(secret "$PIPELINE_DATA_DIR/rabbitmq-admin.password")
  # The first start of a fresh node creates this administrator instead of guest (ignored once the node exists).
  ( umask 077; cat >"$base/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$RABBIT_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RABBIT_MGMT_PORT
default_user = $RABBIT_ADMIN_USER
default_pass = $admin_password
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
loopback_users.guest = true
vm_memory_high_watermark.relative = 0.4
disk_free_limit.absolute = 200MB
log.console = false
log.file.level = warning
EOF
  )
  echo '[rabbitmq_management].' >"$base/enabled_plugins"
  [ -f "$base/advanced.config" ] || echo '[].' >"$base/advanced.config"
}

# Up when the management API answers (401 without credentials) and the AMQP port accepts connections.
rabbit_ready() {
  case "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$RABBIT_MGMT_PORT/api/overview")" in
    200|401) port_open "$RABBIT_PORT" ;;
    *) return 1 ;;
  esac
}

# rabbit_api <user> <password> <method> <path> [json]: the management API; credentials go through stdin, not argv.
rabbit_api() {
  local user=$1 password=$2 method=$3 path=$4 body=${5:-}
  printf 'user = "%s:%s"\n' "$user" "$password" | curl -sf -K - -X "$method" -H 'content-type: application/json' \
    ${body:+--data "$body"} "http://127.0.0.1:$RABBIT_MGMT_PORT/api/$path" >/dev/null
}

# The hosts' user and the administrator, with their passwords from the data folder; added (through guest) to a broker
# an older version of this script created.
infra_rabbit_users() {
  local admin_password app_password by by_password
  admin_password=$(secret "$PIPELINE_DATA_DIR/rabbitmq-admin.password")
  app_password=$(secret "$PIPELINE_DATA_DIR/rabbitmq.password")
  if rabbit_api "$RABBIT_ADMIN_USER" "$admin_password" GET whoami; then
    by=$RABBIT_ADMIN_USER by_password=$admin_password
  elif rabbit_api guest guest GET whoami; then
    log "adding RabbitMQ users $RABBIT_ADMIN_USER and $RABBIT_USER (through guest, which stays for now)"
    by=guest by_password=guest
  else
    log "RabbitMQ: neither $RABBIT_ADMIN_USER (password in $PIPELINE_DATA_DIR/rabbitmq-admin.password) nor guest can log in"
    return 1
  fi
  rabbit_api "$by" "$by_password" PUT "users/$RABBIT_ADMIN_USER" "{\"password\":\"$admin_password\",\"tags\":\"administrator\"}" &&
  rabbit_api "$by" "$by_password" PUT "users/$RABBIT_USER" "{\"password\":\"$app_password\",\"tags\":\"management\"}" &&
  rabbit_api "$by" "$by_password" PUT "permissions/%2F/$RABBIT_USER" '{"configure":".*","write":".*","read":".*"}'
}

# A broker that just stopped can hold its ports for a moment; one started then dies at once with eaddrinuse (seen in a
# fault-injection run: the restarted broker never came back and the suite waited on it).
rabbit_ports_free() {
  if command -v ss >/dev/null 2>&1; then
    [ -z "$(ss -Htan "( sport = :$RABBIT_PORT or sport = :$RABBIT_MGMT_PORT or sport = :$RABBIT_DIST_PORT )" 2>/dev/null)" ]
  else
    ! port_open "$RABBIT_PORT" && ! port_open "$RABBIT_MGMT_PORT"
  fi
}

rabbit_crashed() { grep -q "init terminating" "$PIPELINE_DATA_DIR/rabbitmq/log/startup.log" 2>/dev/null; }

infra_start_rabbitmq() {
  if rabbit_ready; then log "RabbitMQ already running on 127.0.0.1:$RABBIT_PORT"; infra_rabbit_users; return; fi
  local attempt deadline
  for attempt in 1 2 3; do
    log "starting RabbitMQ on 127.0.0.1:$RABBIT_PORT (management on $RABBIT_MGMT_PORT)"
    (
      rabbit_env
      local pidfile="$PIPELINE_DATA_DIR/rabbitmq/rabbitmq.pid"
      if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        log "RabbitMQ process $(cat "$pidfile") exists but does not answer yet; waiting for it"
      else
        rm -f "$pidfile"
        # setsid: the broker outlives this script and ignores the terminal's Ctrl-C.
        setsid /usr/lib/rabbitmq/bin/rabbitmq-server >"$PIPELINE_DATA_DIR/rabbitmq/log/startup.log" 2>&1 </dev/null &
      fi
    )
    deadline=$((SECONDS + 120))
    until rabbit_ready; do
      if rabbit_crashed; then log "RabbitMQ stopped while starting (attempt $attempt): $(grep -o 'eaddrinuse' "$PIPELINE_DATA_DIR/rabbitmq/log/startup.log" | head -1)"; break; fi
      if [ "$SECONDS" -ge "$deadline" ]; then tail -20 "$PIPELINE_DATA_DIR/rabbitmq/log/startup.log" >&2; return 1; fi
      sleep 0.5
    done
    rabbit_ready && { infra_rabbit_users; return; }
    wait_for 30 "RabbitMQ's ports to be released" rabbit_ports_free || true
    sleep 2
  done
  tail -20 "$PIPELINE_DATA_DIR/rabbitmq/log/startup.log" >&2
  return 1
}

# redis_cli <args...>: with the password (from the environment, not argv).
redis_cli() { REDISCLI_AUTH="$(secret "$PIPELINE_DATA_DIR/redis.password")" redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }

infra_start_redis() {
  local dir="$PIPELINE_DATA_DIR/redis" password
  mkdir -p "$dir"
  password=$(secret "$PIPELINE_DATA_DIR/redis.password")
  # A cache: nothing to persist, PostgreSQL is the source of truth. The password goes in a file only its owner reads.
  ( umask 077; cat >"$dir/redis.conf" <<EOF
bind 127.0.0.1
port $REDIS_PORT
dir $dir
daemonize yes
pidfile $dir/redis.pid
logfile $dir/redis.log
save ""
appendonly no
protected-mode yes
requirepass "$password"
EOF
  )
  local anonymous; anonymous=$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>&1 || true)
  if [ "$anonymous" = PONG ]; then
    # Started by an older version of this script, without a password: set it now (through stdin, not argv).
    log "Redis on 127.0.0.1:$REDIS_PORT has no password: setting the one in $PIPELINE_DATA_DIR/redis.password"
    printf 'CONFIG SET requirepass "%s"\n' "$password" | redis-cli -h 127.0.0.1 -p "$REDIS_PORT" >/dev/null
  fi
  if [[ "$anonymous" == PONG || "$anonymous" == *NOAUTH* ]]; then
    if [ "$(redis_cli ping 2>/dev/null)" = PONG ]; then log "Redis already running on 127.0.0.1:$REDIS_PORT"; return; fi
    log "Redis on 127.0.0.1:$REDIS_PORT refuses the password in $PIPELINE_DATA_DIR/redis.password"; return 1
  fi
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server "$dir/redis.conf"
  wait_for 30 Redis sh -c "REDISCLI_AUTH='$password' redis-cli -h 127.0.0.1 -p $REDIS_PORT ping | grep -q PONG"
}

# Restarts for the fault-injection tests (tests/Pipeline.Tests/Reliability): each service is stopped through its own
# pid (pg_ctl reads postmaster.pid; RabbitMQ's pid file), never by process name, and started again as infra_up starts
# it. Every client of the instance sees the outage, so those tests run alone (see ReliabilityCollection).
infra_restart_postgres() {
  local data; data=$(pg_data_dir)
  log "restarting PostgreSQL on 127.0.0.1:$PG_PORT"
  # fast: open transactions are rolled back and clients disconnected, as when a database server is restarted.
  run_as_pg "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
  infra_start_postgres
}

infra_restart_rabbitmq() {
  local pidfile="$PIPELINE_DATA_DIR/rabbitmq/rabbitmq.pid" pid
  pid=$(cat "$pidfile" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    log "restarting RabbitMQ on 127.0.0.1:$RABBIT_PORT (stopping pid $pid)"
    # SIGTERM is RabbitMQ's graceful stop: connections close, unacknowledged deliveries return to their queues.
    kill -TERM "$pid"
    local deadline=$((SECONDS + 60))
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$SECONDS" -ge "$deadline" ]; then log "RabbitMQ pid $pid did not stop within 60s"; return 1; fi
      sleep 0.2
    done
  fi
  wait_for 30 "RabbitMQ's ports to be released" rabbit_ports_free || true
  infra_start_rabbitmq
}

infra_stop() {
  local data; data=$(pg_data_dir)
  run_as_pg "$PG_BIN/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
  redis_cli shutdown nosave >/dev/null 2>&1 || true
  (rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl -n "$RABBIT_NODE" stop >/dev/null 2>&1) || true
}

# Exports the settings the .NET hosts read, in the ASP.NET Core environment-variable form (Section__Key).
# Values already set by the caller win, so every setting can be overridden from the outside.
infra_export_settings() {
  export ConnectionStrings__Postgres="${ConnectionStrings__Postgres:-Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DATABASE;Username=$PG_USER;Password=$PG_PASSWORD;Maximum Pool Size=100}"
  export RabbitMq__Host="${RabbitMq__Host:-127.0.0.1}"
  export RabbitMq__Port="${RabbitMq__Port:-$RABBIT_PORT}"
  export RabbitMq__ManagementPort="${RabbitMq__ManagementPort:-$RABBIT_MGMT_PORT}"
  export RabbitMq__Username="${RabbitMq__Username:-$RABBIT_USER}"
  [ -n "${RabbitMq__Password:-}" ] || { RabbitMq__Password=$(secret "$PIPELINE_DATA_DIR/rabbitmq.password"); export RabbitMq__Password; }
  # For what creates virtual hosts (the tests, the benchmarks); the hosts themselves never get it.
  export PIPELINE_RABBIT_ADMIN_USER="${PIPELINE_RABBIT_ADMIN_USER:-$RABBIT_ADMIN_USER}"
  [ -n "${PIPELINE_RABBIT_ADMIN_PASSWORD:-}" ] || {
    PIPELINE_RABBIT_ADMIN_PASSWORD=$(secret "$PIPELINE_DATA_DIR/rabbitmq-admin.password"); export PIPELINE_RABBIT_ADMIN_PASSWORD; }
  [ -n "${Redis__Configuration:-}" ] || {
    Redis__Configuration="127.0.0.1:$REDIS_PORT,password=$(secret "$PIPELINE_DATA_DIR/redis.password")"; export Redis__Configuration; }
  export MASSTRANSIT_USAGE_TELEMETRY=false
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  # A per-checkout signing key, generated once and kept out of git, unless configuration provides one.
  if [ -z "${Auth__SigningKey:-}" ]; then
    Auth__SigningKey=$(secret "$PIPELINE_DATA_DIR/signing.key" 48); export Auth__SigningKey
  fi
}

infra_up() {
  infra_install
  mkdir -p "$PIPELINE_DATA_DIR"
  infra_start_postgres
  infra_start_rabbitmq
  infra_start_redis
  infra_export_settings
}
