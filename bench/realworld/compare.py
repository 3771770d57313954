#!/usr/bin/env python3
"""Joins the findings of a real-code scan (results/NAME.json) with the hand triage (triage.tsv).

Prints per level the TP / FP / debatable / untriaged counts, the same per rule, the precision at
error+warning, the triaged findings that are no longer reported and the reported ones nobody triaged
(as TSV rows ready to fill in). Output is sorted, so two runs over the same inputs print the same text.
Exit 0 after printing; 2 on bad input (one line naming file and line).
"""
import argparse
import json
import os
import sys
from collections import Counter, defaultdict

VERDICTS = ("TP", "FP", "debatable")
LEVELS = ("error", "warning", "note")
TRIAGE_COLUMNS = ["project", "rule", "file", "line", "level", "verdict", "message", "reason"]
# The message column keeps this many leading characters of the scanner's message: enough to tell two
# findings of one rule in one file apart, short enough to survive wording tweaks at the end.
MESSAGE_PREFIX = 60


def fail(where, what):
    print(f"{where}: {what}", file=sys.stderr)
    sys.exit(2)


def read_projects(path):
    names = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if n == 1 or not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) != 6:
                fail(f"{path}:{n}", f"expected 6 tab-separated columns, found {len(cols)}")
            names.append(cols[0])
    if len(set(names)) != len(names):
        fail(path, "a project name is listed twice")
    return names


def read_triage(path, projects):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            cols = line.split("\t")
            if n == 1:
                if cols != TRIAGE_COLUMNS:
                    fail(f"{path}:1", "header must be: " + " ".join(TRIAGE_COLUMNS))
                continue
            if len(cols) != len(TRIAGE_COLUMNS):
                fail(f"{path}:{n}", f"expected {len(TRIAGE_COLUMNS)} tab-separated columns, found {len(cols)}")
            row = dict(zip(TRIAGE_COLUMNS, cols))
            if row["project"] not in projects:
                fail(f"{path}:{n}", f"project {row['project']!r} is not in projects.tsv")
            if not row["line"].isdigit():
                fail(f"{path}:{n}", f"line is not a number: {row['line']!r}")
            if row["level"] not in LEVELS:
                fail(f"{path}:{n}", f"level must be one of {', '.join(LEVELS)}: {row['level']!r}")
            if row["verdict"] not in VERDICTS:
                fail(f"{path}:{n}", f"verdict must be one of {', '.join(VERDICTS)}: {row['verdict']!r}")
            if not row["reason"].strip():
                fail(f"{path}:{n}", "reason is empty")
            row["line"] = int(row["line"])
            row["src"] = n
            rows.append(row)
    return rows


def read_findings(results, projects):
    findings = []
    for name in projects:
        path = os.path.join(results, name + ".json")
        if not os.path.exists(path):
            fail(path, "no scan result (run: run.sh scan)")
        try:
            with open(path, encoding="utf-8") as f:
                report = json.load(f)
        except ValueError as e:
            fail(path, f"not JSON: {e}")
        for x in report.get("findings", []):
            if x.get("suppressed"):
                continue
            findings.append({
                "project": name, "rule": x["ruleId"], "file": x["file"], "line": int(x["startLine"]),
                "column": int(x.get("startColumn", 0)), "level": x["level"],
                "message": " ".join(x["message"].split()),
            })
    findings.sort(key=lambda f: (f["project"], f["file"], f["line"], f["column"], f["rule"], f["message"]))
    return findings


def clean(text):
    # The TSV cannot hold tabs or newlines.
    return " ".join(text.split())


