#!/usr/bin/env bash
# Real-code benchmark of wsscan, run by hand (not in CI); see bench/realworld/README.md.
#   bench/realworld/run.sh scan [MIRRORS]   extract every project of projects.tsv and scan it
#   bench/realworld/run.sh compare          join the scan results with triage.tsv and print the numbers
#   bench/realworld/run.sh all [MIRRORS]    both
# MIRRORS (argument or env, default /work/.mirror) holds bare git mirrors as OWNER+NAME/repo.
# WORK (env, default /tmp/wsscan-realworld) receives src/NAME (extracted trees) and results/NAME.json.
# ONLY (env, names separated by spaces) limits the scan to those projects.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${WORK:-/tmp/wsscan-realworld}
mode=${1:-}
mirrors=${2:-${MIRRORS:-/work/.mirror}}

usage() { echo "usage: $0 scan|compare|all [MIRRORS]" >&2; exit 2; }

build() {
  local jar=$repo/scanner/target/wsscan.jar
  if [[ ! -f $jar ]] || [[ -n $(cd "$repo" && find scanner/src rulesets/src pom.xml scanner/pom.xml rulesets/pom.xml -newer "$jar" -print -quit) ]]; then
    echo "realworld: building the scanner (mvn -B -q -pl scanner -am package -DskipTests)" >&2
    (cd "$repo" && mvn -B -q -pl scanner -am package -DskipTests >&2)
  fi
}

scan() {
  build
  mkdir -p "$work/src" "$work/results"
  local lineno=0 name repository commit kind folders why
  while IFS=$'\t' read -r name repository commit kind folders why; do
    lineno=$((lineno + 1))
    [[ $lineno -eq 1 ]] && continue            # header
    [[ -z $name ]] && continue
    [[ -n ${ONLY:-} && " $ONLY " != *" $name "* ]] && continue   # ONLY="a b": just these projects
    if [[ ! $commit =~ ^[0-9a-f]{40}$ ]]; then
      echo "projects.tsv:$lineno: commit is not 40 hex digits: $commit" >&2; exit 2
    fi
    local gitdir=$mirrors/${repository/\//+}/repo
    if [[ ! -d $gitdir ]]; then
      echo "projects.tsv:$lineno: no mirror of $repository at $gitdir" >&2; exit 2
    fi
    local dest=$work/src/$name
    rm -rf "$dest"; mkdir -p "$dest"
    # Only the listed folders: some repositories hold large or missing (LFS-like) blobs elsewhere.
    local paths=()
    [[ $folders != all ]] && read -r -a paths <<<"$folders"
    if ! git --git-dir="$gitdir" archive "$commit" "${paths[@]}" | tar -x -C "$dest"; then
      echo "projects.tsv:$lineno: could not extract $repository@$commit ($folders) from $gitdir" >&2; exit 2
    fi
    echo "realworld: scanning $name ($repository@${commit:0:12}: $folders)" >&2
    java -Xmx2g -jar "$repo/scanner/target/wsscan.jar" scan "$dest" -f json \
      -o "$work/results/$name.json" --fail-on none --threads 2 -q
  done <"$here/projects.tsv"
}

case $mode in
  scan) scan ;;
  compare) exec python3 "$here/compare.py" --projects "$here/projects.tsv" --triage "$here/triage.tsv" --results "$work/results" ;;
  all) scan; exec python3 "$here/compare.py" --projects "$here/projects.tsv" --triage "$here/triage.tsv" --results "$work/results" ;;
  *) usage ;;
esac
