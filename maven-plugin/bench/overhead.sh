#!/usr/bin/env bash
# What wsscan-maven-plugin adds to a build: runs `mvn verify -DskipTests` of a Spring Boot app without the
# plugin, with it (check goal, forked, the default) and with it in Maven's JVM (-Dwsscan.fork=false),
# alternating, and prints the median wall and CPU seconds of each and what the plugin adds; then the
# ./wsscan launcher's scan of the same folders. Not a test: run it by hand on an otherwise idle machine.
#
#   maven-plugin/bench/overhead.sh [APP_DIR] [RUNS]
#
# APP_DIR defaults to maven-plugin/bench/spring-chat, a small Spring Boot 3.5 WebSocket app (its pom has
# the plugin in a profile that -Dnowsscan turns off; another app needs the same profile). The plugin must
# be in the local repository: mvn -B install -pl maven-plugin -am -DskipTests -Dinvoker.skip=true.
# The first build resolves the app's dependencies from Maven Central; the measured ones run offline.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
app=$(cd "${1:-$here/spring-chat}" && pwd -P)
runs=${2:-5}
work=$root/maven-plugin/target/bench-overhead
rm -rf "$work" && mkdir -p "$work" && cp -r "$app" "$work/app"
cd "$work/app"
mvn -B -q verify -DskipTests >/dev/null   # dependencies, and a first build nothing is measured on

measure() { # label, maven arguments...
  local label=$1; shift
  /usr/bin/time -f '%e %U %S' -o "$work/t" mvn -B -o -q verify -DskipTests "$@" >/dev/null 2>"$work/err" \
    || { cat "$work/err"; exit 1; }
  awk -v l="$label" '{ printf "%s %.2f %.2f\n", l, $1, $2 + $3 }' "$work/t" >> "$work/runs"
}
for ((i = 0; i < runs; i++)); do
  measure without -Dnowsscan
  measure forked
  measure in-maven -Dwsscan.fork=false
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-10s %8s %8s %12s\n' build "wall s" "CPU s" "plugin adds"
base=$(awk '$1 == "without" { print $2 }' "$work/runs" | median)
for label in without forked in-maven; do
  wall=$(awk -v l=$label '$1 == l { print $2 }' "$work/runs" | median)
  cpu=$(awk -v l=$label '$1 == l { print $3 }' "$work/runs" | median)
  printf '%-10s %8.2f %8.2f %11.2fs\n' "$label" "$wall" "$cpu" "$(awk -v a="$wall" -v b="$base" 'BEGIN { print a - b }')"
done
echo "medians of $runs runs each ($(nproc) cores, load average now $(cut -d' ' -f1 /proc/loadavg))"
jar=$root/scanner/target/wsscan.jar
if [[ -f $jar ]]; then
  dirs=(); for d in src/main/java src/main/resources; do [[ -d $d ]] && dirs+=("$d"); done
  /usr/bin/time -f 'launcher scan of the same folders: %e s wall, %U s user, %S s system' \
    java -XX:TieredStopAtLevel=1 -jar "$jar" scan "${dirs[@]}" --fail-on none --no-progress -o "$work/cli.sarif" 2>&1 | tail -1
fi
