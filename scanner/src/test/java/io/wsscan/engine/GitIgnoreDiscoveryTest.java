package io.wsscan.engine;

import io.wsscan.findings.Notification;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** .gitignore rules in discovery: git's precedence, tracked files, folders the user names, the one summary note. */
class GitIgnoreDiscoveryTest {

    @TempDir
    Path repo;

    private Path write(String rel, String text) throws IOException {
        Path p = repo.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Discovery.Result discover(boolean gitignore, Path... paths) {
        ScanOptions o = ScanOptions.builder().paths(List.of(paths)).gitignore(gitignore).sourceRoot(repo).build();
        return new Discovery(List.of(DiscoveryTest.JS), o).discover(o.paths());
    }

    private static List<String> rels(Discovery.Result r) {
        return r.files().stream().map(Discovery.Candidate::relPath).toList();
    }

    private static Notification gitignoreNote(Discovery.Result r) {
        return r.notifications().stream().filter(n -> n.kind().equals(Discovery.GITIGNORE)).findFirst().orElse(null);
    }

    @Test
    void nestedRulesNegationAndInfoExcludeAsGitReadsThem() throws IOException {
        Files.createDirectories(repo.resolve(".git/info"));
        write(".git/info/exclude", "local-notes/\n");
        write(".gitignore", "# build output\ndist/\n*.min.js\n/coverage\n");
        write("web/.gitignore", "!keep.min.js\ngenerated-*.js\n");
        write("web/app.js", "x");
        write("web/lib.min.js", "x");
        write("web/keep.min.js", "x");           // re-included by the deeper .gitignore
        write("web/generated-api.js", "x");
        write("web/dist/bundle.js", "x");         // 'dist/' matches a folder at any depth
        write("web/coverage/report.js", "x");     // '/coverage' is anchored at the top: not this one
        write("coverage/lcov.js", "x");
        write("local-notes/try.js", "x");
        write("docs/readme.txt", "x");            // not a file an analyser reads: not counted

        Discovery.Result r = discover(true, repo);
        assertEquals(List.of("web/app.js", "web/coverage/report.js", "web/keep.min.js"), rels(r));
        Notification n = gitignoreNote(r);
        assertEquals("", n.file());
        assertEquals("2 files and 3 folders ignored by .gitignore, not scanned (--no-gitignore scans them)", n.message());
        assertFalse(n.fileSkipped(), "a count, not a skipped file");

        Discovery.Result all = discover(false, repo);
        assertEquals(8, all.files().size());
        assertNull(gitignoreNote(all));
    }

    @Test
    void rulesAboveAScannedSubfolderApplyAndANamedIgnoredFolderIsScannedWhole() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        write(".gitignore", "src/main/webapp/vendor/\nout/\n");
        write("src/main/webapp/app.js", "x");
        write("src/main/webapp/vendor/jquery.js", "x");
        write("out/site/page.js", "x");

        assertEquals(List.of("app.js"), rels(discover(true, repo.resolve("src/main/webapp"))));
        // the user names a folder git ignores: its files are what they asked for
        Discovery.Result named = discover(true, repo.resolve("out/site"));
        assertEquals(List.of("page.js"), rels(named));
        assertNull(gitignoreNote(named));
    }

    @Test
    void trackedFilesAreNeverIgnored() throws Exception {
        write("dist/shipped.js", "x");
        write("src/forced.js", "x");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern("dist/shipped.js").addFilepattern("src/forced.js").call();
        }
        write(".gitignore", "dist/\nforced.js\n");
        write("dist/local.js", "x");              // untracked inside an ignored folder that holds tracked files
        write("src/other.js", "x");

        Discovery.Result r = discover(true, repo);
        assertEquals(List.of("dist/shipped.js", "src/forced.js", "src/other.js"), rels(r));
        assertEquals("1 file ignored by .gitignore, not scanned (--no-gitignore scans them)", gitignoreNote(r).message());
    }

    @Test
    void aLinkedWorktreeReadsItsIndexAndTheCommonInfoExclude() throws Exception {
        Path main = repo.resolve("main");
        Files.createDirectories(main);
        Path tree = repo.resolve("tree");
        Files.createDirectories(tree.resolve("dist"));
        Files.writeString(tree.resolve("dist/tracked.js"), "x");
        Files.writeString(tree.resolve("scratch.js"), "x");
        Files.writeString(tree.resolve("app.js"), "x");
        Files.writeString(tree.resolve(".gitignore"), "dist/\n");
        try (Git git = Git.init().setDirectory(main.toFile()).call()) {
            // a worktree's git folder: its own index, the repository's info/exclude through 'commondir'
            Path wtGit = main.resolve(".git/worktrees/tree");
            Files.createDirectories(wtGit);
            Files.writeString(wtGit.resolve("commondir"), "../..\n");
            Files.createDirectories(main.resolve(".git/info"));
            Files.writeString(main.resolve(".git/info/exclude"), "scratch.js\n");
            try (Git wt = Git.init().setDirectory(repo.resolve("index-maker").toFile()).call()) {
                Files.createDirectories(repo.resolve("index-maker/dist"));
                Files.writeString(repo.resolve("index-maker/dist/tracked.js"), "x");
                wt.add().addFilepattern("dist/tracked.js").call();
            }
            Files.copy(repo.resolve("index-maker/.git/index"), wtGit.resolve("index"));
            Files.writeString(tree.resolve(".git"), "gitdir: " + wtGit + "\n");
        }
        ScanOptions o = ScanOptions.builder().path(tree).gitignore(true).sourceRoot(tree).build();
        Discovery.Result r = new Discovery(List.of(DiscoveryTest.JS), o).discover(o.paths());
        assertEquals(List.of("app.js", "dist/tracked.js"), rels(r));
        assertTrue(gitignoreNote(r).message().startsWith("1 file ignored"), gitignoreNote(r).message());
    }
}
