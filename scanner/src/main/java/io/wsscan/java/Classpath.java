package io.wsscan.java;

import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedFieldDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ClassLoaderTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The library types of the scanned code's classpath (jars and class folders), through JavaParser's
 * symbol solver: whether a type exists, its direct supertypes, the result type of its methods and the
 * types of its fields. It is asked only where the import-based resolution of {@link JavaIndex} and
 * {@link JavaTypes} has no answer, answers per type or member are cached, and every failure of the
 * solver (a missing dependency of a library class, a broken jar) is an unknown answer, never an error:
 * results with a classpath are never worse than without one.
 *
 * <p>The JDK's types come from the platform class loader, not from wsscan's own classpath, so that
 * wsscan's dependencies never pass for the scanned project's. The solvers are opened on first use.
 * Thread-safe.
 */
public final class Classpath {

    /** No classpath: every answer is unknown. */
    public static final Classpath NONE = new Classpath(List.of(), n -> List.of(n));

    private final List<Path> entries;
    /** Names to try for a type (its own, and the javax form of a canonical jakarta name). */
    private final Function<String, List<String>> spellings;
    private TypeSolver solver;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Optional<ResolvedReferenceTypeDeclaration>> types = new HashMap<>();
    private final Map<String, List<String>> supertypes = new HashMap<>();
    private final Map<String, Optional<String>> members = new HashMap<>();
    /** Types some of whose supertypes are missing from the classpath. */
    private final java.util.Set<String> incomplete = new java.util.HashSet<>();
    private final Map<String, Boolean> complete = new HashMap<>();
    private int solved;

    private Classpath(List<Path> entries, Function<String, List<String>> spellings) {
        this.entries = List.copyOf(entries);
        this.spellings = spellings;
    }

    /**
     * A classpath of these entries; the models' package aliases let a canonical name (jakarta.websocket)
     * find the type under its other name (javax.websocket) too.
     */
    public static Classpath of(List<Path> entries, JavaModels models) {
        if (entries.isEmpty()) return NONE;
        return new Classpath(entries, name -> {
            List<String> out = new ArrayList<>(List.of(name));
            for (Map.Entry<String, String> a : models.packageAliases.entrySet()) {
                if (name.startsWith(a.getValue() + ".")) out.add(a.getKey() + name.substring(a.getValue().length()));
            }
            return out;
        });
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Entries that could not be read (one line each), after the first query. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** How many distinct types were looked up in the solver (for measurements and tests). */
    public synchronized int lookups() {
        return solved;
    }

    private TypeSolver solver() {
        if (solver == null) solver = new Dispatch(entries, problems);
        return solver;
    }

    /**
     * The root solver: which entry holds which class is read from the jars' central directories and
     * the folders' files up front (cheap), and an entry's {@link JarTypeSolver} (which indexes and reads
     * the whole jar) is opened only when one of its classes is asked for. A Maven compile classpath has
     * dozens of jars of which a scan needs a few; opening them all took about 0.7 s for 35 jars, and a
     * missed name cost every solver a lookup. First entry wins, as on a real classpath.
     */
    private static final class Dispatch implements TypeSolver {
        private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "org.w3c.", "org.xml.", "org.ietf.", "com.sun.");
        private final List<Path> entries;
        private final List<String> problems;
        private final Map<String, Integer> owner = new HashMap<>();
        private final TypeSolver[] opened;
        private final TypeSolver jdk = new ClassLoaderTypeSolver(ClassLoader.getPlatformClassLoader());

        Dispatch(List<Path> entries, List<String> problems) {
            this.entries = entries;
            this.problems = problems;
            this.opened = new TypeSolver[entries.size()];
            jdk.setParent(this);
            for (int i = 0; i < entries.size(); i++) {
                Path p = entries.get(i);
                try {
                    if (Files.isDirectory(p)) {
                        ClassDirTypeSolver dir = new ClassDirTypeSolver(p);
                        dir.setParent(this);
                        opened[i] = dir;
                        for (String c : dir.classes()) owner.putIfAbsent(c, i);
                    } else if (Files.isRegularFile(p)) {
                        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(p.toFile())) {
                            for (var en = zip.entries(); en.hasMoreElements(); ) {
                                String c = ClassDirTypeSolver.className(en.nextElement().getName());
                                if (c != null) owner.putIfAbsent(c, i);
                            }
                        }
                    }
                    // a missing entry (target/classes of a module not compiled yet) adds nothing
                } catch (IOException | RuntimeException e) {
                    problems.add("classpath entry " + p + " could not be read (" + e.getClass().getSimpleName() + ")");
                }
            }
        }

        @Override
        public TypeSolver getParent() {
            return null;
        }

        @Override
        public void setParent(TypeSolver parent) {
            throw new UnsupportedOperationException("the classpath's solver is a root");
        }

