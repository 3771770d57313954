#!/usr/bin/env bash
# CVE benchmark of wsscan, run by hand (not in CI: it downloads); see bench/cves/README.md.
#   bench/cves/run.sh scan      fetch the vulnerable and the fixed release of every case and scan both
#   bench/cves/run.sh compare   print per case: flagged at the flaw, quiet when fixed, other findings, time
#   bench/cves/run.sh all       both
# WORK (env, default /tmp/wsscan-cves) receives dl/ (release archives, kept between runs),
# src/ID/{vulnerable,fixed}/ (the unpacked releases) and results/ID/{vulnerable,fixed}.{json,inventory.json,time}.
# ONLY (env, case ids separated by spaces) limits the scan to those cases.
# INVENTORY=0 skips `wsscan inventory` (the compare then cannot say whether the server was recognised).
# TIME_BUDGET (env, default 120s) is the scan's --time-budget: the default 30 s of wall time drops large
# bundles (the flaw files of vite and node-red-dashboard) when the machine is busy.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${WORK:-/tmp/wsscan-cves}
mode=${1:-}
jar=$repo/scanner/target/wsscan.jar

usage() { echo "usage: $0 scan|compare|all" >&2; exit 2; }

build() {
  if [[ ! -f $jar ]] || [[ -n $(cd "$repo" && find scanner/src rulesets/src pom.xml scanner/pom.xml rulesets/pom.xml -newer "$jar" -print -quit) ]]; then
    echo "cves: building the scanner (mvn -B -q -pl scanner -am package -DskipTests)" >&2
    (cd "$repo" && mvn -B -q -pl scanner -am package -DskipTests >&2)
  fi
}

# fetch WHERE ECOSYSTEM PACKAGE VERSION DEST: the release's own files (no dependencies) unpacked into DEST.
fetch() {
  local where=$1 eco=$2 pkg=$3 ver=$4 dest=$5
  local archive=$work/dl/${pkg//\//+}@$ver
  case $eco in
    npm)
      archive+=.tgz
      if [[ ! -f $archive ]]; then
        local tmp; tmp=$(mktemp -d "$work/dl/pack.XXXXXX")
        # --ignore-scripts: a package's prepack scripts must not run here (never execute scanned code)
        if ! (cd "$tmp" && npm pack "$pkg@$ver" --ignore-scripts --silent >/dev/null); then
          rm -rf "$tmp"; echo "$where: npm pack $pkg@$ver failed" >&2; exit 2
        fi
        mv "$tmp"/*.tgz "$archive"; rmdir "$tmp"
      fi
      local tmp; tmp=$(mktemp -d "$work/src/unpack.XXXXXX")
      tar -xzf "$archive" -C "$tmp"
      # npm tarballs hold one top folder (usually package/); scan its contents so paths match cases.tsv
      local tops=("$tmp"/*)
      if [[ ${#tops[@]} -eq 1 && -d ${tops[0]} ]]; then mv "${tops[0]}" "$dest"; rm -rf "$tmp"; else mv "$tmp" "$dest"; fi
      ;;
    maven)
      archive+=-sources.jar
      if [[ ! -f $archive ]]; then
        local g a
        IFS=: read -r g a <<<"$pkg"
        if [[ -z $g || -z $a ]]; then echo "$where: a Maven package is groupId:artifactId, not $pkg" >&2; exit 2; fi
        if ! mvn -B -q dependency:get -Dartifact="$g:$a:$ver:jar:sources" -Dtransitive=false >&2; then
          echo "$where: mvn dependency:get $g:$a:$ver:jar:sources failed" >&2; exit 2
        fi
        local m2=${MAVEN_REPO:-$HOME/.m2/repository}
        cp "$m2/${g//.//}/$a/$ver/$a-$ver-sources.jar" "$archive"
      fi
      mkdir -p "$dest"; (cd "$dest" && unzip -q "$archive")
      ;;
    *) echo "$where: ecosystem must be npm or maven, not $eco" >&2; exit 2 ;;
  esac
}

scan() {
  build
  mkdir -p "$work/dl" "$work/src" "$work/results"
  # scan with a copy: a rebuild in the worktree during a long run must not swap the jar under the JVM
  cp "$jar" "$work/wsscan.jar"
  local lineno=0 id pkg eco vuln fixed file func rule
  while IFS=$'\t' read -r id pkg eco vuln fixed file func rule; do
    lineno=$((lineno + 1))
    [[ $lineno -eq 1 || -z $id ]] && continue   # header, blank lines
    [[ -n ${ONLY:-} && " $ONLY " != *" $id "* ]] && continue
    local side ver
    for side in vulnerable fixed; do
      [[ $side == vulnerable ]] && ver=$vuln || ver=$fixed
      local dest=$work/src/$id/$side out=$work/results/$id/$side
      rm -rf "$dest"; mkdir -p "$work/src/$id" "$work/results/$id"
      fetch "cases.tsv:$lineno" "$eco" "$pkg" "$ver" "$dest"
      echo "cves: scanning $id $side ($pkg@$ver)" >&2
      local start end
      start=$(date +%s.%N)
      java -Xmx2g -jar "$work/wsscan.jar" scan "$dest" -f json -o "$out.json" --fail-on none --threads 2 -q \
        --time-budget "${TIME_BUDGET:-120s}"
      end=$(date +%s.%N)
      echo "$start $end" | awk '{ printf "%.1f\n", $2 - $1 }' >"$out.time"
      if [[ ${INVENTORY:-1} != 0 ]]; then
        java -Xmx2g -jar "$work/wsscan.jar" inventory "$dest" -f json -o "$out.inventory.json" 2>"$out.inventory.log"
      else
        rm -f "$out.inventory.json"
      fi
    done
  done <"$here/cases.tsv"
}

compare() { exec python3 "$here/compare.py" --cases "$here/cases.tsv" --work "$work"; }

case $mode in
  scan) scan ;;
  compare) compare ;;
  all) scan; compare ;;
  *) usage ;;
esac
