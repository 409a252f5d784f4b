#!/usr/bin/env python3
"""The benchmark driver behind ./bench.sh (read docs/benchmarks.md for what each figure means).

Runs Edge.Api and Handlers (Release builds) as real processes on their own port, database (`bench`), RabbitMQ vhost
(`bench`), Redis key prefix (`bench:`) and a private redis-server, so nothing else on the machine is disturbed. Every
compared figure is a ratio measured in the same run; each benchmark is repeated and its median reported. Everything
it starts is stopped by PID on the way out (also on Ctrl-C / SIGTERM).

Settings come from the environment bench.sh exports (PG_PORT, RABBIT_PORT, ...); see main().
"""
import concurrent.futures, json, math, os, platform, re, signal, statistics, subprocess, sys, time
import urllib.error, urllib.request, uuid
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
env = os.environ
HTTP_PORT = int(env.get("BENCH_HTTP_PORT", "18180"))
REDIS_PORT = int(env.get("BENCH_REDIS_PORT", "56479"))
REPEATS = int(env.get("BENCH_REPEATS", "3"))
WRK_SECONDS = int(env.get("BENCH_WRK_SECONDS", "10"))
WRK_CONNECTIONS = int(env.get("BENCH_WRK_CONNECTIONS", "64"))
GENERATIONS = int(env.get("BENCH_GENERATIONS", "200"))
TRIVIAL_MESSAGES = int(env.get("BENCH_TRIVIAL_MESSAGES", "20000"))
STRUCTURE_CALLS = int(env.get("BENCH_STRUCTURE_CALLS", "30"))
CHAIN_HOPS = 8  # sends on the time to structure's critical path (see bus_chain_floor)
CHAIN_COUNT = int(env.get("BENCH_CHAIN_COUNT", "200"))
LATENCY_MS = int(env.get("BENCH_LLM_LATENCY_MS", "300"))
LLM_CAP = int(env.get("BENCH_LLM_CONCURRENCY", "8"))
BATCH = int(env.get("BENCH_BATCH", "20"))
PG = dict(host="127.0.0.1", port=env.get("PG_PORT", "55432"), user=env.get("PG_USER", "pipeline"), password=env.get("PG_PASSWORD", "pipeline-dev"))
RABBIT_PORT, RABBIT_MGMT = env.get("RABBIT_PORT", "55672"), env.get("RABBIT_MGMT_PORT", "55673")
# The hosts' broker user and the administrator that creates the benchmark's vhost, as scripts/infra.sh exports them.
RABBIT_USER = (env.get("RabbitMq__Username", "guest"), env.get("RabbitMq__Password", "guest"))
RABBIT_ADMIN = (env.get("PIPELINE_RABBIT_ADMIN_USER", RABBIT_USER[0]), env.get("PIPELINE_RABBIT_ADMIN_PASSWORD", RABBIT_USER[1]))
VHOST, DATABASE, PREFIX = "bench", "bench", "bench:"
BASE = f"http://127.0.0.1:{HTTP_PORT}"
LOGS = os.path.join(env.get("PIPELINE_DATA_DIR", os.path.join(ROOT, ".data")), "bench-logs")
TOPICS = ["trading", "chess", "photography", "statistics", "gardening", "guitar", "spanish", "astronomy"]

started = {}  # name -> Popen: everything this script started, stopped by PID


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- processes

def start(name, args, cwd=ROOT, extra_env=None):
    os.makedirs(LOGS, exist_ok=True)
    out = open(os.path.join(LOGS, f"{name}.log"), "ab")
    process = subprocess.Popen(args, cwd=cwd, env={**env, **(extra_env or {})}, stdout=out, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)
    started[name] = process
    log(f"started {name} (pid {process.pid})")
    return process


def stop(name):
    process = started.pop(name, None)
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log(f"stopped {name} (pid {process.pid})")


def stop_all():
    for name in list(started)[::-1]:
        stop(name)


def peak_rss_mb(process):
    with open(f"/proc/{process.pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def cpu_seconds(process):
    return stat_cpu_seconds(process.pid)


def stat_cpu_seconds(pid):
    """User + system CPU time of a running process, from /proc/<pid>/stat."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def service_pids():
    """The broker node and the `bench` database's PostgreSQL backends (one process per connection; the hosts' pooled
    connections live through a run), as {pid: "rabbitmq" | "postgresql"}. Found by what they are, read-only."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                command = f.read().replace(b"\0", b" ").decode(errors="replace")
            if command.startswith(f"postgres: {PG['user']} {DATABASE} "):
                found[int(entry)] = "postgresql"
            elif "beam.smp" in command:
                with open(f"/proc/{entry}/environ", "rb") as f:
                    if f"RABBITMQ_NODE_PORT={RABBIT_PORT}".encode() in f.read().split(b"\0"):
                        found[int(entry)] = "rabbitmq"
        except OSError:
            pass  # gone meanwhile, or not ours to read
    return found


def cpu_of(pids):
    """User + system CPU seconds of these processes together; one that has ended counts as nothing."""
    total = 0.0
    for pid in pids:
        try:
            total += stat_cpu_seconds(pid)
        except OSError:
            pass
    return total


def service_cpu_seconds():
    """CPU time so far of the broker node and of the `bench` database's PostgreSQL backends."""
    totals = {"postgresql": 0.0, "rabbitmq": 0.0}
    for pid, kind in service_pids().items():
        totals[kind] += cpu_of([pid])
    return totals


def wait_until(what, condition, seconds=120, interval=0.25):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except Exception:
            pass
        time.sleep(interval)
    raise SystemExit(f"{what} did not happen within {seconds} s (logs: {LOGS})")


def start_redis():
    start("redis", ["redis-server", "--bind", "127.0.0.1", "--port", str(REDIS_PORT), "--save", "", "--appendonly", "no",
                    "--protected-mode", "yes", "--dir", LOGS])
    wait_until("private Redis", lambda: subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True,
                                                       text=True).stdout.strip() == "PONG", 30)


