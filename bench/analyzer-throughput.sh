#!/usr/bin/env bash
# Analyzer throughput (JMH): the labeled corpus (src/test/resources/analysis/corpus, 45 real documents) replicated
# to at least 50 MB, read and labeled on one thread and on every core, next to `grep -E` searching the same 50 MB for
# the vocabulary's own provision patterns (src/main/resources/analysis/vocabulary.yaml, those grep can parse), in
# the same run. grep only finds words; the analyzer segments, reads force words, exceptions and lists, and labels.
# Prints MB/s per core and for all cores; raw JMH JSON goes to target/bench/.
# Usage: bench/analyzer-throughput.sh [extra JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp test-compile
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
cores=$(nproc)
single=target/bench/analyzer-1-thread.json
all=target/bench/analyzer-all-threads.json
java -cp "$cp" org.openjdk.jmh.Main AnalyzerThroughputBenchmark -t 1 -rf json -rff "$single" "$@" | tee target/bench/analyzer-run.txt
java -cp "$cp" org.openjdk.jmh.Main AnalyzerThroughputBenchmark -t "$cores" -rf json -rff "$all" "$@"

# Baseline in the same run: grep -E with the vocabulary's provision patterns over the same text.
copies=$(sed -n 's/.*replicated \([0-9]*\) times.*/\1/p' target/bench/analyzer-run.txt | head -1)
corpus=target/bench/corpus-50mb.txt
: > "$corpus"
for i in $(seq "$copies"); do cat src/test/resources/analysis/corpus/*.txt >> "$corpus"; done
patterns=target/bench/vocabulary-patterns.txt
python3 - src/main/resources/analysis/vocabulary.yaml "$patterns" <<'PY'
import re, sys
# the provision terms of the vocabulary, one per line, as grep -E takes them (patterns using look-arounds or
# non-capturing groups, which grep -E lacks, are left out and counted)
text = open(sys.argv[1], encoding="utf-8").read()
block = text[text.index("\nprovisions:"):text.index("\nyields-to:")]
terms = re.findall(r"^\s+- '(.*)'\s*$", block, re.M)
usable = [t.replace("''", "'") for t in terms if "(?" not in t]
open(sys.argv[2], "w").write("\n".join(usable) + "\n")
print(f"grep -E patterns: {len(usable)} of the vocabulary's {len(terms)} provision terms")
PY
# One run: grep -E falls back to its slow matcher for these patterns (word boundaries, bounded gaps) and takes
# minutes. Its output goes to a file, not /dev/null: GNU grep stops at the first match when writing to /dev/null.
start=$(date +%s%N)
LC_ALL=C grep -E -i -c -f "$patterns" "$corpus" > target/bench/grep-count.txt || true
end=$(date +%s%N)
best=$((end - start))
echo "grep -E: $(cat target/bench/grep-count.txt) matching lines"
python3 - "$single" "$all" "$cores" "$(stat -c %s "$corpus")" "$best" target/bench/analyzer-run.txt <<'PY'
import json, re, sys
single, allt, cores, grep_bytes, grep_ns, run = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
per_op = int(re.search(r"replicated \d+ times: (\d+) bytes per operation", open(run).read()).group(1))
def ms(path):
    r = json.load(open(path))[0]["primaryMetric"]
    return r["score"], r["scoreError"]
one, one_err = ms(single)
many, many_err = ms(allt)
mb = per_op / 1e6
per_core = mb / (one / 1000)
all_cores = cores * mb / (many / 1000)
grep = grep_bytes / 1e6 / (grep_ns / 1e9)
print()
print(f"text per operation: {per_op:,} bytes (the corpus replicated); grep reads the same {grep_bytes:,} bytes")
print(f"{'':<34}{'s per 50 MB':>14}{'MB/s':>10}")
print(f"{'analyzer, 1 thread':<34}{one / 1000:>8.2f} ±{one_err / 1000:>4.2f}{per_core:>10.1f}")
print(f"{'analyzer, ' + str(cores) + ' threads (each 50 MB)':<34}{many / 1000:>8.2f} ±{many_err / 1000:>4.2f}{all_cores:>10.1f}")
print(f"{'grep -E, vocabulary patterns':<34}{grep_ns / 1e9:>8.2f}{'':>6}{grep:>10.1f}")
print(f"\nper core: {per_core:.1f} MB/s (target >= 10); all {cores} cores: {all_cores:.1f} MB/s; "
      f"grep -E with the same patterns: {grep:.1f} MB/s ({per_core / grep:.2f}x)")
PY
