#!/usr/bin/env bash
# Text extraction speed (JMH): the 30-page generated policy manual read by TextExtractor as PDF, DOCX and HTML,
# against PDFBox's bare text stripper on the same PDF, measured in the same run. Prints pages/s and MB/s; raw JMH
# JSON goes to target/bench/.
# Usage: bench/text-extraction.sh [extra JMH options, e.g. -wi 2 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp test-compile
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
result=target/bench/text-extraction.json
sizes=target/bench/text-extraction-sizes.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
    TextExtractionBenchmark -rf json -rff "$result" "$@" | tee "$sizes"
python3 - "$result" "$sizes" <<'PY'
import json, re, sys
sizes = open(sys.argv[2]).read()
m = re.search(r"PDF (\d+) bytes, (\d+) pages, (\d+) characters of text; DOCX (\d+) bytes; HTML (\d+) bytes", sizes)
pdf, pages, chars, docx, html = map(int, m.groups())
size = {"pdf": pdf, "pdfBoxStripperBaseline": pdf, "docx": docx, "html": html}
rows = {r["benchmark"].rsplit(".", 1)[1]: (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
        for r in json.load(open(sys.argv[1]))}
print()
print(f"{'benchmark':<26}{'ms per document':>18}{'pages/s':>10}{'MB/s':>8}{'chars/s':>12}")
for name in ["pdf", "pdfBoxStripperBaseline", "docx", "html"]:
    ms, err = rows[name]
    s = ms / 1000
    print(f"{name:<26}{ms:>11.1f} ±{err:>4.1f}{pages / s:>10.0f}{size[name] / 1e6 / s:>8.2f}{chars / s:>12,.0f}")
print(f"\nTextExtractor on the PDF costs {rows['pdf'][0] / rows['pdfBoxStripperBaseline'][0]:.2f}x PDFBox's bare stripper")
PY