def host_env(latency_ms=0):
    return {
        "ConnectionStrings__Postgres": f"Host=127.0.0.1;Port={PG['port']};Database={DATABASE};Username={PG['user']};"
                                       f"Password={PG['password']};Maximum Pool Size=100",
        "RabbitMq__VirtualHost": VHOST, "Redis__KeyPrefix": PREFIX, "Redis__Configuration": f"127.0.0.1:{REDIS_PORT}",
        "PIPELINE_HTTP_PORT": str(HTTP_PORT),
        # The per-user limit on generation requests would refuse a 200-path burst from one benchmark user.
        "Pipeline__RateLimits__AiRequestsPerMinute": "1000000",
        "Pipeline__RateLimits__GlobalAiRequestsPerMinute": "1000000",
        # Every benchmark user signs up and logs in from 127.0.0.1.
        "Pipeline__ClientLimits__Registrations__Limit": "1000000", "Pipeline__ClientLimits__Logins__Limit": "1000000",
        "Ai__Provider": "offline", "Ai__SimulatedLatencyMs": str(latency_ms), "Ai__MaxConcurrency": str(LLM_CAP),
        "DOTNET_ENVIRONMENT": "Production", "ASPNETCORE_ENVIRONMENT": "Production",
        "Logging__LogLevel__Default": "Warning",
    }


def start_handlers(latency_ms):
    process = start("handlers", ["dotnet", "bin/Release/net10.0/Pipeline.Handlers.dll"], cwd=os.path.join(ROOT, "Handlers"),
                    extra_env=host_env(latency_ms))
    # Ready once its saga queue has a consumer.
    wait_until("Handlers consuming", lambda: rabbit(f"queues/{VHOST}/learning-path-saga").get("consumers", 0) > 0, 120)
    return process


EDGE_RUNTIME = {"DOTNET_GCgen0size": "0x4000000"}  # as run.sh and docker/Dockerfile.edge-api start Edge.Api


def start_edge():
    process = start("edge", ["dotnet", "bin/Release/net10.0/Pipeline.Edge.Api.dll"], cwd=os.path.join(ROOT, "Edge.Api"),
                    extra_env={**EDGE_RUNTIME, **host_env()})
    wait_until("Edge.Api ready", lambda: http("GET", "/health/ready")[0] == 200, 120)
    return process


# ---------------------------------------------------------------- clients

def http(method, path, body=None, token=None, timeout=120):
    request = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode())
    # Only a request with a body says what it is: a GET saying JSON without one is refused 400 (empty JSON body).
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def rabbit(path, method="GET", body=None):
    import base64
    request = urllib.request.Request(f"http://127.0.0.1:{RABBIT_MGMT}/api/{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{RABBIT_ADMIN[0]}:{RABBIT_ADMIN[1]}".encode()).decode())
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            raw = response.read()
            return json.loads(raw) if raw else {}
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return {}
        raise


def sql(query, database=DATABASE):
    result = subprocess.run(["psql", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], "-d", database, "-tAqX", "-F", "|",
                             "-c", query], env={**env, "PGPASSWORD": PG["password"]}, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"psql failed: {result.stderr.strip()}")
    return [line.split("|") for line in result.stdout.strip().splitlines() if line]


def quoted(values):
    return ",".join("'" + v.replace("'", "''") + "'" for v in values)


def reset_state():
    sql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)', "postgres")
    sql(f'CREATE DATABASE "{DATABASE}"', "postgres")
    rabbit(f"vhosts/{VHOST}", "DELETE")
    rabbit(f"vhosts/{VHOST}", "PUT", {})
    rabbit(f"permissions/{VHOST}/{RABBIT_USER[0]}", "PUT", {"configure": ".*", "write": ".*", "read": ".*"})