        @Override
        public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
            Integer i = owner.get(name);
            if (i != null) {
                TypeSolver s = entry(i);
                if (s != null) return s.tryToSolveType(name);
            }
            for (String pkg : JDK_PACKAGES) if (name.startsWith(pkg)) return jdk.tryToSolveType(name);
            return SymbolReference.unsolved();
        }

        private TypeSolver entry(int i) {
            if (opened[i] == null) {
                try {
                    JarTypeSolver jar = new JarTypeSolver(entries.get(i));
                    jar.setParent(this);
                    opened[i] = jar;
                } catch (IOException | RuntimeException e) {
                    problems.add("classpath entry " + entries.get(i) + " could not be read (" + e.getClass().getSimpleName() + ")");
                    owner.values().removeIf(x -> x == i);
                    return null;
                }
            }
            return opened[i];
        }

        @Override
        public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveTypeInModule(String module, String name) {
            return tryToSolveType(name);
        }
    }

    private Optional<ResolvedReferenceTypeDeclaration> declaration(String fqn) {
        if (fqn == null || entries.isEmpty()) return Optional.empty();
        Optional<ResolvedReferenceTypeDeclaration> known = types.get(fqn);
        if (known != null) return known;
        Optional<ResolvedReferenceTypeDeclaration> found = Optional.empty();
        solved++;
        for (String name : spellings.apply(fqn)) {
            try {
                SymbolReference<ResolvedReferenceTypeDeclaration> ref = solver().tryToSolveType(name);
                if (ref.isSolved()) {
                    found = Optional.of(ref.getCorrespondingDeclaration());
                    break;
                }
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                // an unreadable class is an unknown type
            }
        }
        types.put(fqn, found);
        return found;
    }

    /** True when the classpath has a type of this qualified name (nested types as Outer.Inner). */
    public synchronized boolean hasType(String fqn) {
        return declaration(fqn).isPresent();
    }

    /**
     * Qualified names of the direct supertypes (superclass and interfaces) of a classpath type; those
     * whose own class is missing from the classpath are left out. Empty when the type is unknown.
     */
    public synchronized List<String> supertypes(String fqn) {
        List<String> known = supertypes.get(fqn);
        if (known != null) return known;
        List<String> out = new ArrayList<>();
        Optional<ResolvedReferenceTypeDeclaration> d = declaration(fqn);
        if (d.isPresent()) {
            List<ResolvedReferenceType> ancestors;
            try {
                ancestors = d.get().getAncestors(false);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                incomplete.add(fqn);
                try {
                    ancestors = d.get().getAncestors(true);
                } catch (RuntimeException | LinkageError | StackOverflowError e2) {
                    ancestors = List.of();
                }
            }
            try {
                for (ResolvedReferenceType a : ancestors) {
                    String q = a.getQualifiedName();
                    if (!q.equals("java.lang.Object") && !out.contains(q)) out.add(q);
                }
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                out.clear();
                incomplete.add(fqn);
            }
        }
        List<String> result = List.copyOf(out);
        supertypes.put(fqn, result);
        return result;
    }

    /**
     * True when a classpath type and all its supertypes, transitively, are on the classpath: only then
     * does "not a subtype of X" mean something. A type whose hierarchy is cut off by a missing jar is
     * treated as unknown by the callers, as without a classpath.
     */
    public synchronized boolean hierarchyComplete(String fqn) {
        Boolean known = complete.get(fqn);
        if (known != null) return known;
        complete.put(fqn, Boolean.TRUE); // a cycle (broken jars) is not a reason to fail
        boolean ok = declaration(fqn).isPresent();
        if (ok) {
            List<String> supers = supertypes(fqn);
            ok = !incomplete.contains(fqn);
            for (String s : supers) ok &= hierarchyComplete(s);
        }
        complete.put(fqn, ok);
        return ok;
    }

    /**
     * The result type of a method declared by a classpath type (not its supertypes: the caller walks
     * those) with this name and number of arguments, when it is a class or interface type; null when
     * unknown, void, primitive, a type variable or ambiguous between overloads.
     */
    public synchronized String methodReturn(String owner, String name, int args) {
        String key = owner + "#" + name + "/" + args;
        Optional<String> known = members.get(key);
        if (known != null) return known.orElse(null);
        String result = null;
        Optional<ResolvedReferenceTypeDeclaration> d = declaration(owner);
        if (d.isPresent()) {
            try {
                boolean first = true;
                for (ResolvedMethodDeclaration m : d.get().getDeclaredMethods()) {
                    if (!m.getName().equals(name)) continue;
                    boolean fits = m.getNumberOfParams() == args
                            || m.hasVariadicParameter() && args >= m.getNumberOfParams() - 1;
                    if (!fits) continue;
                    String r = referenceName(m.getReturnType());
                    if (first) result = r;
                    else if (result != null && !result.equals(r)) result = null;
                    first = false;
                }
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                result = null;
            }
        }
        members.put(key, Optional.ofNullable(result));
        return result;
    }

    /** The type of a field declared by a classpath type (not inherited), when a class or interface type. */
    public synchronized String fieldType(String owner, String name) {
        String key = owner + "." + name;
        Optional<String> known = members.get(key);
        if (known != null) return known.orElse(null);
        String result = null;
        Optional<ResolvedReferenceTypeDeclaration> d = declaration(owner);
        if (d.isPresent()) {
            try {
                for (ResolvedFieldDeclaration f : d.get().getDeclaredFields()) {
                    if (f.getName().equals(name)) result = referenceName(f.getType());
                }
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                result = null;
            }
        }
        members.put(key, Optional.ofNullable(result));
        return result;
    }

    private static String referenceName(ResolvedType t) {
        return t != null && t.isReferenceType() ? t.asReferenceType().getQualifiedName() : null;
    }
}
