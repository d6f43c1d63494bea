#!/usr/bin/env bash
# Scorecard page time for an assessment with every question answered and 50 pieces of evidence, and the time to make
# its PDF, measured on loopback against a fresh jar on an embedded database, next to two baselines in the same run:
# /actuator/health (no page work) and the blank worksheet (a page of similar size with no assessment behind it).
# Each figure is the median and 95th percentile over many requests after a warm-up, from one keep-alive connection.
# Usage: bench/scorecard.sh [REQUESTS]   (default 200; PDFs get REQUESTS/10)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-200}
[ -f target/sanctuary-scorecard.jar ] || ./mvnw -B -q -ntp package -DskipTests
port=18180
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
data=$(mktemp -d /tmp/scorecard-bench.XXXXXX)
java -Xmx512m -jar target/sanctuary-scorecard.jar --scorecard.data-dir="$data" --server.port="$port" >"$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/app.log"; exit 1; }
    sleep 0.2
done
python3 - "$port" "$requests" <<'PY'
import http.client, json, statistics, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
conn = http.client.HTTPConnection("127.0.0.1", port)

def call(method, path, body=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    conn.request(method, path, json.dumps(body) if body is not None else None, headers)
    r = conn.getresponse()
    data = r.read()
    if r.status >= 400:
        raise SystemExit(f"{method} {path} -> {r.status}: {data[:300]}")
    return data

created = json.loads(call("POST", "/api/jurisdictions/06029/assessments",
                          {"title": "Benchmark: Kern County", "author": "bench", "asOf": "2026-11-01"}))
aid = created["id"]
framework = json.loads(call("GET", "/api/framework"))
questions = [q["id"] for c in framework["criteria"] for q in c["questions"]]
for q in questions:
    call("PUT", f"/api/assessments/{aid}/answers/{q}", {"answer": "Y", "explanation": "Because of section 4. " * 5, "version": 0})
for i in range(50):
    call("POST", f"/api/assessments/{aid}/evidence", {
        "item": questions[i % len(questions)], "sourceTitle": f"Ordinance {i}", "sourceKind": "ordinance",
        "citation": f"Sec. {i}", "url": f"https://example.org/law/{i}", "seenOn": "2026-11-20",
        "quote": "The sheriff shall not detain any person on the basis of a civil immigration detainer. " * 3,
        "shows": "policy" if i % 2 else "practice"})

def measure(path, count, warmup):
    for _ in range(warmup):
        call("GET", path)
    times = []
    size = 0
    for _ in range(count):
        t0 = time.perf_counter()
        size = len(call("GET", path))
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], size

rows = [
    ("baseline: /actuator/health", f"/actuator/health", n, 50),
    ("baseline: blank worksheet", "/jurisdictions/06029/worksheet", n, 50),
    ("scorecard, 19 answers, 50 evidence", f"/assessments/{aid}", n, 50),
    ("baseline: blank worksheet PDF", "/jurisdictions/06029/worksheet.pdf", max(5, n // 10), 5),
    ("scorecard PDF", f"/assessments/{aid}/scorecard.pdf", max(5, n // 10), 5),
]
results = {}
print(f"\n{'what':<38}{'median ms':>10}{'p95 ms':>9}{'bytes':>9}")
for name, path, count, warmup in rows:
    med, p95, size = measure(path, count, warmup)
    results[name] = med
    print(f"{name:<38}{med:>10.1f}{p95:>9.1f}{size:>9}")
print(f"\nscorecard / blank worksheet: {results['scorecard, 19 answers, 50 evidence'] / results['baseline: blank worksheet']:.2f}x"
      f"   scorecard PDF / blank worksheet PDF: {results['scorecard PDF'] / results['baseline: blank worksheet PDF']:.2f}x")
PY
