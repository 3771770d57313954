package io.wsscan.java;

import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.symbolsolver.javassistmodel.JavassistFactory;
import javassist.ClassPool;
import javassist.NotFoundException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Types of a folder of compiled classes ({@code target/classes} of a sibling module), read from the class
 * files with Javassist like JavaParser's {@code JarTypeSolver} reads jars (which takes jars only). No
 * class is loaded into the JVM, so nothing of the scanned project runs.
 */
final class ClassDirTypeSolver implements TypeSolver {

    private final ClassPool pool = new ClassPool(false);
    /** Canonical name (Outer.Inner) -> Javassist name (Outer$Inner). */
    private final Map<String, String> known = new HashMap<>();
    private TypeSolver parent;

    ClassDirTypeSolver(Path dir) throws IOException {
        try {
            pool.appendClassPath(dir.toString());
        } catch (NotFoundException e) {
            throw new IOException("cannot read class folder " + dir, e);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".class")).forEach(p -> {
                String rel = dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                String name = className(rel);
                if (name != null) known.put(name, rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
            });
        }
    }

    /**
     * The canonical name of the class a jar or folder entry holds ({@code a/B$C.class} -> {@code a.B.C}),
     * or null for other files, module and package descriptors, and the versioned copies under META-INF.
     */
    static String className(String entry) {
        if (!entry.endsWith(".class") || entry.startsWith("META-INF/")) return null;
        String binary = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        if (binary.endsWith("module-info") || binary.endsWith("package-info")) return null;
        return binary.replace('$', '.');
    }

    /** Canonical names of the folder's classes. */
    java.util.Set<String> classes() {
        return known.keySet();
    }

    @Override
    public TypeSolver getParent() {
        return parent;
    }

    @Override
    public void setParent(TypeSolver parent) {
        this.parent = parent;
    }

    @Override
    public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
        String binary = known.get(name);
        if (binary == null) return SymbolReference.unsolved();
        try {
            return SymbolReference.solved(JavassistFactory.toTypeDeclaration(pool.get(binary), getRoot()));
        } catch (NotFoundException e) {
            return SymbolReference.unsolved();
        }
    }

    @Override
    public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveTypeInModule(String qualifiedModuleName, String simpleTypeName) {
        return SymbolReference.unsolved();
    }
}
