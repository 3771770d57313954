#!/usr/bin/env bash
# Throughput benchmark: scans the npm packages pinned in package.json (installed once into
# scanner/target/bench) with the real CLI and prints MB/s, files/s and peak heap from wsscan's own
# summary, the process's peak RSS and the share of each front end; then the same scan's parse-only
# baselines (ScanBench: the same Scanner, files read but not analysed; "parse + lower" builds every
# file's IR, "syntax only" is what a full scan does with files no model applies to) and the ratio of
# the full scan to them; then the parse-only numbers per JS front end, one thread (FrontEndBench).
# ScanBench and FrontEndBench come from the test classes that `mvn -B verify` builds. Not a test:
# run it by hand, on an otherwise idle machine.
#
#   scanner/bench/throughput.sh [--threads N] [extra wsscan scan options...]
#   scanner/bench/throughput.sh --java [extra wsscan scan options...]
#
# --java: the same for the Java set of java-set.txt (sources jars fetched once from Maven Central into
# scanner/target/bench-java): MB/s, CPU seconds and peak heap of the full scan, then the Java front end
# alone on the same files (ScanBench java) and the ratio of the two in CPU seconds.
#
# The JVM options are the ./wsscan launcher's (WSSCAN_JAVA_OPTS, default -XX:TieredStopAtLevel=1 -Xmx2g).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
if [[ ${1:-} == --java ]]; then
  shift
  work=$root/scanner/target/bench-java
  mkdir -p "$work/jars" "$work/src"
  grep -v '^#' "$here/java-set.txt" | while IFS=: read -r group artifact version; do
    [[ -n $group ]] || continue
    name=$artifact-$version
    if [[ ! -d $work/src/$name ]]; then
      curl -fsS -o "$work/jars/$name-sources.jar" \
        "https://repo1.maven.org/maven2/${group//.//}/$artifact/$version/$name-sources.jar"
      mkdir -p "$work/src/$name.tmp" && (cd "$work/src/$name.tmp" && unzip -q "$work/jars/$name-sources.jar") \
        && mv "$work/src/$name.tmp" "$work/src/$name"
    fi
  done
  "$root/wsscan" --version >/dev/null
  java_bytes=$(find "$work/src" -type f -name '*.java' -printf '%s\n' | awk '{s+=$1} END {print s}')
  echo "corpus: $work/src ($(awk -v b="$java_bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MB of .java)"
  jvm=(${WSSCAN_JAVA_OPTS:--XX:TieredStopAtLevel=1 -Xmx2g})
  /usr/bin/time -f 'process: %e s wall, %U s user, %S s system, peak RSS %M KB' -o "$work/full.time" \
    java "${jvm[@]}" -jar "$root/scanner/target/wsscan.jar" scan "$work/src" -f json -o "$work/result.json" \
    --fail-on none --no-progress "$@" 2>"$work/full.err" >/dev/null
  grep -E '^wsscan: [0-9]+ files? analysed' "$work/full.err"; cat "$work/full.time"
  bench_classes=$root/scanner/target/test-classes
  if [[ -f $bench_classes/io/wsscan/engine/ScanBench.class ]]; then
    /usr/bin/time -f 'process: %e s wall, %U s user, %S s system, peak RSS %M KB' -o "$work/parse.time" \
      java "${jvm[@]}" -cp "$bench_classes:$root/scanner/target/wsscan.jar" io.wsscan.engine.ScanBench java "$work/src"
    cat "$work/parse.time"
    cpu() { awk '{ for (i = 1; i < NF; i++) { if ($(i+1) == "s" && ($(i+2) == "user," || $(i+2) == "system,")) s += $i } } END { print s }' "$1"; }
    echo "CPU: full scan $(cpu "$work/full.time") s, Java front end alone $(cpu "$work/parse.time") s, full = $(awk -v f="$(cpu "$work/full.time")" -v p="$(cpu "$work/parse.time")" 'BEGIN { printf "%.2f", f / p }') x parse"
  else
    echo "parse only: run 'mvn -B verify' first to build scanner/target/test-classes"
  fi
  exit 0
fi
work=$root/scanner/target/bench
mkdir -p "$work"
if [[ ! -d $work/node_modules ]] || ! cmp -s "$here/package.json" "$work/package.json"; then
  rm -rf "$work/node_modules"
  cp "$here/package.json" "$work/package.json"
  (cd "$work" && npm install --no-audit --no-fund --ignore-scripts --silent >/dev/null)
fi
"$root/wsscan" --version >/dev/null   # builds the jar when needed, outside the timing
js_bytes=$(find "$work/node_modules" -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.ts' -o -name '*.tsx' -o -name '*.jsx' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "corpus: $work/node_modules ($(( js_bytes / 1048576 )) MB of .js/.mjs/.cjs/.ts/.tsx/.jsx)"
jvm=(${WSSCAN_JAVA_OPTS:--XX:TieredStopAtLevel=1 -Xmx2g})
/usr/bin/time -f 'process: %e s wall, %U s user, peak RSS %M KB' \
  java "${jvm[@]}" -jar "$root/scanner/target/wsscan.jar" scan "$work/node_modules" -f json,sarif -o "$work/result" \
  --fail-on none --no-progress "$@" 2>&1 | grep -E '^(wsscan: [0-9]+ files? analysed|process:)' | tee "$work/full.txt"
python3 - "$work/result.json" "$work/result.sarif" <<'PY'
import json, sys, collections
d = json.load(open(sys.argv[1]))
fe = json.load(open(sys.argv[2]))['runs'][0]['invocations'][0].get('properties', {}).get('frontEnds', {})
total = d['summary']['files']
by = collections.Counter(fe.values())
by['rhino (or no script)'] = d['summary']['analysed'] - sum(by.values())
print('front ends of analysed files:', {k: f"{v} ({100.0 * v / max(total, 1):.1f} %)" for k, v in sorted(by.items())})
kinds = collections.Counter(n['kind'] for n in d['notAnalysed'] if n.get('line', 0) == 0 or n['kind'] == 'parse-error')
print('not analysed by reason:', dict(kinds))
print('findings by rule:', dict(collections.Counter(f['ruleId'] for f in d['findings'])))
PY
bench_classes=$root/scanner/target/test-classes
if [[ -f $bench_classes/io/wsscan/engine/ScanBench.class ]]; then
  full=$(sed -nE 's/^wsscan: .* in ([0-9.]+) s,.*/\1/p' "$work/full.txt")
  for mode in lower syntax; do
    line=$(java "${jvm[@]}" -cp "$bench_classes:$root/scanner/target/wsscan.jar" io.wsscan.engine.ScanBench "$mode" "$work/node_modules")
    secs=$(sed -nE 's/.* in ([0-9.]+) s,.*/\1/p' <<<"$line")
    echo "$line; full scan = $(awk -v f="$full" -v p="$secs" 'BEGIN { printf "%.2f", f / p }') x this"
  done
fi
if [[ -f $bench_classes/io/wsscan/js/FrontEndBench.class ]]; then
  echo "parse only (.js/.mjs/.cjs, one thread):"
  java -cp "$bench_classes:$root/scanner/target/wsscan.jar" io.wsscan.js.FrontEndBench "$(readlink -f "$work/node_modules")"
else
  echo "parse only: run 'mvn -B verify' first to build scanner/target/test-classes"
fi
