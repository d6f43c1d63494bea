#!/usr/bin/env bash
# Load test on loopback: the application next to nginx serving the very same bytes as static files, in one run.
#
# What it does, in order (everything on 127.0.0.1, everything stopped on exit):
#   1. installs wrk and nginx with apt-get if they are missing (sudo only when not root);
#   2. builds the jar only if it is missing;
#   3. starts the application on a free port with a fresh data directory and waits for /actuator/health;
#   4. picks a published scorecard among the shipped examples (GET /api/jurisdictions/{geoid}/assessments) and the
#      JSON URLs (default /api/jurisdictions/06085 and, as map data, /api/map?level=county: every county on the default
#      layer; --url PATH and --map-url PATH replace them);
#   5. fetches each URL's exact bytes and headers from the application and writes a throwaway nginx configuration that
#      serves those bytes as static files, with the same Content-Type, the same security headers and gzip settings
#      equivalent to the application's (server.compression: text/html and application/json, from 2 KB, only when the
#      client sends Accept-Encoding: gzip, level 6 as Tomcat's java.util.zip default; an answer the application
#      compressed ahead of time, a kept published scorecard, is served by nginx as the application's own gzipped bytes
#      with gzip_static), and checks nginx answers the same bytes;
#   6. server time: wrk with 1 connection against the application for each URL (median and p99);
#   7. load: after a warm-up, wrk -t2 -c32 -d<N>s --latency against the application and nginx, alternating which goes
#      first, for --rounds rounds, without and with Accept-Encoding: gzip;
#   8. prints requests per second and p99 for both, the ratio, and the verdicts against the targets
#      (application >= 1/3 of nginx's requests per second and p99 < 25 ms at 32 connections; map data < 50 ms).
#
# It exits non-zero only on errors (a server that does not start, a wrong answer, a run over the time limit), not on
# a missed target, unless --check is given. Every loop is bounded: rounds and URLs are counted, each wrk run lasts
# --duration seconds (killed after twice that), and the whole script stops at --time-limit seconds.
#
# Usage: bench/load.sh [--duration S] [--warmup S] [--rounds N] [--connections N] [--threads N]
#                      [--url PATH]... [--map-url PATH]... [--encodings identity,gzip] [--time-limit S]
#                      [--java-opts "..."] [--jar FILE] [--check]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=10
warmup=5
rounds=2
connections=32
threads=2
time_limit=900
encodings=identity,gzip
java_opts="-Xmx512m"
jar=target/sanctuary-scorecard.jar
check=false
urls=()
map_urls=()
max_urls=8

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --url) urls+=("$2"); shift 2 ;;
        --map-url) map_urls+=("$2"); shift 2 ;;
        --encodings) encodings=$2; shift 2 ;;
        --time-limit) time_limit=$2; shift 2 ;;
        --java-opts) java_opts=$2; shift 2 ;;
        --jar) jar=$2; shift 2 ;;
        --check) check=true; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "load.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
for n in "$duration" "$warmup" "$rounds" "$connections" "$threads" "$time_limit"; do
    [[ "$n" =~ ^[0-9]+$ ]] || { echo "load.sh: '$n' is not a whole number" >&2; exit 2; }
