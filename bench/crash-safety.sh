#!/usr/bin/env bash
# Crash safety: kills the running jar with SIGKILL while writers change answers through the JSON API, starts it
# again, and checks that every write the server acknowledged is there and that no revision is half written; on the
# embedded H2 database (a file) and, with SPRING_DATASOURCE_* set, on PostgreSQL (in a new schema). Builds the jar
# only if it is missing. Exits 1 on any loss, with what is missing. The details: bench/crash-safety.py.
# Usage: bench/crash-safety.sh [--kills N] [--writers N] [--seed N] [--time-limit S] [h2] [postgres]   (default: h2, 3 kills, 600 s)
# Example: eval "$(scripts/throwaway-postgres.sh start /tmp/pg)"; bench/crash-safety.sh h2 postgres
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/sanctuary-scorecard.jar ] || ./mvnw -B -q -ntp package -DskipTests
args=("$@")
if ! printf '%s\n' "${args[@]+"${args[@]}"}" | grep -qx -e h2 -e postgres; then
    args+=(h2)
fi
exec python3 bench/crash-safety.py --jar target/sanctuary-scorecard.jar "${args[@]}"
