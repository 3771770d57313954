#!/usr/bin/env python3
"""Tests of compare.py: python3 -m unittest discover -s bench/cves -p 'test_*.py'"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
COMPARE = os.path.join(HERE, "compare.py")
sys.path.insert(0, HERE)
import compare  # noqa: E402

HEADER = "id\tpackage\tecosystem\tvulnerable\tfixed\tflaw_file\tflaw_function\trule\n"
RULE = "js/ws-server-origin-check"

SERVER = """\
'use strict';
const re = /[{]/g;                       // a regex holding a brace
function helper() { return "}"; }
Server.prototype.listen = function (port, cb = {}) {
  const t = `${port}}`;                  /* } in a comment */
  if (a / 2 > 1) { t.replace(re, ''); }
  this.sock.on('connection', (conn) => {
    conn.write('ok');
  });
};
module.exports = Server;
"""


def finding(rule, file, line, level="error", column=1, message="m", classification=None):
    f = {"ruleId": rule, "level": level, "file": file, "startLine": line, "startColumn": column,
         "message": message, "suppressed": False, "trace": []}
    if classification:
        f["classification"] = classification
    return f


class LocateTest(unittest.TestCase):
    def extent(self, text, spec):
        found = compare.locate(text, spec)
        self.assertIsNotNone(found, spec)
        return compare.position(text, found[0])[0], compare.position(text, found[1])[0]

    def test_prototype_method_with_regex_template_and_comment_braces(self):
        self.assertEqual(self.extent(SERVER, "listen"), (4, 10))

    def test_declaration_class_method_and_wrapped_function(self):
        text = ("var runServer = _.once(function() {\n  io();\n});\n"
                "class Router {\n  constructor(a) {\n    this.a = a;\n  }\n}\n"
                "var T = class {\n  send() {}\n};\n"
                "async function createWebSocketServer(server, config) {\n  if (x) {}\n}\n")
        self.assertEqual(self.extent(text, "runServer"), (1, 3))
        self.assertEqual(self.extent(text, "constructor"), (5, 7))
        self.assertEqual(self.extent(text, "Router"), (4, 8))
        self.assertEqual(self.extent(text, "T"), (9, 11))
        self.assertEqual(self.extent(text, "createWebSocketServer"), (12, 14))

    def test_anchor_takes_the_block_after_the_text(self):
        text = "app.ws(url + 'login.ashx', function (ws) {\n x();\n});\n" \
               "  obj.app.ws(url + 'control.ashx', function (ws, req) {\n  if (a) { b(); }\n  c();\n});\n"
        self.assertEqual(self.extent(text, "@'control.ashx'"), (4, 7))
        # the statement's start: a finding at obj.app.ws( is inside
        start, _ = compare.locate(text, "@'control.ashx'")
        self.assertEqual(compare.position(text, start), (4, 3))

    def test_minified_code_gives_columns_on_one_line(self):
        text = "x=1;" * 100 + 's.on("disconnect",function(){a()}),s.on("show-toast",function(e){if(e.x){b(e)}c()}),d()'
        start, end = compare.locate(text, '@"show-toast"')
        # from the anchor, not from the start of the long line
        self.assertEqual(text[start:end + 1], '"show-toast",function(e){if(e.x){b(e)}c()}')
        self.assertEqual(compare.position(text, start), (1, text.index('"show-toast"') + 1))

    def test_missing_function(self):
        self.assertIsNone(compare.locate(SERVER, "nowhere"))
        self.assertIsNone(compare.locate(SERVER, "-"))


class CompareTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.work = self.dir.name
        self.cases = os.path.join(self.work, "cases.tsv")

    def tearDown(self):
        self.dir.cleanup()

    def release(self, case, side, files, findings, seconds="3.5", servers=None, skipped=()):
        root = os.path.join(self.work, "src", case, side)
        for rel, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w") as f:
                f.write(text)
        base = os.path.join(self.work, "results", case, side)
        os.makedirs(os.path.dirname(base), exist_ok=True)
        with open(base + ".json", "w") as f:
            json.dump({"summary": {"analysed": len(files)}, "findings": findings,
                       "notAnalysed": [{"file": rel, "kind": kind} for rel, kind in skipped]}, f)
        with open(base + ".time", "w") as f:
            f.write(seconds + "\n")
        if servers is not None:
            with open(base + ".inventory.json", "w") as f:
                json.dump({"servers": servers, "clients": []}, f)

    def write_cases(self, rows):
        with open(self.cases, "w") as f:
            f.write(HEADER + "".join("\t".join(r) + "\n" for r in rows))

    def run_compare(self):
        return subprocess.run([sys.executable, COMPARE, "--cases", self.cases, "--work", self.work],
                              capture_output=True, text=True)

    def test_flagged_quiet_partial_no_and_summary(self):
        self.write_cases([
            ["A-1", "pkg-a", "npm", "1.0", "1.1", "lib/Server.js", "listen", RULE],
            ["B-2", "pkg-b", "npm", "2.0", "2.1", "dist/chunks/dep-*.js", "listen", RULE],
            ["C-3", "pkg-c", "npm", "3.0", "3.1", "lib/Server.js", "listen", RULE]])
        # A: the rule inside listen() when vulnerable; fixed: only another rule there, so quiet
        self.release("A-1", "vulnerable", {"lib/Server.js": SERVER},
                     [finding(RULE, "lib/Server.js", 7, column=3), finding("js/ws-cleartext", "client.js", 2, "warning")],
                     servers=[{"file": "lib/Server.js", "line": 7, "column": 3, "framework": "sockjs", "originPolicy": "missing"}])
        # B: the rule in the chunk but outside listen() -> partial; the fixed chunk still has it there
        self.release("B-2", "vulnerable", {"dist/chunks/dep-abc.js": SERVER, "dist/chunks/other.js": "x"},
                     [finding(RULE, "dist/chunks/dep-abc.js", 11)])
        self.release("B-2", "fixed", {"dist/chunks/dep-def.js": SERVER}, [finding(RULE, "dist/chunks/dep-def.js", 5)])
        # C: nothing in the flaw file
        self.release("C-3", "vulnerable", {"lib/Server.js": SERVER}, [finding(RULE, "lib/Other.js", 5)])
        self.release("C-3", "fixed", {"lib/Server.js": SERVER}, [],
                     skipped=[("lib/Server.js", "time-budget"), ("lib/big.js", "time-budget"), ("x.js", "too-large")])
        self.release("A-1", "fixed", {"lib/Server.js": SERVER}, [finding("js/ws-message-xss", "lib/Server.js", 8)],
                     skipped=[("lib/Server.js", "info")])  # read by the fallback parser: analysed
        out = self.run_compare()
        self.assertEqual(out.returncode, 0, out.stderr)
        text = out.stdout
        self.assertIn("vulnerable: flaw at lib/Server.js lines 4-10", text)
        self.assertIn("inventory servers at the flaw: 1\n      lib/Server.js:7 sockjs (origin policy missing)", text)
        self.assertIn("other findings: vulnerable js/ws-cleartext warning 1; fixed js/ws-message-xss error 1", text)
        self.assertIn("still: dist/chunks/dep-def.js:5:1 error " + RULE, text)
        self.assertIn("near: dist/chunks/dep-abc.js:11:1 error " + RULE, text)
        self.assertRegex(text, r"\nA-1 +pkg-a +yes +yes +1/1 +3.5/3.5\n")
        self.assertRegex(text, r"\nB-2 +pkg-b +partial +no +1/0 ")
        self.assertRegex(text, r"\nC-3 +pkg-c +no +skipped +1/0 ")
        self.assertIn("flagged 1/3 (partial 1); of the flagged, quiet when fixed 1/1", text)
        self.assertIn("not analysed: 3 (time-budget 2, too-large 1)\n      THE FLAW FILE lib/Server.js was not analysed (time-budget)", text)
        self.assertEqual(text, self.run_compare().stdout)  # deterministic

    def test_function_not_found_falls_back_to_the_file(self):
        self.write_cases([["D-4", "pkg-d", "npm", "1", "2", "app.min.js", "@'absent'", "js/ws-message-xss"]])
        self.release("D-4", "vulnerable", {"app.min.js": "a()"},
                     [finding("js/ws-message-xss", "app.min.js", 1, "note", 40, classification="vendored")])
        self.release("D-4", "fixed", {"app.min.js": "b()"}, [finding("js/ws-message-xss", "app.min.js", 1, "note")])
        text = self.run_compare().stdout
        self.assertIn("flaw at app.min.js (whole file)", text)
        self.assertIn("app.min.js:1:40 note [vendored] js/ws-message-xss", text)
        self.assertIn("inventory: not run", text)
        self.assertRegex(text, r"\nD-4 +pkg-d +yes +note ")

    def test_bad_cases_are_one_line_with_file_and_line(self):
        self.write_cases([["E-5", "p", "pypi", "1", "2", "a.js", "f", RULE]])
        out = self.run_compare()
        self.assertEqual(out.returncode, 2)
        self.assertEqual(out.stderr, f"{self.cases}:2: ecosystem must be one of npm, maven: 'pypi'\n")
        self.write_cases([["E-5", "p", "npm", "1", "2", "a.js", RULE]])
        out = self.run_compare()
        self.assertEqual(out.returncode, 2)
        self.assertEqual(out.stderr, f"{self.cases}:2: expected 8 tab-separated columns, found 7\n")

    def test_missing_scan_names_the_file(self):
        self.write_cases([["F-6", "p", "npm", "1", "2", "a.js", "f", RULE]])
        os.makedirs(os.path.join(self.work, "src", "F-6", "vulnerable"))
        out = self.run_compare()
        self.assertEqual(out.returncode, 2)
        self.assertEqual(out.stderr, os.path.join(self.work, "results", "F-6", "vulnerable.json")
                         + ": no scan result (run: run.sh scan)\n")


if __name__ == "__main__":
    unittest.main()
