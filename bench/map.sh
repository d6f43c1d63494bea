#!/usr/bin/env bash
# National map data time: GET /api/map for every county (3,235 county GEOIDs: the effective protection summary, the
# map's default, and one provision's layer, layered from the shipped policies; the published assessments' summary
# layer and a criterion layer; with and without explanations) and for every state, measured on loopback against a fresh jar on an embedded
# database, next to two baselines in the same run: /actuator/health (no work) and /api/jurisdictions/06075 (one small
# JSON answer). The published assessments are the examples the application ships (and publishes at its first start).
# Each figure is the median and 95th percentile over many requests after a warm-up, from one keep-alive connection,
# asking for gzip like a browser; a request's time on loopback is an upper bound of its server time. Every request
# says "Cache-Control: no-cache", so that the application makes the answer each time (the time measured is the time to
# make it), except the last row: the answer kept for readers who are not signed in (web.internal.PublicAnswers), as a
# browser's second reader gets it.
# Usage: bench/map.sh [REQUESTS]   (default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-300}
[ -f target/sanctuary-scorecard.jar ] || ./mvnw -B -q -ntp package -DskipTests
port=18280
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
data=$(mktemp -d /tmp/map-bench.XXXXXX)
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

def call(path, gzip=True, made=True):
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    if made:
        headers["Cache-Control"] = "no-cache"
    conn.request("GET", path, headers=headers)
    r = conn.getresponse()
    data = r.read()
    if r.status >= 400:
        raise SystemExit(f"GET {path} -> {r.status}: {data[:300]}")
    return data

# wait until the examples are imported (they are published at the first start, just after the server is up)
for _ in range(100):
    values = json.loads(call("/api/map?layer=criteria-met&level=county&asOf=2025-06-01", gzip=False))["values"]
    if values.get("06075") != 4:
        break
    time.sleep(0.2)
counties = len(values)
criterion = json.loads(call("/api/framework", gzip=False))["criteria"][0]["id"]

def measure(path, count, warmup, made=True):
    for _ in range(warmup):
        call(path, made=made)
    times = []
    size = 0
    for _ in range(count):
        t0 = time.perf_counter()
        size = len(call(path, made=made))
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], size

rows = [
    ("baseline: /actuator/health", "/actuator/health"),
    ("baseline: one jurisdiction (JSON)", "/api/jurisdictions/06075"),
    (f"map, {counties} counties, protection", "/api/map?layer=protection&level=county&asOf=2026-06-01"),
    (f"map, {counties} counties, one provision", "/api/map?layer=provision.detainer-hold&level=county&asOf=2026-06-01"),
    (f"map, {counties} counties, prot. explained", "/api/map?layer=protection&level=county&asOf=2026-06-01&explain=true"),
    (f"map, {counties} counties, summary", "/api/map?layer=criteria-met&level=county&asOf=2025-06-01"),
    (f"map, {counties} counties, criterion", f"/api/map?layer=criterion.{criterion}&level=county&asOf=2025-06-01"),
    (f"map, {counties} counties, explained", "/api/map?layer=criteria-met&level=county&asOf=2025-06-01&explain=true"),
    ("map, states, summary", "/api/map?layer=criteria-met&level=state&asOf=2025-06-01"),
    (f"map, {counties} counties, protection, kept", "/api/map?layer=protection&level=county&asOf=2026-06-01"),
]
print(f"\n{'request':<40}{'median (ms)':>12}{'p95 (ms)':>10}{'bytes (gzip)':>14}")
worst = 0.0
for name, path in rows:
    median, p95, size = measure(path, n, 50, made=not name.endswith(", kept"))
    if path.startswith("/api/map") and "level=county" in path:
        worst = max(worst, p95)
    print(f"{name:<40}{median:>12.2f}{p95:>10.2f}{size:>14,}")
print(f"\nslowest county map, 95th percentile: {worst:.2f} ms (target < 50 ms)")
PY
