#!/usr/bin/env python3
"""Where the time to structure goes, hop by hop: `./bench.sh hops` (benchmark 4 of docs/benchmarks.md, broken down).

Runs Edge.Api and Handlers like bench.py does (instant offline LLM), with Diagnostics:ActivityLogPath set so both hosts
write their MassTransit/Npgsql/ASP.NET Core activities to files. Each seed 000 call carries its own W3C traceparent, so
its activities in both processes are found by trace id. The critical path is followed send by send:
edge -> saga -> extract -> saga -> plan -> saga -> save -> saga -> edge, and each stretch is put in one bucket:
  broker transit  from a send starting to the next receive starting (publish, route, deliver; confirms overlap it)
  saga            saga receive until its next send starts (lock+load, state machine, write+projection, commit, Redis)
  stage workers   extract/plan/save receive until their publish starts (cancel check, LLM, SQL)
  edge            request start until its send, and the answer's receive until the response ends
PostgreSQL and Redis time inside each bucket: the acting host's Npgsql and Pipeline 'redis' activities, clipped to the
stretch. Prints medians.
"""
import os, secrets, statistics, sys, time, urllib.request, json, glob

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402

CALLS = int(os.environ.get("BENCH_HOP_CALLS", "40"))
TRACES = os.path.join(bench.LOGS, "activities")
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


def load_activities():
    by_trace = {}
    for path in glob.glob(os.path.join(TRACES, "*.tsv")):
        host = "edge" if os.path.basename(path).startswith("Pipeline.Edge.Api") else "handlers"
        with open(path) as f:
            for line in f:
                start, duration, trace, source, name, detail = (line.rstrip("\n").split("\t") + [""])[:6]
                by_trace.setdefault(trace, []).append((int(start), int(duration), source, name, detail, host))
    return by_trace


def breakdown(events):
    events.sort()
    http = next(e for e in events if e[2] == "Microsoft.AspNetCore")
    begin, end = http[0], http[0] + http[1]
    buckets = {"edge": 0, "broker transit": 0, "saga": 0, "stage workers": 0}
    postgres = dict.fromkeys(buckets, 0)
    redis = dict.fromkeys(buckets, 0)
    mt = [e for e in events if e[2] == "MassTransit"]
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
    for send, receive, next_worker in CHAIN:
        sent = next(e[0] for e in mt if e[3] == send and e[0] >= cursor)
        received = next(e[0] for e in mt if e[3] == receive and e[0] >= sent)
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
    original = bench.host_env
    bench.host_env = lambda latency_ms=0: {**original(latency_ms), "Diagnostics__ActivityLogPath": TRACES}
    for old in glob.glob(os.path.join(TRACES, "*.tsv")):
        os.remove(old)
    try:
        _, _, token = bench.start_system()
        for i in range(5):  # warm-up: JIT, pools, connections
            traced_call(token, i)
        traces = [traced_call(token, 100 + i) for i in range(CALLS)]
        time.sleep(1)  # let the hosts flush their last lines
    finally:
        bench.stop_all()
    activities = load_activities()
    rows = [breakdown(activities[t]) for t in traces if t in activities]
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
    parts = [part for t in traces if t in activities for part in saga_transitions(activities[t])]
    if parts:
        print(f"one saga transition, medians over {len(parts)} (they need not add up to the whole): " + ", ".join(
            f"{name} {statistics.median(p[k] for p in parts) / 1000:.2f} ms" for k, name in enumerate(SAGA_PARTS)))


if __name__ == "__main__":
    main()
