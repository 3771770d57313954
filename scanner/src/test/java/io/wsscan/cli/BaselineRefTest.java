package io.wsscan.cli;

import io.wsscan.git.RefTree;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.wsscan.cli.BaselineWorkflowTest.APP;
import static io.wsscan.cli.BaselineWorkflowTest.lines;
import static io.wsscan.cli.MainTest.assertUsageError;
import static io.wsscan.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code scan --baseline-ref REF} in a git repository made with JGit: only what REF does not have is reported. */
class BaselineRefTest {

    @TempDir
    Path dir;
    Path repo;
    String head;

    /** A repository whose one commit has web/app.js (two findings) and README.md. */
    @BeforeEach
    void repository() throws IOException, GitAPIException {
        repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("web"));
        Files.writeString(repo.resolve("web/app.js"), APP);
        Files.writeString(repo.resolve("README.md"), "# demo\n");
        head = commit("first");
    }

    private String commit(String message) throws GitAPIException {
        PersonIdent who = new PersonIdent("Test", "test@example.org", Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().getId().abbreviate(12).name();
        }
    }

    @Test
    void onlyTheNewFileIsReported() throws IOException {
        Files.writeString(repo.resolve("web/new.js"), APP); // a copy: new, although the code is known
        MainTest.Run r = run("scan", "--no-progress", "--baseline-ref", "HEAD", repo.toString());
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("web/new.js:3:24 warning js/ws-cleartext", "web/new.js:4:31 error js/ws-message-xss"), lines(r));
        assertTrue(r.err().contains("\nwsscan: 2 findings (1 error, 1 warning), 2 already in HEAD (" + head + ", dropped)\n"), r.err());
    }

    @Test
    void movedAndUnchangedFindingsAreNotNewEditedOnesAre() throws IOException {
        Files.writeString(repo.resolve("web/app.js"), "'use strict';\n\n" + APP);
        MainTest.Run moved = run("scan", "--no-progress", "--baseline-ref", "main", repo.toString());
        assertEquals(0, moved.code(), moved::toString);
        assertTrue(moved.err().contains("\nwsscan: 0 findings, 2 already in main (" + head + ", dropped)\n"), moved.err());

        Files.writeString(repo.resolve("web/app.js"), APP.replace("document.body.innerHTML", "document.body.outerHTML"));
        MainTest.Run edited = run("scan", "--no-progress", "--baseline-ref", "main", repo.toString());
        assertEquals(List.of("web/app.js:4:31 error js/ws-message-xss"), lines(edited));
    }

    /** A scan of a sub-folder compares with the same sub-folder of the revision (paths relative to the scan root). */
    @Test
    void subFolderScanUsesTheSameSubFolderOfTheRevision() throws IOException {
        Files.writeString(repo.resolve("web/new.js"), APP);
        MainTest.Run r = run("scan", "--no-progress", "--baseline-ref", "HEAD", repo.resolve("web").toString());
        assertEquals(List.of("new.js:3:24 warning js/ws-cleartext", "new.js:4:31 error js/ws-message-xss"), lines(r));

        // a folder the revision does not have: everything in it is new
        Files.createDirectories(repo.resolve("admin"));
        Files.writeString(repo.resolve("admin/panel.js"), APP);
        MainTest.Run fresh = run("scan", "--no-progress", "--baseline-ref", "HEAD", repo.resolve("admin").toString());
        assertEquals(2, lines(fresh).size(), fresh::toString);
        assertTrue(fresh.err().contains(", 0 already in HEAD (" + head + ", dropped)\n"), fresh.err());
    }

    /** With --baseline too, a result in either is dropped. */
    @Test
    void baselineAndBaselineRefTogether() throws IOException {
        Files.writeString(repo.resolve("web/new.js"), APP);
        Path sarif = dir.resolve("accepted.sarif");
        assertEquals(0, run("scan", "-q", "-f", "sarif", "-o", sarif.toString(), "--rules", "js/ws-cleartext", repo.toString()).code());
        MainTest.Run r = run("scan", "--no-progress", "--baseline", sarif.toString(), "--baseline-ref", "HEAD", repo.toString());
        assertEquals(List.of("web/new.js:4:31 error js/ws-message-xss"), lines(r));
        assertTrue(r.err().contains(", 2 in the baseline (dropped), 1 already in HEAD (" + head + ", dropped)\n"), r.err());
    }

    /**
     * Identical findings are numbered over the whole scan, not over what --baseline left: the first is in
     * both baselines, the second in neither, so it is reported.
     */
    @Test
    void identicalFindingsAreNumberedBeforeEitherBaselineDrops() throws IOException, GitAPIException {
        String line = "new WebSocket('ws://feed.acme-trading.net/live');\n";
        Files.writeString(repo.resolve("web/app.js"), line);
        String second = commit("one socket");
        Path sarif = dir.resolve("accepted.sarif");
        assertEquals(0, run("scan", "-q", "-f", "sarif", "-o", sarif.toString(), repo.toString()).code());
        Files.writeString(repo.resolve("web/app.js"), line + line);
        MainTest.Run r = run("scan", "--no-progress", "--baseline", sarif.toString(), "--baseline-ref", "HEAD", repo.toString());
        assertEquals(List.of("web/app.js:2:15 warning js/ws-cleartext"), lines(r));
        assertTrue(r.err().contains(", 1 in the baseline (dropped), 0 already in HEAD (" + second + ", dropped)\n"), r.err());
    }

    @Test
    void missingRefOrRepositoryIsAUsageError() throws IOException {
        assertUsageError(run("scan", "--baseline-ref", "nope", repo.toString()),
                "--baseline-ref: no such ref 'nope' in " + repo.toRealPath());
        assertUsageError(run("scan", "--baseline-ref", "origin/main", repo.toString()), "fetch-depth: 0");
        assertUsageError(run("scan", "--baseline-ref", "", repo.toString()), "--baseline-ref needs a git revision");
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(plain.resolve("a.js"), APP);
        assertUsageError(run("scan", "--baseline-ref", "HEAD", plain.toString()), "is not inside a git work tree");
    }

    /** The tree is written to a temporary folder that is gone afterwards; files over the size limit are left out. */
    @Test
    void treeIsWrittenWithinLimitsAndDeleted() throws IOException {
        Path root;
        try (RefTree t = RefTree.checkout(repo.toRealPath(), List.of(repo.toRealPath()), "HEAD", 1L << 20)) {
            root = t.root();
            assertEquals(2, t.files());
            assertEquals(APP, Files.readString(root.resolve("web/app.js")));
            assertEquals(head, t.commit());
        }
        assertFalse(Files.exists(root));
        try (RefTree t = RefTree.checkout(repo.toRealPath(), List.of(repo.toRealPath()), "HEAD", 10)) {
            assertEquals(1, t.files()); // README.md (7 bytes) only
            assertFalse(Files.exists(t.root().resolve("web/app.js")));
        }
    }
}
