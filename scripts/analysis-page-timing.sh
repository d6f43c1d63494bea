#!/usr/bin/env bash
# How long the analyzer's results page takes, for the largest document of the labeled corpus and for a text of
# 2,000,000 characters (the limit; corpus documents repeated), against a fresh jar on an embedded database. For each:
# the upload (reading + analysis, once) and the results page (highlighted text, side panel), median and 95th
# percentile over many requests after a warm-up, from one keep-alive connection, compressed as browsers ask for it,
# with the page's size.
# Usage: scripts/analysis-page-timing.sh [REQUESTS]   (default 30)
# (It lives in scripts/ rather than bench/ only because bench/ belongs to the analyzer's own benchmarks.)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-30}
[ -f target/sanctuary-scorecard.jar ] || ./mvnw -B -q -ntp package -DskipTests
port=18190
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
data=$(mktemp -d /tmp/scorecard-analysis-bench.XXXXXX)
java -Xmx1g -jar target/sanctuary-scorecard.jar --scorecard.data-dir="$data" --server.port="$port" >"$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/app.log"; exit 1; }
    sleep 0.2
done
python3 - "$port" "$requests" <<'PY'
import glob, gzip, http.client, os, re, statistics, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
conn = http.client.HTTPConnection("127.0.0.1", port)

corpus = sorted(glob.glob("src/test/resources/analysis/corpus/*.txt"))
largest = max(corpus, key=os.path.getsize)
texts = [open(f, encoding="utf-8").read() for f in corpus]
big, i = [], 0
while sum(map(len, big)) < 2_000_000:
    big.append(texts[i % len(texts)]); i += 1
two_million = "".join(big)[:2_000_000]

conn.request("GET", "/analyze"); r = conn.getresponse(); form = r.read().decode()
cookie = r.getheader("Set-Cookie").split(";")[0]
token = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)

def upload(name, text):
    boundary = "----bench"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n{token}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            f'Content-Type: text/plain\r\n\r\n').encode() + text.encode() + f"\r\n--{boundary}--\r\n".encode()
    start = time.perf_counter()
    conn.request("POST", "/analyze", body, {"Content-Type": "multipart/form-data; boundary=" + boundary, "Cookie": cookie})
    r = conn.getresponse(); r.read()
    assert r.status == 302, r.status
    return r.getheader("Location").replace(f"http://127.0.0.1:{port}", ""), (time.perf_counter() - start) * 1000

def page(path):
    # as a browser asks for it: compressed
    start = time.perf_counter()
    conn.request("GET", path, headers={"Cookie": cookie, "Accept-Encoding": "gzip"}); r = conn.getresponse(); sent = r.read()
    elapsed = (time.perf_counter() - start) * 1000
    assert r.status == 200, r.status
    body = gzip.decompress(sent) if r.getheader("Content-Encoding") == "gzip" else sent
    return elapsed, len(body), len(sent), body.count(b"<mark class=")

for name, text in [(os.path.basename(largest), open(largest, encoding="utf-8").read()),
                   ("two-million.txt", two_million)]:
    path, analyze_ms = upload(name, text)
    first_ms, size, sent, marks = page(path)
    for _ in range(3):
        page(path)
    times = sorted(page(path)[0] for _ in range(n))
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    print(f"{name}: {len(text):,} characters, {marks:,} marks, page {size / 1e6:.2f} MB ({sent / 1e6:.2f} MB gzipped); "
          f"upload and analysis {analyze_ms:.0f} ms; results page first {first_ms:.0f} ms, "
          f"then median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms over {n} requests")
PY
