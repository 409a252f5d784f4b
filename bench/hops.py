#!/usr/bin/env python3
"""Where the time to structure goes, hop by hop: `./bench.sh hops` (benchmark 4 of docs/benchmarks.md, broken down).

Runs Edge.Api and Handlers like bench.py does (instant offline LLM), with OTEL_EXPORTER_ZIPKIN_ENDPOINT pointing at a
small collector started here (loopback, standard library), so both hosts send their OpenTelemetry spans (MassTransit,
Npgsql, ASP.NET Core, the Pipeline 'redis' activities) with OpenTelemetry's Zipkin exporter. Each seed 000 call carries
its own W3C traceparent, so its spans in both processes are found by trace id; a call whose chain lacks a span fails
the run (a lost span would skew the medians silently). The critical path is followed send by send:
edge -> saga -> extract -> saga -> plan -> saga -> save -> saga -> edge, and each stretch is put in one bucket:
  broker transit  from a send starting to the next receive starting (publish, route, deliver; confirms overlap it)
  saga            saga receive until its next send starts (lock+load, state machine, write+projection, commit, Redis)
  stage workers   extract/plan/save receive until their publish starts (cancel check, LLM, SQL)
  edge            request start until its send, and the answer's receive until the response ends
PostgreSQL and Redis time inside each bucket: the acting host's Npgsql and Pipeline 'redis' activities, clipped to the
stretch. Prints medians.
"""
import gzip, http.server, json, os, secrets, statistics, sys, threading, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402

CALLS = int(os.environ.get("BENCH_HOP_CALLS", "40"))
# The exporter batches: a queue that holds a whole run (a call makes about 250 spans, 40 calls about 10,000), sent every second (the SDK's own
# OTEL_BSP_* settings; its default queue of 2048 drops what does not fit).
SPANS = os.path.join(bench.LOGS, "hops-spans.json")  # the last run's spans as received (Zipkin v2) and its calls' trace ids
EXPORT_ENV = {"OTEL_BSP_MAX_QUEUE_SIZE": "200000", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "4096",
              "OTEL_BSP_SCHEDULE_DELAY": "1000"}
SCHEDULER_STATEMENTS = ("scheduled_messages", "canceled_schedules", "hashtextextended")
CHAIN = [  # (send, receive, who works until the next send)
    ("learning-path-saga send", "learning-path-saga receive", "saga"),
    ("extract-learning-goals send", "extract-learning-goals receive", "stage workers"),
    ("Pipeline.Messages.Stages:LearningGoalsExtracted send", "learning-path-saga receive", "saga"),
    ("plan-learning-path send", "plan-learning-path receive", "stage workers"),
    ("Pipeline.Messages.Stages:LearningPathPlanned send", "learning-path-saga receive", "saga"),
    ("save-learning-path send", "save-learning-path receive", "stage workers"),
    ("Pipeline.Messages.Stages:LearningPathSaved send", "learning-path-saga receive", "saga"),
    ("bus send", "bus receive", "edge"),
]


def traced_call(token, i):
    trace = secrets.token_hex(16)
    request = urllib.request.Request(f"{bench.BASE}/api/recommendation/chat/generate-learning-path", method="POST",
                                     data=json.dumps({"prompt": bench.prompt(i)}).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}",
                                              "traceparent": f"00-{trace}-{secrets.token_hex(8)}-01"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200, response.status
        task_id = json.loads(response.read())["task_id"]
    # Like benchmark 4: the next call starts once this one's cards are done, so each call has the machine to itself.
    bench.wait_completed(token, task_id)
    return trace


class Collector(http.server.ThreadingHTTPServer):
    """A Zipkin v2 endpoint on loopback: POST /api/v2/spans with a JSON array (plain or gzip, chunked or not)."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), CollectorHandler)
        self.lock = threading.Lock()
        self.spans = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}/api/v2/spans"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def by_trace(self):
        """Each trace's spans as (start µs, duration µs, source, name, detail, host) tuples."""
        by_trace = {}
        with self.lock:
            spans = list(self.spans)
        for span in spans:
            tags = span.get("tags", {})
            service = span.get("localEndpoint", {}).get("serviceName", "")
            detail = (tags.get("messaging.destination.name") or tags.get("db.query.text") or tags.get("db.statement")
                      or "").replace("\r", " ").replace("\n", " ")[:80]
            by_trace.setdefault(span["traceId"], []).append((
                span["timestamp"], span.get("duration", 0), tags.get("otel.scope.name", tags.get("otel.library.name", "")),
                span.get("name", ""), detail, "edge" if service.startswith("Pipeline.Edge.Api") else "handlers"))
        return by_trace


class CollectorHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the exporter's HttpClient expects

    def do_POST(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:  # the last chunk: trailers, if any, up to an empty line
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                body += self.rfile.read(size + 2)[:size]  # each chunk ends with CRLF
        else:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.headers.get("Content-Encoding", "").lower() == "gzip":
            body = gzip.decompress(body)
        if self.path != "/api/v2/spans":
            status = 404
        else:
            spans = json.loads(body)
            with self.server.lock:
                self.server.spans.extend(spans)
            status = 202
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class Incomplete(Exception):
    """A call's chain lacks a span: the exporter lost it or it never came."""


def chain(events):
    """The critical path's (request span, [(send, receive, worker)...]), or Incomplete naming the first span missing."""
    events = sorted(events)
    http_span = next((e for e in events if e[2] == "Microsoft.AspNetCore" and e[5] == "edge"), None)
    if http_span is None:
        raise Incomplete("no ASP.NET Core request span")
    mt = [e for e in events if e[2] == "MassTransit"]
    cursor, hops = http_span[0], []
    for send, receive, next_worker in CHAIN:
        sent = next((e[0] for e in mt if e[3] == send and e[0] >= cursor), None)
        if sent is None:
            raise Incomplete(f"no '{send}' span")
        received = next((e[0] for e in mt if e[3] == receive and e[0] >= sent), None)
        if received is None:
            raise Incomplete(f"no '{receive}' span")
        hops.append((sent, received, next_worker))
        cursor = received
    return http_span, hops


def complete(collector, trace):
    try:
        chain(collector.by_trace().get(trace, []))
        return True
    except Incomplete:
        return False


def breakdown(events):
    events.sort()
    http, hops = chain(events)
    begin, end = http[0], http[0] + http[1]
    buckets = {"edge": 0, "broker transit": 0, "saga": 0, "stage workers": 0}
    postgres = dict.fromkeys(buckets, 0)
    redis = dict.fromkeys(buckets, 0)
    # The stage timer's scheduler consumer works alongside the path (nothing waits for it): its statements (on its own
    # tables, and its lock on the token) are left out.
    sql = [e for e in events if e[2].startswith("Npgsql") and e[3] != "CONNECT"
           and not any(marker in e[4] for marker in SCHEDULER_STATEMENTS)]
    cache = [e for e in events if e[2] == "Pipeline" and e[3].startswith("redis ")]

    counts = {"postgres": 0, "redis": 0}

    def overlap(calls, host, start, stop):
        return sum(max(0, min(e[0] + e[1], stop) - max(e[0], start)) for e in calls if e[5] == host)

    def started(calls, host, start, stop):
        return sum(1 for e in calls if e[5] == host and start <= e[0] < stop)

    def charge(bucket, start, stop):
        # Only the acting host's statements, and only the part of each that falls inside the stretch: card work of the
        # same trace runs alongside the edge's last stretch.
        host = "edge" if bucket == "edge" else "handlers"
        buckets[bucket] += stop - start
        postgres[bucket] += overlap(sql, host, start, stop)
        redis[bucket] += overlap(cache, host, start, stop)
        counts["postgres"] += started(sql, host, start, stop)
        counts["redis"] += started(cache, host, start, stop)

    cursor, worker = begin, "edge"
    for sent, received, next_worker in hops:
        charge(worker, cursor, sent)
        charge("broker transit", sent, received)
        cursor, worker = received, next_worker
    charge("edge", cursor, end)
    return end - begin, buckets, postgres, redis, counts


SAGA_PARTS = ("receive to first statement", "lock + load", "state machine", "write + projection", "commit",
              "Redis status write", "to the next send", "whole transition")


def saga_transitions(events):
    """Each of the path's 4 saga transitions cut into its parts (µs), from the Handlers' activities of one call."""
    events = sorted(events)
    mine = [e for e in events if e[5] == "handlers"]
    sql = [e for e in mine if e[2].startswith("Npgsql") and e[3] != "CONNECT"
           and not any(marker in e[4] for marker in SCHEDULER_STATEMENTS)]
    for receive in [e for e in mine if e[3] == "learning-path-saga receive"][:4]:
        start = receive[0]
        lock, write = ([e for e in sql if e[0] >= start] + [None, None])[:2]
        redis = next((e for e in mine if e[2] == "Pipeline" and e[0] >= start), None)
        send = next((e for e in mine if e[2] == "MassTransit" and e[3].endswith(" send") and e[3] != "scheduler send"
                     and e[0] >= start), None)
        if None in (lock, write, redis, send):
            continue
        yield (lock[0] - start, lock[1], write[0] - lock[0] - lock[1], write[1], redis[0] - write[0] - write[1],
               redis[1], send[0] - redis[0] - redis[1], send[0] - start)


def main():
    load_before = open("/proc/loadavg").read().split()[:3]
    collector = Collector()
    original = bench.host_env
    bench.host_env = lambda latency_ms=0: {**original(latency_ms), "OTEL_EXPORTER_ZIPKIN_ENDPOINT": collector.url,
                                           **EXPORT_ENV}
    try:
        _, _, token = bench.start_system()
        for i in range(5):  # warm-up: JIT, pools, connections
            traced_call(token, i)
        traces = [traced_call(token, 100 + i) for i in range(CALLS)]
        # The exporter sends a batch a second: wait for the last call's chain (the hosts flush the rest as they stop).
        deadline = time.monotonic() + 30
        while not complete(collector, traces[-1]) and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        bench.stop_all()
    collector.shutdown()
    activities = collector.by_trace()
    with open(SPANS, "w") as f:
        json.dump({"calls": traces, "spans": collector.spans}, f)
    bench.log(f"{sum(map(len, activities.values()))} spans received from the Zipkin exporter, kept in {SPANS}")
    failures = []
    for number, trace in enumerate(traces, 1):
        try:
            chain(activities.get(trace, []))
        except Incomplete as missing:
            failures.append(f"call {number} (trace {trace}): {missing}")
    if failures:
        sys.exit(f"hops: {len(failures)} of {len(traces)} calls have an incomplete chain, no breakdown printed:\n  "
                 + "\n  ".join(failures))
    rows = [breakdown(activities[t]) for t in traces]
    total = statistics.median(r[0] for r in rows) / 1000
    print(f"time to structure, instant LLM: median {total:.1f} ms over {len(rows)} calls; "
          f"load average {' '.join(load_before)} before, {' '.join(open('/proc/loadavg').read().split()[:3])} after")
    print(f"on the critical path, median per call: {statistics.median(r[4]['postgres'] for r in rows):.0f} PostgreSQL "
          f"statements (the saga's 4 commits are not statements and come on top), "
          f"{statistics.median(r[4]['redis'] for r in rows):.0f} Redis calls")
    print(f"{'bucket':<16} {'median ms':>10} {'of which PostgreSQL':>20} {'of which Redis':>15}")
    # Medians of each bucket need not add up to the median total.
    for bucket in rows[0][1]:
        print(f"{bucket:<16} {statistics.median(r[1][bucket] for r in rows) / 1000:>10.1f} "
              f"{statistics.median(r[2][bucket] for r in rows) / 1000:>20.1f} "
              f"{statistics.median(r[3][bucket] for r in rows) / 1000:>15.1f}")
    parts = [part for t in traces for part in saga_transitions(activities[t])]
    if len(parts) < 4 * len(traces):  # a transition without its statements, Redis write or send: spans were lost
        sys.exit(f"hops: only {len(parts)} of {4 * len(traces)} saga transitions have all their spans")
    if parts:
        print(f"one saga transition, medians over {len(parts)} (they need not add up to the whole): " + ", ".join(
            f"{name} {statistics.median(p[k] for p in parts) / 1000:.2f} ms" for k, name in enumerate(SAGA_PARTS)))


if __name__ == "__main__":
    main()
