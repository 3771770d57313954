package io.wsscan.git;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files of a git commit's tree, written to a temporary folder so that they can be scanned like a
 * work tree: only the parts under the paths being scanned, regular files of at most the scan's file
 * size limit (larger ones would be skipped by the scan anyway), no symbolic links or submodules. Read
 * with JGit, so no {@code git} command is needed. {@link #close()} deletes the folder.
 *
 * <p>{@link #root()} and {@link #paths()} mirror the scan's root and paths: a file at
 * {@code root/a/b.js} of the work tree is at {@link #root()}{@code /a/b.js} here, so findings of both
 * scans have the same relative paths.
 */
public final class RefTree implements AutoCloseable {

    private final Path folder;
    private final Path root;
    private final List<Path> paths;
    private final String commit;
    private final int files;

    private RefTree(Path folder, Path root, List<Path> paths, String commit, int files) {
        this.folder = folder;
        this.root = root;
        this.paths = paths;
        this.commit = commit;
        this.files = files;
    }

    /**
     * Writes the tree of {@code ref} (any revision JGit resolves: a branch, {@code origin/main}, a tag,
     * {@code HEAD~1}, a commit id) for the given scan root and paths.
     *
     * @param root        the scan's root folder (symbolic links resolved)
     * @param paths       the scan's paths, each inside {@code root} (symbolic links resolved)
     * @param maxFileSize larger files are left out
     * @throws IllegalArgumentException (one line) when {@code root} is not inside a git work tree, the
     *                                  ref does not exist or the repository cannot be read
     */
    public static RefTree checkout(Path root, List<Path> paths, String ref, long maxFileSize) {
        try (Repository repo = open(root)) {
            Path top = repo.getWorkTree().toPath().toRealPath();
            ObjectId id = resolve(repo, ref, top);
            Set<String> wanted = new LinkedHashSet<>();
            for (Path p : paths) {
                if (!p.startsWith(top)) throw new IllegalArgumentException("--baseline-ref: " + p + " is outside the git work tree " + top);
                wanted.add(slashes(top.relativize(p)));
            }
            Path folder = Files.createTempDirectory("wsscan-ref-");
            try {
                int n = write(repo, id, wanted, folder, maxFileSize);
                Path refRoot = folder.resolve(top.relativize(root).toString());
                Files.createDirectories(refRoot);
                List<Path> refPaths = new ArrayList<>();
                for (String w : wanted) {
                    Path p = w.isEmpty() ? folder : folder.resolve(w);
                    if (Files.exists(p)) refPaths.add(p);
                }
                return new RefTree(folder, refRoot.toRealPath(), List.copyOf(refPaths), id.abbreviate(12).name(), n);
            } catch (IOException | RuntimeException e) {
                delete(folder);
                throw e;
            }
        } catch (MissingObjectException e) {
            throw new IllegalArgumentException("--baseline-ref: the repository lacks object " + e.getObjectId().name()
                    + " of '" + ref + "' (a shallow clone? fetch the full history, e.g. actions/checkout with fetch-depth: 0)");
        } catch (IOException e) {
            throw cannotRead(root, e);
        }
    }

    /**
     * Checks, without reading any tree, that {@code root} is in a git work tree that has {@code ref};
     * returns the commit's abbreviated id.
     *
     * @throws IllegalArgumentException (one line) as {@link #checkout} does
     */
    public static String verify(Path root, String ref) {
        try (Repository repo = open(root)) {
            return resolve(repo, ref, repo.getWorkTree().toPath().toRealPath()).abbreviate(12).name();
        } catch (IOException e) {
            throw cannotRead(root, e);
        }
    }

    private static Repository open(Path root) throws IOException {
        FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(root.toFile());
        if (b.getGitDir() == null) {
            throw new IllegalArgumentException("--baseline-ref: " + root + " is not inside a git work tree");
        }
        Repository repo = b.setMustExist(true).build();
        if (repo.isBare()) {
            repo.close();
            throw new IllegalArgumentException("--baseline-ref: " + root + " is not inside a git work tree");
        }
        return repo;
    }

    private static IllegalArgumentException cannotRead(Path root, IOException e) {
        return new IllegalArgumentException("--baseline-ref: cannot read the git repository of " + root + ": "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }

    private static ObjectId resolve(Repository repo, String ref, Path top) throws IOException {
        ObjectId id;
        try {
            id = repo.resolve(ref + "^{commit}");
        } catch (RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException
                 | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            id = null;
        }
        if (id == null) {
            throw new IllegalArgumentException("--baseline-ref: no such ref '" + ref + "' in " + top
                    + (ref.startsWith("origin/") ? " (fetch it first, e.g. actions/checkout with fetch-depth: 0)" : ""));
        }
        return id;
    }

    /** Writes the wanted parts of the commit's tree under {@code folder}; returns how many files were written. */
    private static int write(Repository repo, ObjectId commitId, Set<String> wanted, Path folder, long maxFileSize)
            throws IOException {
        int n = 0;
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            RevCommit commit = rw.parseCommit(commitId);
            tw.addTree(commit.getTree());
            tw.setRecursive(true);
            if (!wanted.contains("")) tw.setFilter(PathFilterGroup.createFromStrings(wanted));
            Path base = folder.toRealPath();
            while (tw.next()) {
                FileMode mode = tw.getFileMode(0);
                // symbolic links and submodules are not followed by a scan of a work tree either
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) continue;
                ObjectId blob = tw.getObjectId(0);
                if (reader.getObjectSize(blob, Constants.OBJ_BLOB) > maxFileSize) continue;
                Path target;
                try {
                    target = base.resolve(tw.getPathString()).normalize();
                } catch (java.nio.file.InvalidPathException e) {
                    continue; // a name this file system cannot hold: the work tree cannot have it either
                }
                if (!target.startsWith(base) || target.equals(base)) continue; // a crafted tree entry such as ".."
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    reader.open(blob, Constants.OBJ_BLOB).copyTo(out);
                }
                n++;
            }
        }
        return n;
    }

    private static String slashes(Path rel) {
        return rel.toString().replace(java.io.File.separatorChar, '/');
    }

    /** The folder standing for the scan root. */
    public Path root() {
        return root;
    }

    /** The scan's paths that exist in the commit, in the given order (none when the commit has none of them). */
    public List<Path> paths() {
        return paths;
    }

    /** The commit's abbreviated id. */
    public String commit() {
        return commit;
    }

    /** How many files were written. */
    public int files() {
        return files;
    }

    @Override
    public void close() {
        delete(folder);
    }

    private static void delete(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the scan for
        }
    }
}