def join(findings, triage):
    """Pairs each finding with at most one triage row: exact (project, rule, file, line) first, then a
    row of the same project, rule and file whose message prefix the finding's message starts with
    (the code moved), nearest line first."""
    by_key = defaultdict(list)
    for row in triage:
        by_key[(row["project"], row["rule"], row["file"], row["line"])].append(row)
    used = set()
    matched = {}
    for i, f in enumerate(findings):
        for row in by_key.get((f["project"], f["rule"], f["file"], f["line"]), []):
            if row["src"] not in used:
                used.add(row["src"])
                matched[i] = (row, False)
                break
    for i, f in enumerate(findings):
        if i in matched:
            continue
        candidates = [r for r in triage
                      if r["src"] not in used and (r["project"], r["rule"], r["file"]) == (f["project"], f["rule"], f["file"])
                      and r["message"] and f["message"].startswith(r["message"])]
        if candidates:
            row = min(candidates, key=lambda r: (abs(r["line"] - f["line"]), r["line"], r["src"]))
            used.add(row["src"])
            matched[i] = (row, True)
    removed = [r for r in triage if r["src"] not in used]
    return matched, removed


def pct(num, den):
    return f"{100.0 * num / den:5.1f}%" if den else "    -"


def table(title, counts, keys):
    print(title)
    print(f"  {'':44} {'TP':>4} {'FP':>4} {'deb':>4} {'untr':>4} {'all':>4}")
    for k in keys:
        c = counts[k]
        total = sum(c.values())
        print(f"  {k:44} {c['TP']:4} {c['FP']:4} {c['debatable']:4} {c['untriaged']:4} {total:4}")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--projects", required=True)
    ap.add_argument("--triage", required=True)
    ap.add_argument("--results", required=True)
    args = ap.parse_args()

    projects = read_projects(args.projects)
    triage = read_triage(args.triage, set(projects))
    findings = read_findings(args.results, projects)
    matched, removed = join(findings, triage)

    by_level = defaultdict(Counter)
    by_rule = defaultdict(Counter)
    by_project = defaultdict(Counter)
    for i, f in enumerate(findings):
        verdict = matched[i][0]["verdict"] if i in matched else "untriaged"
        by_level[f["level"]][verdict] += 1
        by_rule[f"{f['rule']} ({f['level']})"][verdict] += 1
        by_project[f["project"]][verdict] += 1

    print(f"findings: {len(findings)} in {len(projects)} projects; triage rows: {len(triage)}")
    print()
    table("per level", by_level, [lv for lv in LEVELS])
    table("per rule", by_rule, sorted(by_rule))
    table("per project", by_project, projects)

    ew = by_level["error"] + by_level["warning"]
    judged = ew["TP"] + ew["FP"] + ew["debatable"]
    print("precision at error+warning (triaged findings only):")
    print(f"  strict  TP / (TP+FP+debatable)  = {ew['TP']}/{judged} = {pct(ew['TP'], judged).strip()}")
    print(f"  lenient (TP+debatable) / all    = {ew['TP'] + ew['debatable']}/{judged} = "
          f"{pct(ew['TP'] + ew['debatable'], judged).strip()}")
    print()

    moved = [(findings[i], row) for i, (row, shifted) in sorted(matched.items()) if shifted]
    print(f"matched after a line shift: {len(moved)}")
    for f, row in moved:
        print(f"  {f['project']} {f['rule']} {f['file']}: triaged at line {row['line']}, now {f['line']}")
    print()

    print(f"removed (triaged, no longer reported): {len(removed)}")
    for r in sorted(removed, key=lambda r: (r["project"], r["file"], r["line"], r["rule"])):
        print(f"  {r['verdict']:9} {r['project']} {r['rule']} {r['file']}:{r['line']} ({r['reason']})")
    print()

    new = [f for i, f in enumerate(findings) if i not in matched]
    print(f"new untriaged: {len(new)}" + (" (TSV rows for triage.tsv; fill in verdict and reason)" if new else ""))
    for f in new:
        print("\t".join([f["project"], f["rule"], f["file"], str(f["line"]), f["level"], "?",
                         clean(f["message"][:MESSAGE_PREFIX]), "?"]))


if __name__ == "__main__":
    main()
