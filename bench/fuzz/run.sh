#!/usr/bin/env bash
# Full hostile-input run of wsscan, by hand (see bench/fuzz/README.md).
#   bench/fuzz/run.sh [--seed N] [--mutants N] [--depths 10000,100000] [--sizes 256k,2m,20m,60m]
#                     [--config-bytes 20m] [--max-rss-mb 1536] [--heap 512m] [--timeout-s 900] [--slice]
# Builds scanner/target/wsscan.jar and the harness when a source is newer, generates the corpus into a
# fresh folder (WORK, default a new folder under ${TMPDIR:-/tmp}), scans it in subprocesses and prints
# the summary table. Exit 0: no violation; 1: violations (listed); 2: bad arguments.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
jar=scanner/target/wsscan.jar
harness=scanner/target/test-classes/io/wsscan/fuzz/FuzzRun.class
if [[ ! -f $jar || ! -f $harness ]] || [[ -n $(find scanner/src rulesets/src pom.xml scanner/pom.xml rulesets/pom.xml -newer "$jar" -print -quit) ]]; then
  echo "fuzz: building the scanner and the harness (mvn -B -q -pl scanner -am package -DskipTests)" >&2
  mvn -B -q -pl scanner -am package -DskipTests >&2
fi
work=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/wsscan-fuzz.XXXXXX")}
echo "fuzz: work folder $work (corpus, reports, logs; delete it when done)" >&2
exec java -Xmx1g -cp "scanner/target/test-classes:$jar" io.wsscan.fuzz.FuzzRun \
  --corpus test-corpus --work "$work" --classpath "$jar" "$@"
