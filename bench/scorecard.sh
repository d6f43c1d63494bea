#!/usr/bin/env bash
# Scorecard page time for an assessment with every question answered and 50 pieces of evidence, and the time to make
# its PDF, measured on loopback against a fresh jar on an embedded database, next to two baselines in the same run:
# /actuator/health (no page work) and the blank worksheet (a page of similar size with no assessment behind it).
# Each figure is the median and 95th percentile over many requests after a warm-up, from one keep-alive connection.
#
# Writing needs an account: before the server starts, the script makes a site administrator with the command line
# (`users create-admin`, the password from SCORECARD_ADMIN_PASSWORD, a random one), then signs in through the form,
# makes an organization with that administrator as its admin (the form, with its CSRF token), and writes the
# assessment through the JSON API. The draft's page is read by its author, signed in (a session, as in a browser):
# made for them on every request. A published page read by visitors who are not signed in is kept and served whole
# (docs/performance.md); bench/load.sh measures that one.
# Usage: bench/scorecard.sh [REQUESTS]   (default 200; PDFs get REQUESTS/10)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-200}
[[ "$requests" =~ ^[0-9]+$ ]] && [ "$requests" -ge 10 ] && [ "$requests" -le 100000 ] \
    || { echo "scorecard.sh: REQUESTS must be a whole number from 10 to 100000" >&2; exit 2; }
[ -f target/sanctuary-scorecard.jar ] || ./mvnw -B -q -ntp package -DskipTests
port=18180
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
data=$(mktemp -d /tmp/scorecard-bench.XXXXXX)
pid=""
trap '[ -n "$pid" ] && { kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; }; rm -rf "$data"' EXIT
password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
SCORECARD_ADMIN_PASSWORD="$password" timeout 300 java -Xmx512m -jar target/sanctuary-scorecard.jar users create-admin \
    --username bench --display-name "Benchmark" --scorecard.data-dir="$data" >"$data/users.log" 2>&1 \
    || { cat "$data/users.log" >&2; echo "scorecard.sh: could not make the benchmark account" >&2; exit 1; }
java -Xmx512m -jar target/sanctuary-scorecard.jar --scorecard.data-dir="$data" --server.port="$port" \
    --server.address=127.0.0.1 >"$data/app.log" 2>&1 &
pid=$!
started=$SECONDS
until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/app.log"; exit 1; }
    [ $((SECONDS - started)) -lt 180 ] || { tail -40 "$data/app.log" >&2; echo "scorecard.sh: no health after 180 s" >&2; exit 1; }
    sleep 0.2
done
SCORECARD_BENCH_PASSWORD="$password" python3 - "$port" "$requests" <<'PY'
import http.client, json, os, re, statistics, sys, time
from urllib.parse import urlencode
port, n = int(sys.argv[1]), int(sys.argv[2])
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
cookies = {}

def call(method, path, body=None, form=None, expect=None, send_cookies=True):
    headers = {}
    payload = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        payload = json.dumps(body)
    elif form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        payload = urlencode(form)
    if send_cookies and cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    conn.request(method, path, payload, headers)
    r = conn.getresponse()
    data = r.read()
    if send_cookies:
        for c in r.headers.get_all("Set-Cookie") or []:
            name, _, value = c.split(";")[0].partition("=")
            cookies[name] = value
    if r.status >= 400 or (expect is not None and r.status != expect):
        raise SystemExit(f"{method} {path} -> {r.status}: {data[:300]}")
    return data

def csrf(path):
    return re.search(r'name="_csrf" value="([^"]+)"', call("GET", path).decode()).group(1)

# sign in through the form (a session, as a browser has), then an organization with the account as its admin
call("POST", "/login", form={"username": "bench", "password": os.environ["SCORECARD_BENCH_PASSWORD"], "_csrf": csrf("/login")},
     expect=302)
if "SESSION" not in cookies:
    raise SystemExit("signing in gave no session")
call("POST", "/organizations", form={"slug": "bench", "name": "Benchmark", "admin": "bench", "_csrf": csrf("/organizations")},
     expect=302)

created = json.loads(call("POST", "/api/jurisdictions/06029/assessments",
                          {"title": "Benchmark: Kern County", "author": "bench", "asOf": "2026-11-01",
                           "organization": "bench"}))
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

def measure(path, count, warmup, signed_in):
    for _ in range(warmup):
        call("GET", path, send_cookies=signed_in)
    times = []
    size = 0
    for _ in range(count):
        t0 = time.perf_counter()
        size = len(call("GET", path, send_cookies=signed_in))
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], size

rows = [
    ("baseline: /actuator/health", f"/actuator/health", n, 50, True),
    ("baseline: blank worksheet", "/jurisdictions/06029/worksheet", n, 50, True),
    ("scorecard, 19 answers, 50 evidence", f"/assessments/{aid}", n, 50, True),
    ("baseline: blank worksheet PDF", "/jurisdictions/06029/worksheet.pdf", max(5, n // 10), 5, True),
    ("scorecard PDF", f"/assessments/{aid}/scorecard.pdf", max(5, n // 10), 5, True),
]
results = {}
print(f"\n{'what (signed in, the draft)':<38}{'median ms':>10}{'p95 ms':>9}{'bytes':>9}")
for name, path, count, warmup, signed_in in rows:
    med, p95, size = measure(path, count, warmup, signed_in)
    results[name] = med
    print(f"{name:<38}{med:>10.1f}{p95:>9.1f}{size:>9}")

print(f"\nscorecard / blank worksheet: {results['scorecard, 19 answers, 50 evidence'] / results['baseline: blank worksheet']:.2f}x"
      f"   scorecard PDF / blank worksheet PDF: {results['scorecard PDF'] / results['baseline: blank worksheet PDF']:.2f}x")
PY
