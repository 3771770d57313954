#!/usr/bin/env python3
"""Tests of compare.py: python3 -m unittest discover -s bench/realworld -p 'test_*.py'"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
COMPARE = os.path.join(HERE, "compare.py")
HEADER = "project\trule\tfile\tline\tlevel\tverdict\tmessage\treason\n"


def finding(rule, file, line, level, message, column=1):
    return {"ruleId": rule, "level": level, "file": file, "startLine": line, "startColumn": column,
            "message": message, "suppressed": False, "trace": []}


class CompareTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        d = self.dir.name
        self.projects = os.path.join(d, "projects.tsv")
        self.triage = os.path.join(d, "triage.tsv")
        self.results = os.path.join(d, "results")
        os.mkdir(self.results)
        with open(self.projects, "w") as f:
            f.write("name\trepository\tcommit\tkind\tfolders\twhy\n")
            f.write("p\to/p\t" + "a" * 40 + "\tk\tall\tw\n")

    def tearDown(self):
        self.dir.cleanup()

    def write(self, findings, rows):
        with open(os.path.join(self.results, "p.json"), "w") as f:
            json.dump({"findings": findings}, f)
        with open(self.triage, "w") as f:
            f.write(HEADER + "".join("\t".join(r) + "\n" for r in rows))

    def run_compare(self):
        return subprocess.run([sys.executable, COMPARE, "--projects", self.projects, "--triage", self.triage,
                               "--results", self.results], capture_output=True, text=True)

    def test_counts_precision_shift_removed_and_new(self):
        self.write(
            [finding("js/ws-cleartext", "a.js", 10, "warning", "The WebSocket connection to ws://x is not encrypted"),
             finding("js/ws-message-xss", "b.js", 25, "error", "Data from a WebSocket message reaches innerHTML"),
             finding("js/ws-message-xss", "c.js", 3, "error", "Data from a WebSocket message reaches outerHTML")],
            [["p", "js/ws-cleartext", "a.js", "10", "warning", "TP", "The WebSocket connection", "real"],
             # moved from line 20 to 25: followed by the message prefix
             ["p", "js/ws-message-xss", "b.js", "20", "error", "FP", "Data from a WebSocket message", "lookup"],
             ["p", "js/ws-url-injection", "d.js", "7", "error", "debatable", "The address", "gone"]])
        out = self.run_compare()
        self.assertEqual(out.returncode, 0, out.stderr)
        text = out.stdout
        self.assertIn("findings: 3 in 1 projects; triage rows: 3", text)
        self.assertRegex(text, r"\n  error +0 +1 +0 +1 +2\n")
        self.assertRegex(text, r"\n  warning +1 +0 +0 +0 +1\n")
        self.assertIn("strict  TP / (TP+FP+debatable)  = 1/2 = 50.0%", text)
        self.assertIn("b.js: triaged at line 20, now 25", text)
        self.assertIn("removed (triaged, no longer reported): 1", text)
        self.assertIn("debatable p js/ws-url-injection d.js:7 (gone)", text)
        self.assertIn("new untriaged: 1", text)
        self.assertIn("p\tjs/ws-message-xss\tc.js\t3\terror\t?\t", text)
        self.assertEqual(text, self.run_compare().stdout)  # deterministic

    def test_two_findings_on_one_line_use_two_rows(self):
        self.write(
            [finding("r", "a.js", 5, "warning", "m one", column=1), finding("r", "a.js", 5, "warning", "m two", column=9)],
            [["p", "r", "a.js", "5", "warning", "FP", "m", "x"]])
        text = self.run_compare().stdout
        self.assertIn("new untriaged: 1", text)
        self.assertIn("removed (triaged, no longer reported): 0", text)

    def test_bad_verdict_is_one_line_with_file_and_line(self):
        self.write([], [["p", "r", "a.js", "5", "warning", "maybe", "m", "x"]])
        out = self.run_compare()
        self.assertEqual(out.returncode, 2)
        self.assertEqual(out.stderr, f"{self.triage}:2: verdict must be one of TP, FP, debatable: 'maybe'\n")

    def test_missing_result_file(self):
        with open(self.triage, "w") as f:
            f.write(HEADER)
        out = self.run_compare()
        self.assertEqual(out.returncode, 2)
        self.assertIn("p.json: no scan result", out.stderr)


if __name__ == "__main__":
    unittest.main()
