#!/usr/bin/env bash
# wsscan and ESLint (with eslint-plugin-security and eslint-plugin-no-unsanitized, pinned in
# eslint/package.json) side by side, in one run, on the same files: the .js/.mjs/.cjs files of the
# throughput benchmark's npm set (run throughput.sh once first to install it). Prints wall time, CPU
# seconds and the peak RSS of each, and the ratios. ESLint runs with --concurrency auto (its workers
# use both cores, as wsscan's threads do); its peak RSS is that of its largest process. Not a test: run
# it by hand on an otherwise idle machine.
#
#   scanner/bench/eslint-compare.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
set_dir=$root/scanner/target/bench/node_modules
[[ -d $set_dir ]] || { echo "run scanner/bench/throughput.sh first (it installs the npm set)" >&2; exit 2; }
work=$root/scanner/target/bench-eslint
mkdir -p "$work"
if [[ ! -d $work/node_modules ]] || ! cmp -s "$here/eslint/package.json" "$work/package.json"; then
  rm -rf "$work/node_modules"
  cp "$here/eslint/package.json" "$work/package.json"
  (cd "$work" && npm install --no-audit --no-fund --ignore-scripts --silent >/dev/null)
fi
cp "$here/eslint/eslint.config.mjs" "$work/eslint.config.mjs"
"$root/wsscan" --version >/dev/null   # builds the jar when needed, outside the timing
fmt='%e s wall, %U s user, %S s system, peak RSS %M KB'
jvm=(${WSSCAN_JAVA_OPTS:--XX:TieredStopAtLevel=1 -Xmx2g})
(cd "$set_dir" && /usr/bin/time -f "$fmt" -o "$work/wsscan.time" java "${jvm[@]}" -jar "$root/scanner/target/wsscan.jar" scan . \
  --include '**/*.js' --include '**/*.mjs' --include '**/*.cjs' -f json -o "$work/wsscan.json" --fail-on none --no-progress \
  >/dev/null 2>"$work/wsscan.err")
# ESLint exits 1 when it reports something
(cd "$set_dir" && /usr/bin/time -f "$fmt" -o "$work/eslint.time" "$work/node_modules/.bin/eslint" --config "$work/eslint.config.mjs" \
  --no-config-lookup --concurrency auto -f json -o "$work/eslint.json" . >/dev/null 2>&1) || true
python3 - "$work" <<'PY'
import json, re, sys
work = sys.argv[1]
def read(name):
    t = open(f"{work}/{name}.time").read()
    wall, user, sys_, rss = (float(x) for x in re.search(r"([\d.]+) s wall, ([\d.]+) s user, ([\d.]+) s system, peak RSS (\d+) KB", t).groups())
    return wall, user + sys_, rss / 1024
w = read("wsscan"); e = read("eslint")
ws = json.load(open(f"{work}/wsscan.json"))["summary"]
es = json.load(open(f"{work}/eslint.json"))
fatal = sum(1 for f in es if any(m.get("fatal") for m in f["messages"]))
print(f"files: wsscan {ws['analysed']} analysed ({ws['bytes'] / 1048576:.1f} MB); eslint {len(es)} linted, {fatal} with a parse error")
print(f"{'':8} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12}")
print(f"{'wsscan':8} {w[0]:8.1f} {w[1]:8.1f} {w[2]:12.0f}")
print(f"{'eslint':8} {e[0]:8.1f} {e[1]:8.1f} {e[2]:12.0f}")
print(f"eslint / wsscan: {e[0] / w[0]:.1f}x wall, {e[1] / w[1]:.1f}x CPU, {e[2] / w[2]:.1f}x peak RSS")
PY
