#!/usr/bin/env python3
"""A setting against none, alternating, in one session: `./bench.sh compare <benchmark> <NAME=value>... [--rounds N]`.

<benchmark> is poll (1, Redis path), throughput (2) or structure (4). Each round runs it once with the hosts started as
bench.py starts them, and once with the given environment variables added to both hosts (NAME+=suffix appends, e.g.
"ConnectionStrings__Postgres+=;Max Auto Prepare=0"). Edge.Api's own runtime settings (bench.EDGE_RUNTIME) are in both:
compare against the runtime's default with e.g. DOTNET_GCgen0size=0. Prints one line per run; compare the lines of a round, which ran back to
back. docs/benchmarks.md cites the comparisons made with it. BENCH_REPEATS sets the repeats inside each run.
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402

SUMMARY = {
    "poll": ("ratio", "status_rps", "status_p99_ms", "bare_rps"),
    "throughput": ("ratio", "bus_messages_per_s", "total_cpu_ms_per_message", "cpu_ms_per_message", "cores_busy"),
    "structure": ("p50_ms", "p95_ms", "back_to_back_p50_ms", "floor_ms"),
}


def run(benchmark, extra):
    original = bench.host_env

    def with_extra(latency_ms=0):
        hosts = original(latency_ms)
        for name, value in extra.items():
            if name.endswith("+"):  # NAME+=suffix appends to what bench.py sets
                hosts[name[:-1]] += value
            else:
                hosts[name] = value
        return hosts

    bench.host_env = with_extra
    try:
        _, _, token = bench.start_system()
        for i in range(5):  # warm-up paths
            _, task_id, _ = bench.generate_and_wait(token, 9000 + i)
            bench.wait_completed(token, task_id)
        if benchmark == "poll":
            bench.wrk(f"/api/tasks/{task_id}/status", token)  # warm-up
            result = bench.poll_benchmark(token, task_id, "redis")
        elif benchmark == "throughput":
            result = bench.throughput_benchmark(token)
        else:
            bench.throughput_benchmark(token)  # warm: benchmark 4 runs after benchmark 2 in bench.py too
            result = bench.structure_benchmark(token, 0)
        result["edge_peak_rss_mb"] = bench.peak_rss_mb(bench.started["edge"])
        return {key: result[key] for key in SUMMARY[benchmark] + ("edge_peak_rss_mb",)}
    finally:
        bench.stop_all()
        bench.host_env = original


def main(args):
    rounds = 2
    if "--rounds" in args:
        at = args.index("--rounds")
        if at + 1 >= len(args) or not args[at + 1].isdigit():
            raise SystemExit(__doc__)
        rounds = int(args[at + 1])
        del args[at:at + 2]
    if not args or args[0] not in SUMMARY or not args[1:] or any("=" not in arg for arg in args[1:]):
        raise SystemExit(__doc__)
    benchmark, settings = args[0], dict(arg.split("=", 1) for arg in args[1:])
    unknown = [name for name in settings if name.endswith("+") and name[:-1] not in bench.host_env()]
    if unknown:
        raise SystemExit(f"nothing to append to: {', '.join(unknown)}")
    for number in range(1, rounds + 1):
        for label, extra in (("as bench.py starts the hosts", {}), ("changed by " + " ".join(args[1:]), settings)):
            print(f"round {number} {label}: {run(benchmark, extra)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
