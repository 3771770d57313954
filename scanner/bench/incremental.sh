#!/usr/bin/env bash
# Incremental-scan benchmark: the npm set and the Java set of throughput.sh, each scanned three times with
# --cache: first with an empty cache, then unchanged, then after one file's content changed (a comment
# appended, then removed again afterwards). Prints wall and CPU seconds (user + system) of each run, the
# units the cache served, the ratio of each later run to the first, and checks that the third run's
# JSON report equals a scan of the changed tree without the cache. Not a test: run it by hand, and note
# the machine's load (printed) with the numbers.
#
#   scanner/bench/incremental.sh [--js | --java] [extra wsscan scan options...]
#
# Needs scanner/target/wsscan.jar (mvn -B package) and the sets throughput.sh fetches: scanner/target/bench
# (npm install there) and scanner/target/bench-java/src. The JVM options are throughput.sh's.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
jar=$root/scanner/target/wsscan.jar
[[ -f $jar ]] || { echo "incremental.sh: build $jar first (mvn -B package)" >&2; exit 2; }
sets=(js java)
case ${1:-} in
  --js) sets=(js); shift ;;
  --java) sets=(java); shift ;;
esac
jvm=(${WSSCAN_JAVA_OPTS:--XX:TieredStopAtLevel=1 -Xmx2g})
cpu() { awk '{ for (i = 1; i < NF; i++) if ($(i+1) == "s" && ($(i+2) == "user," || $(i+2) == "system,")) s += $i } END { printf "%.1f", s }' "$1"; }
wall() { awk '{ print $1 }' "$1"; }

for set in "${sets[@]}"; do
  if [[ $set == js ]]; then
    tree=$root/scanner/target/bench/node_modules
    pick='^ws/lib/websocket\.js$' # a module of ws, linked to the others by require
  else
    tree=$root/scanner/target/bench-java/src
    pick='spring-websocket-.*/AbstractWebSocketHandler\.java$'
  fi
  [[ -d $tree ]] || { echo "incremental.sh: $tree is missing: run scanner/bench/throughput.sh$([[ $set == java ]] && echo ' --java') once" >&2; exit 2; }
  work=$root/scanner/target/bench-incremental/$set
  rm -rf "$work" && mkdir -p "$work"
  run() { # name, extra args...
    local name=$1; shift
    /usr/bin/time -f '%e s wall, %U s user, %S s system, peak RSS %M KB' -o "$work/$name.time" \
      java "${jvm[@]}" -jar "$jar" scan "$tree" -f json -o "$work/$name.json" --fail-on none --no-progress "$@" \
      2>"$work/$name.err" >/dev/null
    local units
    units=$(grep -oE '[0-9]+ of [0-9]+ units from the cache' "$work/$name.err" || echo "no cache")
    printf '  %-10s %6s s wall %7s s CPU  (%s)\n' "$name" "$(wall "$work/$name.time")" "$(cpu "$work/$name.time")" "$units"
  }
  echo "set $set: $tree; load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
  run first --cache="$work/cache" "$@"
  run unchanged --cache="$work/cache" "$@"
  # the file to change: an analysed one (not one discovery leaves out)
  changed=$tree/$(python3 -c 'import json, re, sys
files = json.load(open(sys.argv[1]))["analysedFiles"]
print(next((f for f in files if re.search(sys.argv[2], f)), files[0]))' "$work/first.json" "$pick")
  cp "$changed" "$work/original"
  trap 'cp "$work/original" "$changed"' EXIT
  echo "  changed file: ${changed#$tree/}"
  printf '\n// changed by incremental.sh\n' >>"$changed"
  run changed --cache="$work/cache" "$@"
  run plain "$@"
  cp "$work/original" "$changed"
  trap - EXIT
  for name in unchanged changed; do
    echo "  $name / first: wall $(awk -v a="$(wall "$work/$name.time")" -v b="$(wall "$work/first.time")" 'BEGIN { printf "%.3f", a / b }'),"\
      "CPU $(awk -v a="$(cpu "$work/$name.time")" -v b="$(cpu "$work/first.time")" 'BEGIN { printf "%.3f", a / b }')"
  done
  if cmp -s "$work/changed.json" "$work/plain.json"; then echo "  changed-tree report with cache = without cache (byte-identical)"
  else echo "  DIFFERENT: $work/changed.json and $work/plain.json"; exit 1; fi
done