def start_system():
    """Fresh database and vhost, the private Redis, Handlers (instant LLM) and Edge.Api; returns (handlers, edge, token).
    bench.sh stops its driver with SIGTERM: exiting through Python's handlers runs the driver's `finally: stop_all()`."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    reset_state()
    start_redis()
    handlers = start_handlers(0)
    edge = start_edge()
    return handlers, edge, login()


def login():
    email, password = f"bench-{uuid.uuid4().hex[:12]}@example.com", "Measure-2026"
    status, body = http("POST", "/api/v1/auth/register", {"email": email, "password": password})
    assert status == 201, (status, body)
    status, body = http("POST", "/api/v1/auth/login", {"username": email, "password": password})
    assert status == 200, (status, body)
    return body["access_token"]


def prompt(i):
    return f"I want to learn {TOPICS[i % len(TOPICS)]} in {10 + i % 4 * 10} days"


def generate_and_wait(token, i):
    """Seed 000: returns (seconds until the structure answer, task id)."""
    begin = time.perf_counter()
    status, body = http("POST", "/api/recommendation/chat/generate-learning-path", {"prompt": prompt(i)}, token)
    elapsed = time.perf_counter() - begin
    assert status == 200, (status, body)
    return elapsed, body["task_id"], begin


def wait_completed(token, task_id, interval=0.01, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, body = http("GET", f"/api/tasks/{task_id}/status", token=token)
        if status == 200 and body["status"] in ("completed", "failed", "timeout", "canceled"):
            if body["status"] != "completed":
                raise SystemExit(f"task {task_id} ended {body['status']}: {body.get('error_details')}")
            return time.perf_counter()
        time.sleep(interval)
    raise SystemExit(f"task {task_id} did not complete within {seconds} s")


def submit_background(token, count, offset=0):
    def one(i):
        status, body = http("POST", "/api/recommendation/learning-paths/generate", {"prompt": prompt(i)}, token)
        assert status == 202, (status, body)
        return body["task_id"]
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        return list(pool.map(one, range(offset, offset + count)))


def wait_all_final(task_ids, seconds=600):
    ids = quoted(task_ids)
    def done():
        rows = sql(f"SELECT count(*) FILTER (WHERE status IN ('completed','failed','timeout','canceled')), "
                   f"count(*) FILTER (WHERE status <> 'completed' AND status IN ('failed','timeout','canceled')) "
                   f"FROM user_tasks WHERE task_id IN ({ids})")
        finished, bad = int(rows[0][0]), int(rows[0][1])
        if bad:
            raise SystemExit(f"{bad} benchmark tasks did not complete (logs: {LOGS})")
        return finished == len(task_ids)
    wait_until(f"{len(task_ids)} tasks completed", done, seconds, 0.2)
    rows = sql(f"SELECT extract(epoch FROM max(ended_at) - min(created_at)), sum(completed_items), sum(llm_calls), "
               f"(SELECT count(*) FROM sections s JOIN user_tasks t ON t.learning_path_id = s.learning_path_id "
               f" WHERE t.task_id IN ({ids})) FROM user_tasks WHERE task_id IN ({ids})")
    span, cards, calls, sections = rows[0]
    return float(span), int(cards), int(calls), int(sections)


def task_shape(task_id):
    rows = sql(f"SELECT t.llm_calls, t.completed_items, (SELECT count(*) FROM sections s WHERE s.learning_path_id = t.learning_path_id), "
               f"extract(epoch FROM t.ended_at - t.created_at) FROM user_tasks t WHERE t.task_id = '{task_id}'")
    calls, cards, sections, seconds = rows[0]
    return int(calls), int(cards), int(sections), float(seconds)


def per_path_sections(task_ids):
    rows = sql(f"SELECT (SELECT count(*) FROM sections s WHERE s.learning_path_id = t.learning_path_id) "
               f"FROM user_tasks t WHERE t.task_id IN ({quoted(task_ids)})")
    return [int(r[0]) for r in rows]


def is_pipeline_queue(name):
    # Heartbeats tick every few seconds whatever the load, and the harness (bench/Pipeline.Bench) has its own queues:
    # neither is pipeline traffic, and counting heartbeats kept the totals from ever settling.
    return not name.startswith("bench-") and name != "endpoint-heartbeats"


def queue_deliveries():
    return {q["name"]: q.get("message_stats", {}).get("deliver_get", 0) for q in rabbit(f"queues/{VHOST}")
            if is_pipeline_queue(q["name"])}


def settled_queue_deliveries():
    """The management API refreshes its counters every 5 s: read until two reads 6 s apart agree."""
    previous = queue_deliveries()
    while True:
        time.sleep(6)
        current = queue_deliveries()
        if current == previous:
            return current
        previous = current


# ---------------------------------------------------------------- measurements

def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def to_ms(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(path, token=None):
    args = ["wrk", "-t2", f"-c{WRK_CONNECTIONS}", f"-d{WRK_SECONDS}s", "--latency", "--timeout", "5s"]
    if token:
        args += ["-H", f"Authorization: Bearer {token}"]
    output = subprocess.run(args + [BASE + path], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.M))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: .*", output)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)), "p50_ms": to_ms(latency["50"]),
            "p99_ms": to_ms(latency["99"]), "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
            "socket_errors": errors.group(0) if errors else None}


def median_of(runs, key):
    return round(statistics.median(run[key] for run in runs), 3)


def poll_benchmark(token, task_id, mode):
    bare, status = [], []
    for repeat in range(REPEATS):
        bare.append(wrk("/health/ping"))
        status.append(wrk(f"/api/tasks/{task_id}/status", token))
        log(f"poll ({mode}) {repeat + 1}/{REPEATS}: ping {bare[-1]['rps']:.0f} req/s, status {status[-1]['rps']:.0f} req/s "
            f"(p99 {status[-1]['p99_ms']} ms)")
    failed = sum(run["non_2xx"] for run in status + bare)
    if failed:
        raise SystemExit(f"poll benchmark ({mode}): {failed} non-2xx answers")
    ratios = [s["rps"] / b["rps"] for s, b in zip(status, bare)]
    return {"mode": mode, "bare_rps": median_of(bare, "rps"), "bare_p50_ms": median_of(bare, "p50_ms"),
            "bare_p99_ms": median_of(bare, "p99_ms"), "status_rps": median_of(status, "rps"),
            "status_p50_ms": median_of(status, "p50_ms"), "status_p99_ms": median_of(status, "p99_ms"),
            "ratio": round(statistics.median(ratios), 3), "runs": {"bare": bare, "status": status}}


def harness(mode, *args):
    """Runs bench/Pipeline.Bench (the bus alone, on the same broker and vhost) and returns its JSON line."""
    output = subprocess.run(["dotnet", "bench/Pipeline.Bench/bin/Release/net10.0/Pipeline.Bench.dll", "--port", RABBIT_PORT,
                             "--vhost", VHOST, "--user", RABBIT_USER[0], "--password", RABBIT_USER[1], "--mode", mode, *args], cwd=ROOT, capture_output=True, text=True,
                            check=True, env={**env, "MASSTRANSIT_USAGE_TELEMETRY": "false"}).stdout
    return json.loads(output.strip().splitlines()[-1])


# The storage round trips on the time to structure's critical path (`./bench.sh hops` counts them per call):
#   commits: the edge's task insert, 4 saga steps' commits, the save stage's statement           -> 6
#   reads and uncommitted writes: 4 saga lock+loads, 4 saga write+projection batches, the extract and
#   plan stages' cancel checks, the edge's read of the saved path                                  -> 11
#   Redis: the edge's rate-limit count and first status, 4 saga status writes                      -> 6
FLOOR_COMMITS, FLOOR_READS, FLOOR_REDIS = 6, 11, 6


def path_processes():
    """Every process on the time to structure's path: the two hosts, the `bench` database's backends, the broker node and
    our Redis (found before a call, read again right after it: reading a few /proc files takes well under 1 ms)."""
    pids = [process.pid for name, process in started.items() if name in ("edge", "handlers", "redis")]
    return pids + list(service_pids())


def storage_round_trips():
    """Single round trips with the product's client libraries (bench/Pipeline.Bench --mode storage)."""
    return harness("storage", "--count", "500", "--redis", f"127.0.0.1:{REDIS_PORT}",
                   "--postgres", host_env()["ConnectionStrings__Postgres"])


