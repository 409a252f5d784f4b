#!/usr/bin/env python3
"""Times learning-path generation through the public API of a running system (./run.sh).

For each of N generations (one after another): time to structure = the synchronous seed 000 call
(POST /api/recommendation/chat/generate-learning-path) until its 200; time to completion = from the same start until
GET /api/tasks/{task_id}/status says completed (polled every 20 ms). Prints median and p95 of both.

    python3 scripts/measure-generation.py [--base http://127.0.0.1:8080] [--runs 20]
"""
import argparse, json, statistics, time, urllib.request, uuid


def call(method, url, body=None, token=None):
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8080")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    email, password = f"bench-{uuid.uuid4().hex[:12]}@example.com", "Measure-2026"
    call("POST", f"{args.base}/api/v1/auth/register", {"email": email, "password": password})
    token = call("POST", f"{args.base}/api/v1/auth/login", {"email": email, "password": password})["access_token"]

    topics = ["trading", "chess", "photography", "statistics", "gardening", "guitar", "spanish", "astronomy"]
    structure, completion, cards = [], [], []
    for run in range(args.runs):
        prompt = f"I want to learn {topics[run % len(topics)]} in {10 + run % 4 * 10} days"
        start = time.perf_counter()
        created = call("POST", f"{args.base}/api/recommendation/chat/generate-learning-path", {"prompt": prompt}, token)
        structure.append(time.perf_counter() - start)
        while True:
            status = call("GET", f"{args.base}/api/tasks/{created['task_id']}/status", token=token)
            if status["status"] in ("completed", "failed", "timeout", "canceled"):
                break
            time.sleep(0.02)
        completion.append(time.perf_counter() - start)
        if status["status"] != "completed":
            raise SystemExit(f"task {created['task_id']} ended {status['status']}: {status.get('error_details')}")
        cards.append(status["completed_items"])

    ms = lambda seconds: f"{seconds * 1000:.0f} ms"
    print(f"{args.runs} generations, {statistics.mean(cards):.0f} cards each on average")
    print(f"time to structure  : median {ms(statistics.median(structure))}, p95 {ms(percentile(structure, 0.95))}")
    print(f"time to completion : median {ms(statistics.median(completion))}, p95 {ms(percentile(completion, 0.95))}")


if __name__ == "__main__":
    main()
