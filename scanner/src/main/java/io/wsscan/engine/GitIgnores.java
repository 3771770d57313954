package io.wsscan.engine;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.util.FS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What git would ignore under a work tree, read from the files alone (no git binary): the
 * {@code .gitignore} of every folder from {@code top} down and the repository's {@code info/exclude},
 * with git's precedence (the deepest {@code .gitignore} first, the last matching line of a file wins,
 * {@code info/exclude} last). Patterns are JGit's ({@link FastIgnoreRule}). As in git, a file git tracks
 * (it is in the index) is never ignored, and an ignored folder is only walked for the tracked files in it.
 * The user's global excludes file is not read: the result depends on the repository only.
 *
 * <p>Callers walk top-down and ask about each entry after its parent (a rule like {@code dist/} matches the
 * folder, not the files below it). Not thread-safe: one discovery uses one instance.
 */
final class GitIgnores {

    private static final String FILE = ".gitignore";

    private final Path top;
    private final List<FastIgnoreRule> infoExclude;
    /** The index of the repository at {@code top}, or null when there is none (or it cannot be read). */
    private final DirCache index;
    private final String indexProblem;
    private final Map<Path, List<FastIgnoreRule>> byFolder = new HashMap<>();
    /** Ignored folders walked for their tracked files: the untracked entries below them are ignored too. */
    private final Set<Path> ignoredFolders = new HashSet<>();
    private int files;
    private int folders;

    /** @param top the work tree's top (real path), or the scan root when there is no repository */
    GitIgnores(Path top) {
        this.top = top;
        Path gitDir = gitDir(top);
        List<FastIgnoreRule> exclude = List.of();
        DirCache dc = null;
        String problem = null;
        if (gitDir != null) {
            exclude = rules(commonDir(gitDir).resolve("info").resolve("exclude"));
            Path indexFile = gitDir.resolve("index");
            if (Files.isRegularFile(indexFile)) {
                try {
                    dc = DirCache.read(indexFile.toFile(), FS.DETECTED);
                } catch (IOException | RuntimeException e) {
                    problem = "cannot read the git index " + indexFile + " (" + Discovery.describe(e)
                            + "), so tracked files that .gitignore names are left out too";
                }
            }
        }
        this.infoExclude = exclude;
        this.index = dc;
        this.indexProblem = problem;
    }

    /** Why the index could not be read (then tracked files are not told apart), or null. */
    String indexProblem() {
        return indexProblem;
    }

    /** Files left out so far (only files an analyser would have read are counted). */
    int ignoredFiles() {
        return files;
    }

    /** Folders left out so far (nothing below them is walked). */
    int ignoredFolders() {
        return folders;
    }

    /** Counts a file {@link #ignored} left out that would have been analysed. */
    void countFile() {
        files++;
    }

    /**
     * True when git ignores the entry (a real path under {@code top}) and does not track it; a folder that
     * is ignored but holds tracked files is not ignored, and its untracked entries are.
     */
    boolean ignored(Path entry, boolean dir) {
        String rel = rel(entry);
        if (rel.isEmpty()) return false;
        boolean ignored = ignoredFolders.contains(entry.getParent()) || matches(entry, rel, dir);
        if (!ignored) return false;
        if (dir) {
            if (hasTracked(rel)) {
                ignoredFolders.add(entry);
                return false;
            }
            folders++;
            return true;
        }
        return !tracked(rel);
    }

    /**
     * True when {@code folder} or a folder between {@code top} and it is ignored: a folder the user named
     * although git ignores it (then nothing below it is left out by these rules).
     */
    boolean insideIgnored(Path folder) {
        if (!folder.startsWith(top) || folder.equals(top)) return false;
        Path rel = top.relativize(folder);
        Path p = top;
        for (Path name : rel) {
            p = p.resolve(name);
            if (matches(p, rel(p), true)) return true;
        }
        return false;
    }

    /** The rules alone, deepest .gitignore first, then info/exclude. */
    private boolean matches(Path entry, String rel, boolean dir) {
        for (Path folder = entry.getParent(); folder != null && folder.startsWith(top); folder = folder.getParent()) {
            List<FastIgnoreRule> rules = byFolder.computeIfAbsent(folder, f -> rules(f.resolve(FILE)));
            if (rules.isEmpty()) continue;
            Boolean r = decide(rules, folder.relativize(entry).toString().replace(java.io.File.separatorChar, '/'), dir);
            if (r != null) return r;
        }
        Boolean r = decide(infoExclude, rel, dir);
        return r != null && r;
    }

    /** The last matching rule's verdict (true: ignored; false: a '!' rule re-includes), or null. */
    private static Boolean decide(List<FastIgnoreRule> rules, String path, boolean dir) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            FastIgnoreRule r = rules.get(i);
            if (r.isMatch(path, dir, true)) return r.getResult();
        }
        return null;
    }

    private boolean tracked(String rel) {
        return index != null && index.findEntry(rel) >= 0;
    }

    /** True when the index holds a path below the folder {@code rel}. */
    private boolean hasTracked(String rel) {
        if (index == null) return false;
        String prefix = rel + "/";
        int i = index.findEntry(prefix);
        if (i < 0) i = -(i + 1);
        return i < index.getEntryCount() && index.getEntry(i).getPathString().startsWith(prefix);
    }

    private String rel(Path p) {
        return top.relativize(p).toString().replace(java.io.File.separatorChar, '/');
    }

    /**
     * The rules of one ignore file, or none when it does not exist. Lines that are not valid patterns are
     * skipped, as git skips them; the file is not trusted, so a folder or FIFO named {@code .gitignore} is
     * not read.
     */
    static List<FastIgnoreRule> rules(Path file) {
        if (!Files.isRegularFile(file)) return List.of();
        List<FastIgnoreRule> out = new ArrayList<>();
        try {
            for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r?\n")) {
                if (line.isEmpty() || line.startsWith("#") || line.equals("/")) continue; // as JGit's IgnoreNode reads them
                try {
                    FastIgnoreRule r = new FastIgnoreRule(line);
                    if (!r.isEmpty()) out.add(r);
                } catch (RuntimeException e) {
                    // an invalid pattern matches nothing (git ignores the line)
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    /** The git folder of a work tree's top: {@code .git} itself, or where a {@code .git} file points (worktrees). */
    static Path gitDir(Path top) {
        Path dotGit = top.resolve(".git");
        if (Files.isDirectory(dotGit)) return dotGit;
        if (!Files.isRegularFile(dotGit)) return null;
        try {
            String text = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
            if (!text.startsWith("gitdir:")) return null;
            Path dir = top.resolve(text.substring("gitdir:".length()).strip()).normalize();
            return Files.isDirectory(dir) ? dir : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A linked worktree's git folder names the repository's common folder (where info/exclude is) in {@code commondir}. */
    private static Path commonDir(Path gitDir) {
        Path f = gitDir.resolve("commondir");
        if (!Files.isRegularFile(f)) return gitDir;
        try {
            Path dir = gitDir.resolve(Files.readString(f, StandardCharsets.UTF_8).strip()).normalize();
            return Files.isDirectory(dir) ? dir : gitDir;
        } catch (IOException | RuntimeException e) {
            return gitDir;
        }
    }
}