def bus_chain_floor():
    """The bus's own latency for the sends on the time to structure's critical path: edge -> saga, saga -> extract,
    extract -> saga, saga -> plan, plan -> saga, saga -> save, save -> saga, saga -> edge (CHAIN_HOPS sends, each
    received by a no-op consumer that sends the next), chains one after another."""
    return harness("chain", "--count", str(CHAIN_COUNT), "--hops", str(CHAIN_HOPS))


def trivial_consumer():
    import resource
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    services_before = service_cpu_seconds()
    result = harness("rate", "--count", str(TRIVIAL_MESSAGES))
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    rabbit_cpu = service_cpu_seconds()["rabbitmq"] - services_before["rabbitmq"]
    cpu = cpu_after.ru_utime + cpu_after.ru_stime - cpu_before.ru_utime - cpu_before.ru_stime
    # Includes start-up, connection and the 200-message warm-up: an upper bound of its cost per message.
    result["cpu_ms_per_message"] = round(cpu * 1000 / result["messages"], 3)
    result["rabbitmq_cpu_ms_per_message"] = round(rabbit_cpu * 1000 / result["messages"], 3)
    result["total_cpu_ms_per_message"] = round((cpu + rabbit_cpu) * 1000 / result["messages"], 3)
    return result


def pipeline_run(token, offset):
    queues_before = settled_queue_deliveries()
    handlers, edge = started["handlers"], started["edge"]
    cpu_before = cpu_seconds(handlers)
    edge_before, services_before = cpu_seconds(edge), service_cpu_seconds()
    task_ids = submit_background(token, GENERATIONS, offset)
    span, cards, calls, sections = wait_all_final(task_ids)
    handlers_cpu = cpu_seconds(handlers) - cpu_before
    services_after = service_cpu_seconds()
    cpu = {"handlers": handlers_cpu, "edge": cpu_seconds(edge) - edge_before,
           **{name: services_after[name] - services_before[name] for name in services_after}}
    queues_after = settled_queue_deliveries()
    per_queue = {name: round((count - queues_before.get(name, 0)) / GENERATIONS, 2) for name, count in queues_after.items()
                 if count - queues_before.get(name, 0) > 0}
    delivered = sum(queues_after.values()) - sum(queues_before.values())
    return {"paths": GENERATIONS, "seconds": round(span, 3), "paths_per_s": round(GENERATIONS / span, 2),
            "cards_per_s": round(cards / span, 1), "bus_messages": delivered,
            "bus_messages_per_path": round(delivered / GENERATIONS, 1), "bus_messages_per_s": round(delivered / span, 1),
            "cards_per_path": round(cards / GENERATIONS, 1), "sections_per_path": round(sections / GENERATIONS, 2),
            "llm_calls_per_path": round(calls / GENERATIONS, 2),
            "handlers_cpu_ms_per_message": round(handlers_cpu * 1000 / max(1, delivered), 3),
            "handlers_cpu_share": round(handlers_cpu / span, 2), "deliveries_per_path_by_queue": per_queue,
            "cpu_ms_per_message": {name: round(seconds * 1000 / max(1, delivered), 3) for name, seconds in cpu.items()},
            "total_cpu_ms_per_message": round(sum(cpu.values()) * 1000 / max(1, delivered), 3),
            "cores_busy": round(sum(cpu.values()) / span, 2)}


def throughput_benchmark(token):
    trivial, pipeline = [], []
    for repeat in range(REPEATS):
        trivial.append(trivial_consumer())
        pipeline.append(pipeline_run(token, 1000 * (repeat + 1)))
        log(f"throughput {repeat + 1}/{REPEATS}: trivial {trivial[-1]['messages_per_second']} msg/s, pipeline "
            f"{pipeline[-1]['bus_messages_per_s']} msg/s ({pipeline[-1]['paths_per_s']} paths/s)")
    ratios = [p["bus_messages_per_s"] / t["messages_per_second"] for p, t in zip(pipeline, trivial)]
    result = {key: median_of(pipeline, key) for key in pipeline[0] if key not in ("deliveries_per_path_by_queue", "cpu_ms_per_message")}
    result["deliveries_per_path_by_queue"] = pipeline[-1]["deliveries_per_path_by_queue"]
    result["cpu_ms_per_message"] = {name: round(statistics.median(p["cpu_ms_per_message"][name] for p in pipeline), 3)
                                    for name in pipeline[0]["cpu_ms_per_message"]}
    result.update({"trivial_msg_per_s": median_of(trivial, "messages_per_second"),
                   "trivial_cpu_ms_per_message": median_of(trivial, "cpu_ms_per_message"),
                   "trivial_rabbitmq_cpu_ms_per_message": median_of(trivial, "rabbitmq_cpu_ms_per_message"),
                   "trivial_total_cpu_ms_per_message": median_of(trivial, "total_cpu_ms_per_message"),
                   "ratio": round(statistics.median(ratios), 3),
                   "runs": {"trivial": trivial, "pipeline": pipeline}})
    return result


