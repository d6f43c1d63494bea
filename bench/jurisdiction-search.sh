#!/usr/bin/env bash
# Jurisdiction search latency (JMH): the indexed typeahead search against a linear scan with the same matching
# rules, per query, measured in the same run. Prints a table with the ratio; raw JMH JSON goes to target/bench/.
# Usage: bench/jurisdiction-search.sh [extra JMH options, e.g. -wi 1 -i 2]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp test-compile
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
result=target/bench/jurisdiction-search.json
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
    JurisdictionSearchBenchmark -rf json -rff "$result" "$@"
python3 - "$result" <<'PY'
import json, sys
rows = {}
for r in json.load(open(sys.argv[1])):
    q = r["params"]["query"]; m = r["benchmark"].rsplit(".", 1)[1]
    rows.setdefault(q, {})[m] = (float(r["primaryMetric"]["score"]), float(r["primaryMetric"]["scoreError"]))
print()
print(f"{'query':<20}{'indexed (ms)':>16}{'linear scan (ms)':>20}{'speed-up':>10}")
worst = 0.0
for q, m in rows.items():
    i, b = m["indexedSearch"], m["linearScanBaseline"]
    worst = max(worst, i[0])
    print(f"{q!r:<20}{i[0]/1000:>10.3f} ±{i[1]/1000:.3f}{b[0]/1000:>14.3f} ±{b[1]/1000:.3f}{b[0]/i[0]:>9.1f}x")
print(f"\nslowest indexed query: {worst/1000:.3f} ms (target < 10 ms)")
PY
