#!/usr/bin/env bash
# Start-up time of the jar on the embedded H2 database: the first start on an empty data directory (it creates
# the schema and loads the 35,641 Census jurisdictions) and a second start on the same directory (nothing to load),
# each until /actuator/health answers UP. Builds the jar first if it is missing.
# Usage: bench/startup.sh [RUNS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
[ -f target/sanctuary-scorecard.jar ] || ./mvnw -B -q -ntp package -DskipTests
port=18080
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

time_start() {  # DATA_DIR -> prints seconds until healthy
    local dir=$1 t0 pid
    t0=$(date +%s.%N)
    java -jar target/sanctuary-scorecard.jar --scorecard.data-dir="$dir" --server.port="$port" >"$dir.log" 2>&1 &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null || { echo "the application stopped; see $dir.log" >&2; exit 1; }
        sleep 0.05
    done
    awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN { printf "%.2f", a - b }'
    kill "$pid"; wait "$pid" 2>/dev/null || true
}

printf '%-5s %-14s %-14s\n' run "first start" "second start"
for i in $(seq 1 "$runs"); do
    dir=$(mktemp -d /tmp/scorecard-startup.XXXXXX)
    rmdir "$dir"
    first=$(time_start "$dir")
    second=$(time_start "$dir")
    printf '%-5s %-14s %-14s\n' "$i" "${first}s" "${second}s"
    rm -rf "$dir" "$dir.log"
done
echo "jar: $(du -h target/sanctuary-scorecard.jar | cut -f1) ($(stat -c %s target/sanctuary-scorecard.jar) bytes)"
