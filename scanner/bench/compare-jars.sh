#!/usr/bin/env bash
# Two builds of wsscan on the same folder, alternating (old, new, old, new, ...) so that a busy machine
# weighs on both alike: prints each run's CPU seconds, wall time and peak RSS, then the medians and the
# change. For "no more than N % slower than before" checks: build the old jar from a worktree of the
# earlier commit (mvn -B -q package -DskipTests -pl scanner -am) and copy it out.
#
#   scanner/bench/compare-jars.sh OLD.jar NEW.jar DIR [RUNS (default 5)]
set -euo pipefail
[[ $# -ge 3 ]] || { echo "usage: $0 OLD.jar NEW.jar DIR [RUNS]" >&2; exit 2; }
old=$1 new=$2 dir=$3 runs=${4:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
jvm=(${WSSCAN_JAVA_OPTS:--XX:TieredStopAtLevel=1 -Xmx2g})
for i in $(seq 1 "$runs"); do
  for v in old new; do
    jar=$old; [[ $v == new ]] && jar=$new
    /usr/bin/time -f "$v %U %S %e %M" -a -o "$out/times" java "${jvm[@]}" -jar "$jar" scan "$dir" -f json -o "$out/$v.json" \
      --fail-on none --no-progress >/dev/null 2>&1
    tail -1 "$out/times" | awk '{ printf "%s  CPU %6.2f s  wall %6.2f s  peak RSS %5.0f MB\n", $1, $2 + $3, $4, $5 / 1024 }'
  done
done
python3 - "$out/times" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
def med(v, f): return statistics.median(f(r) for r in rows if r[0] == v)
for name, f in (("CPU", lambda r: float(r[1]) + float(r[2])), ("wall", lambda r: float(r[3]))):
    o, n = med("old", f), med("new", f)
    print(f"median {name}: old {o:.2f} s, new {n:.2f} s ({100 * (n - o) / o:+.1f} %)")
PY