done
[ "$rounds" -ge 1 ] && [ "$rounds" -le 20 ] || { echo "load.sh: --rounds must be 1 to 20" >&2; exit 2; }
[ "$duration" -ge 1 ] && [ "$duration" -le 300 ] || { echo "load.sh: --duration must be 1 to 300 seconds" >&2; exit 2; }
[ ${#urls[@]} -gt 0 ] || urls=(/api/jurisdictions/06085)
[ ${#map_urls[@]} -gt 0 ] || map_urls=('/api/map?level=county')
[ $((${#urls[@]} + ${#map_urls[@]})) -le $max_urls ] || { echo "load.sh: at most $max_urls URLs" >&2; exit 2; }
for u in "${urls[@]}" "${map_urls[@]}"; do
    [[ "$u" =~ ^/[A-Za-z0-9/._~%-]*(\?[A-Za-z0-9=&._~%,-]*)?$ ]] || { echo "load.sh: '$u' is not a plain path" >&2; exit 2; }
done
deadline=$((SECONDS + time_limit))

# --- tools -----------------------------------------------------------------------------------------------------------
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
PATH="$PATH:/usr/sbin:/sbin"
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx-light)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} with apt-get" >&2
    as_root env DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q "${missing[@]}" >&2 \
        || { as_root timeout 300 apt-get update -q >&2 && as_root env DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q "${missing[@]}" >&2; }
fi
# Debian's nginx package may start a system-wide nginx on port 80; this script neither needs nor touches it.
if [ ! -f "$jar" ]; then
    [ "$jar" = target/sanctuary-scorecard.jar ] || { echo "load.sh: no such jar: $jar" >&2; exit 2; }
    timeout 900 ./mvnw -B -ntp package -DskipTests >&2
fi

work=$(mktemp -d /tmp/scorecard-load.XXXXXX)
app_pid=""
nginx_pid=""
watchdog_pid=""
cleanup() {
    [ -n "$watchdog_pid" ] && kill "$watchdog_pid" 2>/dev/null || true
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$nginx_pid" ] && wait "$nginx_pid" 2>/dev/null || true
    [ -n "$app_pid" ] && wait "$app_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "load.sh: stopped (time limit of ${time_limit}s or a signal)" >&2; exit 3' TERM INT
# The watchdog ends the whole script at the time limit, whatever it is doing; the trap above stops the servers.
( sleep "$time_limit"; kill -TERM $$ 2>/dev/null ) &
watchdog_pid=$!

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
remaining() { echo $((deadline - SECONDS)); }

# --- the application -------------------------------------------------------------------------------------------------
app_port=$(free_port)
mkdir -p "$work/data"
# shellcheck disable=SC2086
java $java_opts -jar "$jar" --scorecard.data-dir="$work/data" --server.port="$app_port" \
    --server.address=127.0.0.1 >"$work/app.log" 2>&1 &
app_pid=$!
app="http://127.0.0.1:$app_port"
started=$SECONDS
until curl -fs "$app/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$app_pid" 2>/dev/null || { tail -40 "$work/app.log" >&2; echo "load.sh: the application stopped" >&2; exit 1; }
    [ $((SECONDS - started)) -lt 180 ] || { tail -40 "$work/app.log" >&2; echo "load.sh: no health after 180 s" >&2; exit 1; }
    sleep 0.5
done
echo "application up on $app after $((SECONDS - started)) s" >&2

# A published scorecard: the first published assessment of the shipped examples' jurisdictions.
scorecard=$(python3 - "$app" <<'PY'
import json, sys, urllib.request
app = sys.argv[1]
for geoid in ["06075", "06", "1714000", "3651000", "2507000", "2743000", "41", "11", "12"]:
    with urllib.request.urlopen(f"{app}/api/jurisdictions/{geoid}/assessments", timeout=30) as r:
        for a in json.load(r):
            if a.get("status") == "published":
                print(f"/assessments/{a['id']}")
                sys.exit(0)
sys.exit("no published assessment among the shipped examples")
PY
)
all_urls=("$scorecard" "${urls[@]}" "${map_urls[@]}")
echo "published scorecard: $scorecard; JSON: ${urls[*]} ${map_urls[*]}" >&2

# --- the same bytes as static files ----------------------------------------------------------------------------------
nginx_port=$(free_port)
mkdir -p "$work/nginx/root" "$work/nginx/tmp"
python3 - "$app" "$nginx_port" "$work/nginx" "$(id -u)" "$(id -un)" "$(id -gn)" "${all_urls[@]}" <<'PY'
import json, os, sys, urllib.request
app, port, base, uid, user, group = sys.argv[1:7]
paths = sys.argv[7:]
skip = {"date", "content-length", "transfer-encoding", "connection", "keep-alive", "content-type", "vary",
        "content-encoding", "set-cookie"}
locations, manifest = [], []
for i, path in enumerate(paths):
    req = urllib.request.Request(app + path, headers={"Accept-Encoding": "identity"})
    with urllib.request.urlopen(req, timeout=30) as r:
        body, headers, status = r.read(), r.headers, r.status
    if status != 200:
        sys.exit(f"{path}: {status}")
    again = urllib.request.urlopen(urllib.request.Request(app + path, headers={"Accept-Encoding": "identity"}), timeout=30).read()
    if again != body:
        sys.exit(f"{path}: two requests gave different bodies; a static copy would not be the same page")
    name = f"r{i}"
    with open(os.path.join(base, "root", name), "wb") as f:
        f.write(body)
    # An answer the application sends gzipped with a Content-Length was compressed ahead of time (a kept page), not as
    # it was sent: nginx then serves the application's own gzipped bytes as a precompressed file (gzip_static).
    zreq = urllib.request.Request(app + path, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(zreq, timeout=30) as r:
        zbody, zheaders = r.read(), r.headers
    precompressed = zheaders.get("Content-Encoding") == "gzip" and zheaders.get("Content-Length") is not None
    if precompressed:
        with open(os.path.join(base, "root", name + ".gz"), "wb") as f:
            f.write(zbody)
    ctype = headers.get("Content-Type", "application/octet-stream")
    mime, _, params = ctype.partition(";")
    mime = mime.strip()
    charset = ""
    for p in params.split(";"):
        k, _, v = p.strip().partition("=")
        if k.lower() == "charset":
            charset = v.strip()
    extra = []
    for k, v in headers.items():
        if k.lower() in skip:
            continue
        if "$" in v or "\n" in v:
            continue  # nginx would read $ as a variable; no such header today
        v = v.replace("\\", "\\\\").replace('"', '\\"')
        extra.append(f'            add_header {k} "{v}" always;')
    charset_lines = (f"            charset {charset};\n            charset_types {mime};\n" if charset
                     else "            charset off;\n")
    locations.append(f"""        location = {path.split('?')[0]} {{
            types {{ }}
            default_type {mime};
{charset_lines}            alias {base}/root/{name};
{"            gzip_static on;" if precompressed else ""}
{chr(10).join(extra)}
        }}""")
    manifest.append({"path": path, "bytes": len(body), "contentType": ctype, "file": name,
                     "gzip": "ahead of time" if precompressed else "as sent"})
user_line = f"user {user} {group};" if uid == "0" else ""
conf = f"""# Throwaway configuration written by bench/load.sh: the application's answers as static files.
{user_line}
worker_processes auto;
pid {base}/nginx.pid;
error_log {base}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    server_tokens off;
    # As the application's Tomcat: at most 100 requests on one kept-alive connection, 20 s idle (Tomcat's 60 s
    # connection timeout does not matter here).
    keepalive_requests 100;
    # server.compression: text/html and application/json (and CSS, JS), responses of 2 KB or more, only when asked.
    gzip on;
    gzip_types text/html application/json text/css application/javascript;
    gzip_min_length 2048;
    gzip_comp_level 6;
    gzip_vary on;
    gzip_proxied any;
    client_body_temp_path {base}/tmp/body;
    proxy_temp_path {base}/tmp/proxy;
    fastcgi_temp_path {base}/tmp/fastcgi;
    uwsgi_temp_path {base}/tmp/uwsgi;
    scgi_temp_path {base}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
{chr(10).join(locations)}
        location / {{ return 404; }}
    }}
}}
"""
with open(os.path.join(base, "nginx.conf"), "w") as f:
    f.write(conf)
with open(os.path.join(base, "manifest.json"), "w") as f:
    json.dump(manifest, f)
PY
if [ "$(id -u)" -eq 0 ]; then chmod 755 "$work" "$work/nginx" "$work/nginx/root"; chmod 644 "$work"/nginx/root/*; fi
nginx -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>"$work/nginx-test.log" \
    || { cat "$work/nginx-test.log" >&2; echo "load.sh: nginx refused the configuration" >&2; exit 1; }
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' 2>>"$work/nginx/error.log" &
nginx_pid=$!
ngx="http://127.0.0.1:$nginx_port"
started=$SECONDS
until curl -fs -o /dev/null "$ngx${scorecard}"; do
    kill -0 "$nginx_pid" 2>/dev/null || { cat "$work/nginx/error.log" >&2; echo "load.sh: nginx stopped" >&2; exit 1; }
    [ $((SECONDS - started)) -lt 30 ] || { echo "load.sh: nginx did not answer in 30 s" >&2; exit 1; }
    sleep 0.2
done

# Same bytes, same Content-Type, both with and without gzip.
python3 - "$app" "$ngx" "$work/nginx/manifest.json" <<'PY'
import gzip, json, sys, urllib.request
app, ngx, manifest = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
def get(url, enc):
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": enc}), timeout=30) as r:
        body = r.read()
        if r.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return body, r.headers.get("Content-Type"), r.headers.get("Content-Encoding")
for m in manifest:
    for enc in ("identity", "gzip"):
        a, b = get(app + m["path"], enc), get(ngx + m["path"], enc)
        if a[0] != b[0]:
            sys.exit(f"{m['path']} ({enc}): nginx serves other bytes than the application")
        if a[1].replace(" ", "").lower() != b[1].replace(" ", "").lower():
            sys.exit(f"{m['path']} ({enc}): Content-Type {a[1]!r} from the application, {b[1]!r} from nginx")
        if a[2] != b[2]:
            sys.exit(f"{m['path']} ({enc}): Content-Encoding {a[2]!r} from the application, {b[2]!r} from nginx")
    print(f"  {m['path']}: {m['bytes']} bytes, {m['contentType']}, gzipped {m['gzip']}, identical from both",
          file=sys.stderr)
PY

# --- measuring -------------------------------------------------------------------------------------------------------
results="$work/results.tsv"
: >"$results"
# run_wrk LABEL SERVER_URL PATH ENCODING CONNECTIONS THREADS SECONDS: one bounded wrk run, one line in results.tsv.
run_wrk() {
    local label=$1 base=$2 path=$3 enc=$4 conns=$5 thr=$6 secs=$7
    [ "$(remaining)" -gt $((secs * 2 + 5)) ] || { echo "load.sh: not enough time left for another run (--time-limit)" >&2; exit 3; }
    local header=()
    [ "$enc" = gzip ] && header=(-H "Accept-Encoding: gzip")
    timeout $((secs * 2 + 10)) wrk -t"$thr" -c"$conns" -d"${secs}s" --timeout 5s --latency "${header[@]}" "$base$path" \
        >"$work/wrk.txt" 2>&1 || { cat "$work/wrk.txt" >&2; echo "load.sh: wrk failed against $base$path" >&2; exit 1; }
    python3 - "$work/wrk.txt" "$label" "$path" "$enc" "$conns" <<'PY' >>"$results"
import re, sys
out = open(sys.argv[1]).read()
label, path, enc, conns = sys.argv[2:6]
def ms(text):
    v, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
if bad:
    sys.exit(f"{label} {path}: {bad.group(1)} answers were not 2xx/3xx")
err = sum(int(x) for x in errors.groups()) if errors else 0
print(f"{label}\t{path}\t{enc}\t{conns}\t{rps:.1f}\t{p50:.2f}\t{p99:.2f}\t{err}")
PY
    tail -1 "$results" | awk -F'\t' '{printf "  %-6s %-28s %-8s c=%-3s %10s req/s  p50 %7s ms  p99 %7s ms  socket errors %s\n", $1, $2, $3, $4, $5, $6, $7, $8}' >&2
}

IFS=, read -r -a encs <<<"$encodings"
for e in "${encs[@]}"; do [[ "$e" = identity || "$e" = gzip ]] || { echo "load.sh: encoding '$e' is not identity or gzip" >&2; exit 2; }; done

echo "warm-up (${warmup}s per URL and server)" >&2
if [ "$warmup" -gt 0 ]; then
    for path in "${all_urls[@]}"; do
        for e in "${encs[@]}"; do
            run_wrk warm "$app" "$path" "$e" "$connections" "$threads" "$warmup"
            run_wrk warm "$ngx" "$path" "$e" "$connections" "$threads" "$warmup"
        done
    done
fi
echo "server time: 1 connection, ${duration}s per URL, application only" >&2
for path in "${all_urls[@]}"; do
    run_wrk single "$app" "$path" identity 1 1 "$duration"
done
for ((round = 1; round <= rounds; round++)); do
    echo "round $round of $rounds: ${connections} connections, ${threads} threads, ${duration}s per run" >&2
    for path in "${all_urls[@]}"; do
        for e in "${encs[@]}"; do
            if [ $((round % 2)) -eq 1 ]; then
                run_wrk app "$app" "$path" "$e" "$connections" "$threads" "$duration"
                run_wrk nginx "$ngx" "$path" "$e" "$connections" "$threads" "$duration"
            else
                run_wrk nginx "$ngx" "$path" "$e" "$connections" "$threads" "$duration"
                run_wrk app "$app" "$path" "$e" "$connections" "$threads" "$duration"
            fi
        done
    done
done

# --- the table -------------------------------------------------------------------------------------------------------
verdict=0
python3 - "$results" "$scorecard" "$connections" "${#map_urls[@]}" "${map_urls[@]}" <<'PY' || verdict=$?
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
scorecard, conns, nmaps = sys.argv[2], sys.argv[3], int(sys.argv[4])
maps = set(sys.argv[5:5 + nmaps])
def pick(label, path, enc, c):
    return [(float(r[4]), float(r[5]), float(r[6])) for r in rows if r[0] == label and r[1] == path and r[2] == enc and r[3] == c]
def span(values, fmt):
    lo, hi = min(values), max(values)
    return fmt.format(lo) if fmt.format(lo) == fmt.format(hi) else (fmt.format(lo) + "–" + fmt.format(hi))
missed = 0
paths = list(dict.fromkeys(r[1] for r in rows if r[0] == "app"))
encs = list(dict.fromkeys(r[2] for r in rows if r[0] == "app"))
print()
print("server time, 1 connection (application): median and p99")
for p in dict.fromkeys(r[1] for r in rows if r[0] == "single"):
    s = pick("single", p, "identity", "1")[0]
    line = f"  {p:<30} median {s[1]:7.2f} ms   p99 {s[2]:7.2f} ms"
    if p in maps:
        ok = s[2] < 50
        missed += not ok
        line += f"   map data < 50 ms: {'met' if ok else 'MISSED'}"
    print(line)
print()
print(f"load, {conns} connections (median of the rounds; the range of the rounds in brackets)")
print(f"  {'URL':<30} {'encoding':<9} {'app req/s':>22} {'nginx req/s':>24} {'ratio':>16} {'app p99 ms':>20} {'nginx p99 ms':>18}  verdict")
for p in paths:
    for e in encs:
        a, n = pick("app", p, e, conns), pick("nginx", p, e, conns)
        if not a or not n:
            continue
        ratios = [x[0] / y[0] for x, y in zip(a, n)]
        ar, nr = statistics.median(x[0] for x in a), statistics.median(x[0] for x in n)
        ap, np_ = statistics.median(x[2] for x in a), statistics.median(x[2] for x in n)
        ratio = statistics.median(ratios)
        ok_ratio, ok_p99 = ratio >= 1 / 3, ap < 25
        missed += (not ok_ratio) + (not ok_p99)
        verdict = ("throughput >= 1/3 " + ("met" if ok_ratio else "MISSED") + ", p99 < 25 ms " + ("met" if ok_p99 else "MISSED"))
        print(f"  {p:<30} {e:<9} {ar:>9.0f} ({span([x[0] for x in a], '{:.0f}'):>11}) {nr:>9.0f} ({span([x[0] for x in n], '{:.0f}'):>12})"
              f" {ratio:>6.3f} ({span(ratios, '{:.3f}'):>7}) {ap:>8.1f} ({span([x[2] for x in a], '{:.1f}'):>9}) {np_:>6.1f} ({span([x[2] for x in n], '{:.1f}'):>9})  {verdict}")
print()
print("targets: the application serves at least one third of nginx's requests per second, with p99 under 25 ms, at "
      f"{conns} connections" + ("; map data p99 under 50 ms at 1 connection" if maps else ""))
sys.exit(1 if missed else 0)
PY
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(nginx -v 2>&1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
if [ "$verdict" -ne 0 ] && [ "$verdict" -ne 1 ]; then
    echo "load.sh: the summary failed" >&2
    exit 1
fi
if $check && [ "$verdict" -ne 0 ]; then
    echo "load.sh: a target was missed (--check)" >&2
    exit 1
fi
exit 0
