/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsscan.fuzz.FuzzManifest.Entry;
import io.wsscan.fuzz.FuzzManifest.Expect;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker's verdicts on hand-written reports, without running the scanner. */
class FuzzCheckTest {

    private static final FuzzManifest MANIFEST = new FuzzManifest(1, "root", List.of(
            new Entry("deep/a.js", "deep", Expect.REPORT_OR_LISTED, "js/ws-message-xss", 3, "deep"),
            new Entry("deep/b.js", "deep", Expect.REPORT_OR_LISTED, "js/ws-message-xss", 3, "deep"),
            new Entry("deep/c.js", "deep", Expect.REPORT_OR_LISTED, "js/ws-message-xss", 3, "deep"),
            new Entry("links/dir", "links", Expect.ACCOUNTED, null, 0, "folder link"),
            new Entry("fifo/p.js", "fifo", Expect.ACCOUNTED, null, 0, "fifo")), List.of());

    private static List<FuzzCheck.Violation> check(String json) throws IOException {
        JsonNode report = new ObjectMapper().readTree(json.replace('\'', '"'));
        List<FuzzCheck.Violation> out = new ArrayList<>();
        FuzzCheck.accounting(MANIFEST, report, "test", out);
        return out;
    }

    private static List<String> keys(List<FuzzCheck.Violation> vs) {
        return vs.stream().map(v -> v.key() + " " + v.path()).sorted().toList();
    }

    @Test
    void reportedListedAndAnalysedPathsAreAccountedFor() throws IOException {
        List<FuzzCheck.Violation> vs = check("""
                {'findings': [{'ruleId': 'js/ws-message-xss', 'file': 'deep/a.js', 'startLine': 3, 'suppressed': false}],
                 'notAnalysed': [{'file': 'deep/b.js', 'kind': 'too-deep', 'message': 'm'},
                                 {'file': 'fifo/p.js', 'kind': 'read-error', 'message': 'not a regular file'}],
                 'analysedFiles': ['deep/a.js', 'deep/c.js', 'links/dir/x.js']}""");
        // c.js was analysed but its seed is missing: an evasion, not an unaccounted file
        assertEquals(List.of("deep/evasion deep/c.js"), keys(vs));
    }

    @Test
    void silentLossesAreNamed() throws IOException {
        List<FuzzCheck.Violation> vs = check("""
                {'findings': [{'ruleId': 'js/ws-message-xss', 'file': 'deep/a.js', 'startLine': 4, 'suppressed': false},
                              {'ruleId': 'js/ws-message-xss', 'file': 'deep/b.js', 'startLine': 3, 'suppressed': true}],
                 'notAnalysed': [{'file': 'deep/c.js', 'kind': 'info', 'message': 'part skipped'},
                                 {'file': 'other/x.js', 'kind': 'internal-error', 'message': 'boom'}],
                 'analysedFiles': ['deep/a.js', 'deep/b.js']}""");
        assertEquals(List.of(
                "*/internal-error other/x.js",
                "*/unexpected-path other/x.js",
                "deep/evasion deep/a.js",          // wrong line
                "deep/evasion deep/b.js",          // suppressed does not count
                "deep/evasion deep/c.js",          // an info note is not "listed"
                "deep/unaccounted deep/c.js",
                "fifo/unaccounted fifo/p.js",
                "links/unaccounted links/dir"), keys(vs));
    }

    @Test
    void withoutThePerFileListOnlyTheCountIsChecked() throws IOException {
        String seeds = "'findings': [" + String.join(",",
                List.of("a", "b", "c").stream().map(f -> "{'ruleId': 'js/ws-message-xss', 'file': 'deep/" + f + ".js', 'startLine': 3}").toList()) + "]";
        List<FuzzCheck.Violation> ok = check("{" + seeds + ", 'notAnalysed': [{'file': 'fifo/p.js', 'kind': 'read-error'}],"
                + " 'summary': {'analysed': 4}}");
        assertTrue(ok.isEmpty(), ok::toString);
        List<FuzzCheck.Violation> lost = check("{" + seeds + ", 'notAnalysed': [], 'summary': {'analysed': 3}}");
        assertEquals(List.of("*/unaccounted "), keys(lost));
        assertTrue(lost.get(0).detail().contains("5 generated paths are not listed, but summary.analysed is 3"), lost.get(0).detail());
        assertFalse(keys(lost).contains("fifo/unaccounted fifo/p.js"), "no per-file verdict without the list");
    }
}