def structure_benchmark(token, llm_ms_per_call):
    """Seed 000 calls one after another. Isolated: the next call starts once the previous path's cards are done, so each
    call has the machine to itself (the target's figure). Back to back: the next starts at once, while the previous
    path's cards are still being generated (reported, not the target)."""
    runs = []
    for repeat in range(REPEATS):
        isolated, back_to_back, cpu = [], [], 0.0
        for i in range(STRUCTURE_CALLS):
            processes = path_processes()
            before = cpu_of(processes)
            elapsed, task_id, _ = generate_and_wait(token, 5000 + repeat * 100 + i)
            cpu += cpu_of(processes) - before
            isolated.append(elapsed * 1000)
            wait_completed(token, task_id)
        for i in range(STRUCTURE_CALLS):
            elapsed, task_id, _ = generate_and_wait(token, 5050 + repeat * 100 + i)
            back_to_back.append(elapsed * 1000)
        wait_completed(token, task_id)  # the floor below is measured with no cards running
        runs.append({"p50_ms": round(percentile(isolated, 0.5), 1), "p95_ms": round(percentile(isolated, 0.95), 1),
                     "back_to_back_p50_ms": round(percentile(back_to_back, 0.5), 1),
                     "back_to_back_p95_ms": round(percentile(back_to_back, 0.95), 1),
                     "cpu_ms_per_call": round(cpu * 1000 / STRUCTURE_CALLS, 1),
                     "bus_floor": bus_chain_floor(), "storage": storage_round_trips()})
        storage = runs[-1]["storage"]
        runs[-1]["floor_ms"] = round(runs[-1]["bus_floor"]["p50_ms"] + FLOOR_COMMITS * storage["postgres_insert_commit_p50_ms"]
                                     + FLOOR_READS * storage["postgres_read_p50_ms"] + FLOOR_REDIS * storage["redis_read_p50_ms"], 2)
        log(f"time to structure {repeat + 1}/{REPEATS}: isolated p50 {runs[-1]['p50_ms']} ms, p95 {runs[-1]['p95_ms']} ms; "
            f"back to back p50 {runs[-1]['back_to_back_p50_ms']} ms; {CHAIN_HOPS} bare bus hops p50 {runs[-1]['bus_floor']['p50_ms']} ms; "
            f"floor with storage {runs[-1]['floor_ms']} ms")
    llm = 2 * llm_ms_per_call
    result = {"calls_per_repeat": STRUCTURE_CALLS, "llm_ms": llm,
              **{key: median_of(runs, key) for key in ("p50_ms", "p95_ms", "back_to_back_p50_ms", "back_to_back_p95_ms")},
              "bus_floor_p50_ms": round(statistics.median(r["bus_floor"]["p50_ms"] for r in runs), 2),
              "bus_floor_p95_ms": round(statistics.median(r["bus_floor"]["p95_ms"] for r in runs), 2),
              "bus_floor_hops": CHAIN_HOPS, "floor_ms": round(statistics.median(r["floor_ms"] for r in runs), 2),
              "floor_counts": {"commits": FLOOR_COMMITS, "postgres": FLOOR_READS, "redis": FLOOR_REDIS},
              "cpu_ms_per_call": round(statistics.median(r["cpu_ms_per_call"] for r in runs), 1),
              "storage": {key: round(statistics.median(r["storage"][key] for r in runs), 3)
                          for key in ("postgres_insert_commit_p50_ms", "postgres_read_p50_ms", "redis_read_p50_ms")},
              "runs": runs}
    result["overhead_p50_ms"] = round(result["p50_ms"] - llm, 1)
    result["overhead_p95_ms"] = round(result["p95_ms"] - llm, 1)
    return result


def llm_benchmark(token):
    call = LATENCY_MS / 1000
    singles, batches = [], []
    # Warm-up: the Handlers process was just restarted; its first path pays for JIT and connections.
    _, task_id, _ = generate_and_wait(token, 6999)
    wait_completed(token, task_id)
    for repeat in range(REPEATS):
        structure, task_id, begin = generate_and_wait(token, 7000 + repeat)
        done = wait_completed(token, task_id)
        calls, cards, sections, _ = task_shape(task_id)
        bound = (2 + math.ceil(sections / LLM_CAP)) * call
        singles.append({"seconds": round(done - begin, 3), "lower_bound_s": round(bound, 3), "ratio": round((done - begin) / bound, 3),
                        "sections": sections, "cards": cards, "llm_calls": calls, "structure_ms": round(structure * 1000, 1)})
        log(f"one path {repeat + 1}/{REPEATS}: {singles[-1]}")
    for repeat in range(REPEATS):
        task_ids = submit_background(token, BATCH, 8000 + repeat * 100)
        span, cards, calls, sections = wait_all_final(task_ids)
        shapes = per_path_sections(task_ids)
        chain = max((2 + math.ceil(s / LLM_CAP)) * call for s in shapes)
        needed = sum(s + 2 for s in shapes)
        bound = max(chain, math.ceil(needed / LLM_CAP) * call)
        batches.append({"seconds": round(span, 3), "lower_bound_s": round(bound, 3), "ratio": round(span / bound, 3),
                        "llm_calls": calls, "needed_calls": needed, "cards": cards, "sections": sections})
        log(f"batch of {BATCH} {repeat + 1}/{REPEATS}: {batches[-1]}")
    return {"latency_ms": LATENCY_MS, "cap": LLM_CAP,
            "one_path": {key: median_of(singles, key) for key in singles[0]},
            "batch": {key: median_of(batches, key) for key in batches[0]},
            "structure_overhead_ms": round(median_of(singles, "structure_ms") - 2 * LATENCY_MS, 1),
            "runs": {"one_path": singles, "batch": batches}}


# ---------------------------------------------------------------- report

def cpu_busy_percent(seconds=2.0):
    """Share of all cores busy over a short sample (/proc/stat): unlike the load average, it does not count the idle
    kernel threads that keep this VM's load average near 3 with nothing running."""
    def sample():
        with open("/proc/stat") as f:
            values = [int(v) for v in f.readline().split()[1:]]
        return sum(values), values[3] + values[4]  # total, idle + iowait
    total_a, idle_a = sample()
    time.sleep(seconds)
    total_b, idle_b = sample()
    return round(100 * (1 - (idle_b - idle_a) / max(1, total_b - total_a)), 1)


