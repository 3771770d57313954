#!/usr/bin/env python3
"""Reads the scans of the CVE benchmark (run.sh scan) and prints per advisory whether wsscan flags the flaw.

For each case of cases.tsv: flagged at the flaw in the vulnerable release (yes / partial / no), quiet at the
flaw in the fixed release, the other findings of each release (count by rule and level), whether the
inventory lists a server in the flaw file, and the scan time. Then one summary table. Output is sorted,
so two runs over the same inputs print the same text.
Exit 0 after printing; 2 on bad input (one line naming file and line).
"""
import argparse
import fnmatch
import json
import os
import re
import sys
from collections import Counter

COLUMNS = ["id", "package", "ecosystem", "vulnerable", "fixed", "flaw_file", "flaw_function", "rule"]
ECOSYSTEMS = ("npm", "maven")
SIDES = ("vulnerable", "fixed")
LEVELS = ("error", "warning", "note")


def fail(where, what):
    print(f"{where}: {what}", file=sys.stderr)
    sys.exit(2)


def read_cases(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            cols = line.split("\t")
            if n == 1:
                if cols != COLUMNS:
                    fail(f"{path}:1", "header must be: " + " ".join(COLUMNS))
                continue
            if len(cols) != len(COLUMNS):
                fail(f"{path}:{n}", f"expected {len(COLUMNS)} tab-separated columns, found {len(cols)}")
            case = dict(zip(COLUMNS, cols))
            for col in COLUMNS:
                if not case[col].strip():
                    fail(f"{path}:{n}", f"{col} is empty")
            if case["ecosystem"] not in ECOSYSTEMS:
                fail(f"{path}:{n}", f"ecosystem must be one of {', '.join(ECOSYSTEMS)}: {case['ecosystem']!r}")
            if any(c["id"] == case["id"] for c in cases):
                fail(f"{path}:{n}", f"case {case['id']!r} is listed twice")
            case["src"] = n
            cases.append(case)
    return cases


# --- Finding the flaw function's extent in the source, cheaply: a token skipper good enough for
# --- plain and minified JavaScript (strings, template literals, comments, regular expressions).

REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^")
REGEX_KEYWORDS = ("return", "typeof", "case", "do", "else", "in", "of", "void", "yield", "await", "delete", "throw")


def regex_allowed(text, i):
    """A '/' at i starts a regular expression when what precedes it cannot end an operand."""
    j = i - 1
    while j >= 0 and text[j] in " \t\r\n":
        j -= 1
    if j < 0 or text[j] in REGEX_BEFORE:
        return True
    m = re.search(r"([A-Za-z_$][\w$]*)$", text[max(0, j - 10):j + 1])
    return bool(m) and m.group(1) in REGEX_KEYWORDS


def skip_string(text, i):
    quote = text[i]
    i += 1
    while i < len(text) and text[i] != quote:
        if text[i] == "\\":
            i += 1
        elif text[i] == "\n":
            break  # unterminated: stop at the line end rather than swallow the file
        i += 1
    return i + 1


def skip_regex(text, i):
    i += 1
    in_class = False
    while i < len(text) and text[i] != "\n":
        c = text[i]
        if c == "\\":
            i += 1
        elif c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c == "/" and not in_class:
            break
        i += 1
    return i + 1


def tokens(text, i):
    """Yields (index, char) of the structural characters ( ) { } from i on, skipping strings, template
    text, comments and regular expressions. A template's ${ is yielded as '{' so braces stay balanced."""
    templates = []  # brace depth at which each open template's ${ ... } returns to the template text
    depth = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in "'\"":
            i = skip_string(text, i)
            continue
        if c == "`" or (c == "}" and templates and templates[-1] == depth):
            if c == "}":
                templates.pop()
                depth -= 1
                yield i, "}"
            i += 1
            while i < n and text[i] != "`":
                if text[i] == "\\":
                    i += 2
                    continue
                if text.startswith("${", i):
                    depth += 1
                    templates.append(depth)
                    yield i + 1, "{"
                    i += 2
                    break
                i += 1
            else:
                i += 1  # the closing backtick
            continue
        if c == "/" and text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "/" and text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        if c == "/" and regex_allowed(text, i):
            i = skip_regex(text, i)
            continue
        if c in "{}()":
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
            yield i, c
        i += 1


def body_extent(text, start, function):
    """(open, close) offsets of the first { ... } block from start, or None. For a function, the body's
    brace is the first one right after ')' or '=>' (not a default parameter's object, nor a wrapper's
    argument list: _.once(function () { ... }))."""
    opened = None
    depth = 0
    for i, c in tokens(text, start):
        if opened is None:
            if c == "{" and (not function or re.search(r"(\)|=>)\s*$", text[max(start, i - 200):i])):
                opened, depth = i, 1
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return opened, i
    return None


def definition_patterns(name):
    n = re.escape(name)
    free = r"(?<![\w$.])" + n
    return [
        re.compile(r"\bfunction\s*\*?\s*" + n + r"\s*(?=\()"),
        re.compile(r"\bclass\s+" + n + r"\b"),
        re.compile(free + r"\s*[:=]\s*(?:async\s+)?(?=function\b|class\b|\(|[A-Za-z_$][\w$]*\s*=>)"),
        re.compile(r"\." + n + r"\s*=(?![=>])\s*"),
        re.compile(r"^[ \t]*(?:static\s+)?(?:async\s+)?\*?" + n + r"\s*(?=\([^)]*\)\s*\{)", re.M),
        re.compile(free + r"\s*(?::|=(?![=>]))\s*"),  # any assignment: var f = once(function () {...})
    ]


def statement_start(text, at):
    """Where the statement holding offset at begins, for a finding reported at its start
    (obj.app.ws(url + 'x.ashx', ...) is reported at obj): the line's first non-blank character, unless
    the line is long before at (minified code), where that would take in unrelated code."""
    line = text.rfind("\n", 0, at) + 1
    if at - line > 200:
        return at
    while line < at and text[line] in " \t":
        line += 1
    return line


def locate(text, spec):
    """Extent (start, end offsets) of the flaw function in text: spec is a name (found by its definition)
    or @TEXT (the function that follows the first occurrence of TEXT). None when it is not there."""
    if spec == "-":
        return None
    if spec.startswith("@"):
        at = text.find(spec[1:])
        if at < 0:
            return None
        extent = body_extent(text, at + len(spec) - 1, True)
        return (statement_start(text, at), extent[1]) if extent else None
    for pattern in definition_patterns(spec):
        m = pattern.search(text)
        if m:
            is_class = m.group(0).lstrip().startswith("class") or text.startswith("class", m.end())
            extent = body_extent(text, m.end(), not is_class)
            if extent:
                return statement_start(text, m.start()), extent[1]
    return None


def position(text, offset):
    """1-based (line, column) of an offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# --- One release's results

def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except ValueError as e:
        fail(path, f"not JSON: {e}")


def flaw_places(root, case):
    """{file: (start, end) or None} of the files matching flaw_file (None: the whole file). When the
    function is found in some of them, only those."""
    pattern = case["flaw_file"]
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")
            if fnmatch.fnmatchcase(rel, pattern):
                files.append(rel)
    places = {}
    for rel in files:
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
            text = f.read()
        extent = locate(text, case["flaw_function"])
        if extent:
            places[rel] = (position(text, extent[0]), position(text, extent[1]))
    if places:
        return places, True
    return {rel: None for rel in files}, False


def at_place(item, places):
    """'range' when the finding (or inventory entry) lies in the flaw function, 'file' when elsewhere in
    the flaw file (or the function was not found), None otherwise."""
    if item["file"] not in places:
        return None
    extent = places[item["file"]]
    if extent is None:
        return "file"
    pos = (item["line"], item["column"])
    return "range" if extent[0] <= pos <= extent[1] else "file"


def side_result(work, case, side):
    root = os.path.join(work, "src", case["id"], side)
    base = os.path.join(work, "results", case["id"], side)
    if not os.path.isdir(root):
        fail(root, "no unpacked release (run: run.sh scan)")
    if not os.path.exists(base + ".json"):
        fail(base + ".json", "no scan result (run: run.sh scan)")
    report = load_json(base + ".json")
    findings = []
    for x in report.get("findings", []):
        if x.get("suppressed"):
            continue
        findings.append({"rule": x["ruleId"], "level": x["level"], "file": x["file"], "line": int(x["startLine"]),
                         "column": int(x.get("startColumn", 1)), "classification": x.get("classification", ""),
                         "message": " ".join(x["message"].split())})
    findings.sort(key=lambda f: (f["file"], f["line"], f["column"], f["rule"], f["message"]))
    places, found = flaw_places(root, case)
    servers = None
    if os.path.exists(base + ".inventory.json"):
        inventory = load_json(base + ".inventory.json")
        wanted = "range" if found else "file"
        servers = sorted({(s["file"], int(s["line"]), s.get("framework", "?"), s.get("originPolicy", "?"))
                          for s in inventory.get("servers", [])
                          if at_place({"file": s["file"], "line": int(s["line"]), "column": int(s.get("column", 1))},
                                      places) == wanted})
    seconds = None
    if os.path.exists(base + ".time"):
        with open(base + ".time", encoding="utf-8") as f:
            seconds = float(f.read().strip() or "nan")
    summary = report.get("summary", {})
    # kind 'info' is a note on a file that was analysed (read by the fallback parser)
    skipped = sorted((x.get("file", "?"), x.get("kind", "?")) for x in report.get("notAnalysed", [])
                     if x.get("kind") != "info")
    return {"findings": findings, "places": places, "function_found": found, "servers": servers,
            "seconds": seconds, "files": summary.get("analysed", 0), "skipped": skipped}


def verdicts(case, vuln, fixed):
    """flagged: yes (expected rule in the flaw function, or in the flaw file when the function cannot
    be located), partial (another rule there, or the expected rule elsewhere in the flaw file), no, or
    skipped (the flaw file was not analysed). quiet: the fixed release has no finding of the expected
    rule at the flaw (same extent); note when only notes remain there; skipped when its flaw file was
    not analysed."""
    rule = case["rule"]
    hits = [(f, at_place(f, vuln["places"])) for f in vuln["findings"]]
    hits = [(f, where) for f, where in hits if where]
    wanted_where = "range" if vuln["function_found"] else "file"
    at_flaw = [f for f, where in hits if f["rule"] == rule and where == wanted_where]
    if at_flaw:
        flagged = "yes"
    elif hits:
        flagged = "partial"
    else:
        flagged = "skipped" if unread(vuln) else "no"
    wanted_where = "range" if fixed["function_found"] else "file"
    still = [f for f in fixed["findings"] if f["rule"] == rule and at_place(f, fixed["places"]) == wanted_where]
    # a note (lowered: a token, test code) is not silence, but not a warning either
    quiet = ("note" if all(f["level"] == "note" for f in still) else "no") if still else "skipped" if unread(fixed) else "yes"
    return flagged, at_flaw, [f for f, _ in hits if f not in at_flaw], quiet, still


def unread(result):
    """The flaw file was not analysed (time budget, size): silence there says nothing."""
    skipped = {rel for rel, _ in result["skipped"]}
    return bool(result["places"]) and all(rel in skipped for rel in result["places"])


def counts(findings):
    c = Counter((f["rule"], f["level"]) for f in findings)
    return ", ".join(f"{rule} {level} {n}" for (rule, level), n in sorted(c.items())) or "none"


def describe(f):
    cls = f" [{f['classification']}]" if f["classification"] else ""
    return f"{f['file']}:{f['line']}:{f['column']} {f['level']}{cls} {f['rule']}: {f['message'][:110]}"


def show_side(label, result):
    where = []
    for rel, extent in sorted(result["places"].items()):
        where.append(f"{rel} lines {extent[0][0]}-{extent[1][0]}" if extent else f"{rel} (whole file)")
    print(f"  {label}: flaw at {'; '.join(where) or 'NO FILE MATCHES flaw_file'}")
    servers = result["servers"]
    if servers is None:
        print("    inventory: not run")
    else:
        print(f"    inventory servers at the flaw: {len(servers)}"
              + "".join(f"\n      {s[0]}:{s[1]} {s[2]} (origin policy {s[3]})" for s in servers))
    t = f"{result['seconds']:.1f} s" if result["seconds"] is not None else "?"
    print(f"    scan: {result['files']} files, {t}; all findings: {counts(result['findings'])}")
    skipped = result["skipped"]
    if skipped:
        kinds = Counter(kind for _, kind in skipped)
        print(f"    not analysed: {len(skipped)} (" + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")")
        for rel, kind in skipped:
            if rel in result["places"]:
                print(f"      THE FLAW FILE {rel} was not analysed ({kind})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()

    cases = read_cases(args.cases)
    rows = []
    for case in cases:
        vuln = side_result(args.work, case, "vulnerable")
        fixed = side_result(args.work, case, "fixed")
        flagged, at_flaw, near, quiet, still = verdicts(case, vuln, fixed)
        print(f"{case['id']}  {case['package']} {case['vulnerable']} -> {case['fixed']}  "
              f"expect {case['rule']} in {case['flaw_file']} {case['flaw_function']}")
        show_side("vulnerable", vuln)
        print(f"    flagged at the flaw: {flagged}")
        for f in at_flaw:
            print(f"      {describe(f)}")
        for f in near:
            print(f"      near: {describe(f)}")
        show_side("fixed", fixed)
        print(f"    quiet at the flaw: {quiet}")
        for f in still:
            print(f"      still: {describe(f)}")
        others_v = [f for f in vuln["findings"] if f not in at_flaw]
        others_f = [f for f in fixed["findings"] if f not in still]
        print(f"  other findings: vulnerable {counts(others_v)}; fixed {counts(others_f)}")
        print()
        rows.append((case["id"], case["package"], flagged, quiet, len(others_v), len(others_f),
                     vuln["seconds"], fixed["seconds"]))

    print(f"{'case':18} {'package':20} {'flagged':8} {'quiet':6} {'other v/f':>10} {'time v/f (s)':>14}")
    for cid, pkg, flagged, quiet, ov, of, tv, tf in rows:
        times = "/".join(f"{t:.1f}" if t is not None else "?" for t in (tv, tf))
        print(f"{cid:18} {pkg:20} {flagged:8} {quiet:6} {f'{ov}/{of}':>10} {times:>14}")
    yes = sum(r[2] == "yes" for r in rows)
    partial = sum(r[2] == "partial" for r in rows)
    quiet_flagged = sum(r[2] == "yes" and r[3] == "yes" for r in rows)
    print(f"flagged {yes}/{len(rows)} (partial {partial}); of the flagged, quiet when fixed {quiet_flagged}/{yes}")


if __name__ == "__main__":
    main()
