#!/usr/bin/env bash
# The national map's computation (JMH): every county's 13 explained effective labels from the shipped policies, as
# NationalPicture does it (each state layered once, counties without policies of their own share it), against a naive
# baseline measured in the same run (every county layered and explained from scratch, scanning all policies each time).
# Reading the policies from the database is not included (three queries, see docs/protection.md).
# Usage: bench/national-picture.sh [extra JMH options, e.g. -wi 1 -i 2]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp test-compile
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
result=target/bench/national-picture.json
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
    NationalPictureBenchmark -rf json -rff "$result" "$@"
python3 - "$result" <<'PY'
import json, sys
rows = {r["benchmark"].rsplit(".", 1)[1]: (float(r["primaryMetric"]["score"]), float(r["primaryMetric"]["scoreError"]))
        for r in json.load(open(sys.argv[1]))}
s, n = rows["sharedPerState"], rows["naivePerCounty"]
print()
print(f"{'all counties, 13 labels each':<34}{'ms':>10}")
print(f"{'shared per state (NationalPicture)':<34}{s[0]/1000:>10.3f} ±{s[1]/1000:.3f}")
print(f"{'naive per county (baseline)':<34}{n[0]/1000:>10.3f} ±{n[1]/1000:.3f}")
print(f"\nspeed-up {n[0]/s[0]:.1f}x; target < 50 ms: {'met' if s[0]/1000 < 50 else 'NOT met'}")
PY