def machine():
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    busy = cpu_busy_percent()
    dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    return {"cores": os.cpu_count(), "load_average": " ".join(load), "cpu_busy_percent": busy, "kernel": platform.release(), "dotnet_sdk": dotnet,
            "when": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def median_run(runs):
    """The repeat with the median ratio, shown whole so its seconds, bound and sections belong together."""
    return sorted(runs, key=lambda run: run["ratio"])[(len(runs) - 1) // 2]


def targets(r):
    poll, thr, llm, st, rss = r["poll_redis"], r["throughput"], r["llm"], r["structure"], r["peak_rss_mb"]
    one = median_run(llm["runs"]["one_path"])
    return [
        ("1 poll ratio >= 0.5 (Redis)", f"{poll['ratio']}", poll["ratio"] >= 0.5),
        ("1 poll p99 <= 10 ms (Redis)", f"{poll['status_p99_ms']} ms", poll["status_p99_ms"] <= 10),
        ("2 bus rate ratio >= 0.5", f"{thr['ratio']}", thr["ratio"] >= 0.5),
        ("3 one path <= 1.3x lower bound", f"{one['ratio']}x", one["ratio"] <= 1.3),
        ("3 LLM calls/path <= sections + 2", f"{one['llm_calls']} <= {one['sections']} + 2", one["llm_calls"] <= one["sections"] + 2),
        ("4 edge + bus overhead p50 <= 20 ms", f"{st['overhead_p50_ms']} ms", st["overhead_p50_ms"] <= 20),
        ("5 Edge.Api peak RSS <= 300 MB", f"{rss['edge_after_2']} MB", rss["edge_after_2"] <= 300),
        ("5 Handlers peak RSS <= 300 MB", f"{rss['handlers_after_2']} MB", rss["handlers_after_2"] <= 300),
    ]


def table(r):
    pr, pp, thr, llm, st, rss = r["poll_redis"], r["poll_postgres"], r["throughput"], r["llm"], r["structure"], r["peak_rss_mb"]
    one, batch = median_run(llm["runs"]["one_path"]), median_run(llm["runs"]["batch"])
    rows = [
        ("1 status poll, Redis", f"{pr['status_rps']:.0f} req/s, p50 {pr['status_p50_ms']} ms, p99 {pr['status_p99_ms']} ms",
         f"/health/ping {pr['bare_rps']:.0f} req/s, p50 {pr['bare_p50_ms']} ms, p99 {pr['bare_p99_ms']} ms", f"{pr['ratio']}"),
        ("1 status poll, PostgreSQL (Redis stopped)", f"{pp['status_rps']:.0f} req/s, p50 {pp['status_p50_ms']} ms, p99 {pp['status_p99_ms']} ms",
         f"/health/ping {pp['bare_rps']:.0f} req/s, p50 {pp['bare_p50_ms']} ms, p99 {pp['bare_p99_ms']} ms", f"{pp['ratio']}"),
        (f"2 pipeline, {thr['paths']} paths, instant LLM",
         f"{thr['bus_messages_per_s']} bus msg/s ({thr['bus_messages_per_path']}/path); {thr['paths_per_s']} paths/s; {thr['cards_per_s']} cards/s",
         f"trivial consumer {thr['trivial_msg_per_s']} msg/s", f"{thr['ratio']}"),
        ("2 CPU per bus message, all processes",
         f"{thr['total_cpu_ms_per_message']} ms: " + ", ".join(f"{name} {ms}" for name, ms in thr["cpu_ms_per_message"].items())
         + f" ({thr['cores_busy']} cores busy)",
         f"trivial {thr['trivial_total_cpu_ms_per_message']} ms: harness {thr['trivial_cpu_ms_per_message']}, rabbitmq "
         f"{thr['trivial_rabbitmq_cpu_ms_per_message']}", f"{round(thr['total_cpu_ms_per_message'] / thr['trivial_total_cpu_ms_per_message'], 1)}x"),
        (f"3 one path, LLM {llm['latency_ms']} ms, cap {llm['cap']}", f"{one['seconds']} s ({one['sections']:.0f} sections)",
         f"lower bound {one['lower_bound_s']} s", f"{one['ratio']}x"),
        (f"3 batch of {BATCH}", f"{batch['seconds']} s", f"lower bound {batch['lower_bound_s']} s", f"{batch['ratio']}x"),
        ("3 LLM calls per path", f"{one['llm_calls']:.0f} calls", f"{one['sections']:.0f} sections + 2 = {one['sections'] + 2:.0f}; {one['cards']:.0f} cards", "-"),
        ("4 time to structure (seed 000), LLM 0 ms", f"p50 {st['p50_ms']} ms, p95 {st['p95_ms']} ms",
         f"minus LLM {st['llm_ms']} ms = overhead p50 {st['overhead_p50_ms']} ms, p95 {st['overhead_p95_ms']} ms", "-"),
        ("4 same, back to back (previous path's cards still running)", f"p50 {st['back_to_back_p50_ms']} ms, p95 {st['back_to_back_p95_ms']} ms", "-", "-"),
        (f"4 the bus alone: {st['bus_floor_hops']} sends in a chain, no-op consumers", f"p50 {st['bus_floor_p50_ms']} ms, p95 {st['bus_floor_p95_ms']} ms",
         f"overhead p50 minus this = {round(st['overhead_p50_ms'] - st['bus_floor_p50_ms'], 1)} ms of our own work", "-"),
        ("4 floor: the bus alone plus the path's storage round trips, no work",
         f"{st['floor_ms']} ms = {st['bus_floor_p50_ms']} + {st['floor_counts']['commits']} x {st['storage']['postgres_insert_commit_p50_ms']} (commit) + "
         f"{st['floor_counts']['postgres']} x {st['storage']['postgres_read_p50_ms']} (PostgreSQL) + {st['floor_counts']['redis']} x {st['storage']['redis_read_p50_ms']} (Redis)",
         f"overhead p50 minus floor = {round(st['overhead_p50_ms'] - st['floor_ms'], 1)} ms of CPU and scheduling", "-"),
        ("4 CPU one isolated call costs, all processes (call start to answer)", f"{st['cpu_ms_per_call']} ms",
         f"the bus alone for its {st['bus_floor_hops']} hops: {st['bus_floor_hops']} x {thr['trivial_total_cpu_ms_per_message']} = "
         f"{round(st['bus_floor_hops'] * thr['trivial_total_cpu_ms_per_message'], 1)} ms", "-"),
        ("4 same, LLM 300 ms (cross-check)", f"{llm['one_path']['structure_ms']} ms", f"minus 2 x {llm['latency_ms']} ms = {llm['structure_overhead_ms']} ms", "-"),
        ("5 peak RSS (VmHWM) after 1", f"Edge.Api {rss['edge_after_1']} MB", f"Handlers {rss['handlers_after_1']} MB", "-"),
        ("5 peak RSS (VmHWM) after 1+2+4", f"Edge.Api {rss['edge_after_2']} MB", f"Handlers {rss['handlers_after_2']} MB", "-"),
    ]
    lines = ["| benchmark | measured (median of runs) | against | ratio |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    lines += ["", "| target | measured | holds |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {'yes' if ok else '**no**'} |" for name, value, ok in targets(r)]
    return "\n".join(lines)


def main():
    results = {"machine_before": machine(), "settings": {
        "repeats": REPEATS, "wrk": f"wrk -t2 -c{WRK_CONNECTIONS} -d{WRK_SECONDS}s --latency", "generations": GENERATIONS,
        "trivial_messages": TRIVIAL_MESSAGES, "structure_calls": STRUCTURE_CALLS, "llm_latency_ms": LATENCY_MS,
        "llm_concurrency": LLM_CAP, "batch": BATCH}}
    try:
        handlers, edge, token = start_system()
        _, task_id, _ = generate_and_wait(token, 0)
        wait_completed(token, task_id)
        cached = subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "exists", f"{PREFIX}task:{task_id}"], capture_output=True, text=True).stdout
        assert cached.strip() == "1", "the polled task is not in Redis"

        results["poll_redis"] = poll_benchmark(token, task_id, "redis")
        stop("redis")  # our private Redis: the status endpoint now answers from PostgreSQL
        results["poll_postgres"] = poll_benchmark(token, task_id, "postgres")
        start_redis()
        results["peak_rss_mb"] = {"edge_after_1": peak_rss_mb(edge), "handlers_after_1": peak_rss_mb(handlers)}

        results["throughput"] = throughput_benchmark(token)
        results["structure"] = structure_benchmark(token, 0)
        results["peak_rss_mb"].update({"edge_after_2": peak_rss_mb(edge), "handlers_after_2": peak_rss_mb(handlers)})

        stop("handlers")
        start_handlers(LATENCY_MS)
        results["llm"] = llm_benchmark(token)
    finally:
        stop_all()
    results["machine_after"] = machine()

    results["targets"] = [{"target": n, "measured": v, "holds": ok} for n, v, ok in targets(results)]
    os.makedirs(os.path.join(ROOT, "docs"), exist_ok=True)
    with open(os.path.join(ROOT, "docs", "benchmarks.json"), "w") as f:
        json.dump(results, f, indent=2)
    render(results)
    print(table(results))


def quietness(before, after):
    """How busy the machine was before the run started and after everything stopped (nothing of ours running then)."""
    if "cpu_busy_percent" not in before:  # runs recorded before the CPU sample existed
        return ""
    busy = max(before["cpu_busy_percent"], after.get("cpu_busy_percent", 0))
    verdict = "quiet" if busy <= 15 else "other work ran on the machine"
    return (f"; CPU busy {before['cpu_busy_percent']}% in the 2 s before the run and "
            f"{after.get('cpu_busy_percent', '?')}% after it ({verdict})")


def render(results):
    """docs/benchmarks.md from a run's results; `bench/bench.py --render` redoes it from docs/benchmarks.json."""
    before, after, settings = results["machine_before"], results.get("machine_after", {}), results["settings"]
    by_queue = ", ".join(f"{name} {count}" for name, count in sorted(results["throughput"]["deliveries_per_path_by_queue"].items()))
    text = METHODS.format(
        when=before["when"], cores=before["cores"], dotnet=before["dotnet_sdk"], kernel=before["kernel"],
        load_before=before["load_average"], load_after=after.get("load_average", "?"), table=table(results),
        quiet=quietness(before, after),
        repeats=settings["repeats"], wrk=settings["wrk"], generations=settings["generations"],
        trivial=settings["trivial_messages"], structure_calls=settings["structure_calls"], latency=settings["llm_latency_ms"],
        cap=settings["llm_concurrency"], batch=settings["batch"], by_queue=by_queue)
    # A hand-written analysis below the marker survives re-runs; the numbers above it are regenerated.
    path = os.path.join(ROOT, "docs", "benchmarks.md")
    kept = ""
    if os.path.exists(path):
        with open(path) as f:
            previous = f.read()
        if ANALYSIS_MARKER in previous:
            kept = previous[previous.index(ANALYSIS_MARKER):]
    with open(path, "w") as f:
        f.write(text + ("\n" + kept if kept else ""))


ANALYSIS_MARKER = "<!-- analysis: written by hand, kept when bench.sh regenerates the part above -->"


METHODS = """# Benchmarks

Measured {when} with one command, from the repository root:

```bash
./bench.sh        # PIPELINE_DATA_DIR=... ./bench.sh reuses the private services of another checkout
```

It builds Release, reuses (or starts) the private PostgreSQL/RabbitMQ/Redis of `scripts/infra.sh`, and runs Edge.Api
(port 18180) and Handlers as real processes, like `run.sh`, on their own database `bench` and RabbitMQ vhost `bench`
(both recreated at every run), Redis key prefix `bench:` and a private `redis-server` on port 56479 that it starts and
stops by PID. The numbers below are this run's; [benchmarks.json](benchmarks.json) holds every repeat.

**Machine**: {cores} cores, .NET SDK {dotnet}, Linux {kernel}; load average {load_before} at the start, {load_after}
at the end{quiet}. Absolute numbers move by 2x from run to run on this shared machine; that is why every compared
figure is a ratio of two measurements taken in the same run, back to back, and every benchmark runs {repeats} times
with its median reported.

{table}

## How each figure is computed

1. **Status polling.** One user registers, logs in (a real JWT with a live session) and generates one path; its task
   is polled. `{wrk}` against `GET /api/tasks/{{id}}/status` and against the bare `GET /health/ping` of the same
   process, alternately. Ratio = status req/s / ping req/s of the same repeat; p50/p99 from `wrk --latency`. Then the
   private Redis is stopped (by PID) and the same is repeated: the status comes from PostgreSQL. Every answer is
   checked to be 2xx.
   `/health/ping` (`{{"status":"ok"}}`, anonymous, a static record) was added for this instead of reusing `/health/live`:
   the live check runs the health-check service and serialises a report through a dictionary, so it is not the
   cheapest answer; the ping passes the same middleware (exception handler, status pages, authentication,
   authorization, rate limiter, routing) with no JWT, session, Redis or database work, which is exactly what the
   status endpoint adds.
2. **Pipeline throughput.** {generations} paths submitted at once (`POST /api/recommendation/learning-paths/generate`,
   16 client threads) with the offline provider answering at once (`Ai:SimulatedLatencyMs=0`: it builds template
   JSON in process, no sleeping). Time = last task's `ended_at` - first task's `created_at` (PostgreSQL). Bus
   messages = increase of `deliver_get` summed over the pipeline's queues (RabbitMQ management API, read until it
   stops moving; the heartbeat queue and the reference's queue are left out).
   Deliveries per path by queue in the last repeat: {by_queue}. The reference is `bench/Pipeline.Bench`: {trivial}
   trivial messages published and consumed by a no-op consumer on the same broker and vhost, MassTransit defaults,
   telemetry off, timed from first publish to last consume; each repeat runs it right before the pipeline.
   CPU per bus message: user + system CPU over the run (`/proc/<pid>/stat`) of Handlers, Edge.Api, the `bench`
   database's PostgreSQL backends and the RabbitMQ node, divided by the bus messages; the reference's is the
   harness's own CPU (rusage) plus the RabbitMQ node's, divided by its messages.
3. **LLM efficiency.** Handlers restarted with `Ai__SimulatedLatencyMs={latency}` and `Ai__MaxConcurrency={cap}`, one
   warm-up path. One path: seed 000 call, then the status polled every 10 ms until `completed`; lower bound =
   (2 + ceil(S/{cap})) x {latency} ms for its S sections (extract and plan are sequential, then the card calls in waves
   of {cap}). Batch: {batch} paths submitted at once, time as in 2; lower bound = max(longest path's chain,
   ceil(sum(S+2)/{cap}) x {latency} ms). LLM calls = `user_tasks.llm_calls` (repairs would show up here).
4. **Time to structure.** {structure_calls} sequential seed 000 calls (`POST /api/recommendation/chat/generate-learning-path`,
   which returns once the structure is saved) per repeat with the instant LLM, each started once the previous path's
   cards are done (isolated: the call has the machine to itself); p50/p95 per repeat, median over repeats, minus the
   LLM's time (2 calls x 0 ms) = edge + bus overhead. Then {structure_calls} more back to back, the previous path's
   cards still being generated. The bus alone, in the same repeat: `bench/Pipeline.Bench --mode chain` sends a message
   through 8 hops of no-op consumers on the same broker (the 8 sends of the critical path: edge -> saga -> extract ->
   saga -> plan -> saga -> save -> saga -> edge), `BENCH_CHAIN_COUNT` chains one after another. Floor: that chain plus
   the storage round trips the path makes (6 PostgreSQL commits, 11 other PostgreSQL round trips, 6 Redis calls;
   listed in bench.py and counted per call by `./bench.sh hops`), each timed alone 500 times with the product's client
   libraries (`--mode storage`: a committed one-row insert, a primary-key read, a Redis hash read), p50s summed; the
   floor's parts include their own CPU (broker, PostgreSQL, Redis). CPU per isolated call: user + system time of
   Edge.Api, Handlers, the `bench` database's backends, the RabbitMQ node and the private Redis from just before each
   call to its answer (`/proc/<pid>/stat`, 10 ms ticks, so only the sum over the calls means something), divided by the
   calls; against it, what the bus alone costs for 8 hops (8 x the trivial consumer's CPU per message in benchmark 2).
   Cross-check: the same call with the {latency} ms LLM minus 2 x {latency} ms.
   `./bench.sh hops` breaks the isolated time down hop by hop.
5. **Memory.** `VmHWM` (peak resident set) from `/proc/<pid>/status` of the Edge.Api and Handlers processes after
   benchmark 1 and after 1, 2 and 4 (same processes throughout).

Settings that only the benchmark changes: `Pipeline__RateLimits__AiRequestsPerMinute=1000000` and
`Pipeline__RateLimits__GlobalAiRequestsPerMinute=1000000` (one user submits {generations} paths), the per-address
sign-up and login limits (`Pipeline__ClientLimits__*__Limit`), `Logging__LogLevel__Default=Warning`. Knobs: `BENCH_REPEATS`, `BENCH_WRK_SECONDS`,
`BENCH_GENERATIONS`, `BENCH_TRIVIAL_MESSAGES`, `BENCH_STRUCTURE_CALLS`, `BENCH_CHAIN_COUNT`, `BENCH_LLM_LATENCY_MS`, `BENCH_BATCH`,
`BENCH_HTTP_PORT`, `BENCH_REDIS_PORT`. Logs of the hosts: `$PIPELINE_DATA_DIR/bench-logs/`.
"""


if __name__ == "__main__":
    if sys.argv[1:] == ["--render"]:
        with open(os.path.join(ROOT, "docs", "benchmarks.json")) as f:
            render(json.load(f))
    else:
        main()
