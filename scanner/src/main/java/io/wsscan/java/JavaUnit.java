package io.wsscan.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import io.wsscan.findings.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/** One parsed Java file with what name resolution needs: its package and its imports. */
public final class JavaUnit {

    public final String relPath;
    public final String text;
    public final CompilationUnit cu;
    public final String pkg;
    /** Simple name -> qualified name, from single-type imports. */
    final Map<String, String> imports = new HashMap<>();
    /** Packages (or types) imported with {@code .*}. */
    final List<String> wildcards = new ArrayList<>();
    /** Static member name -> owning type, from {@code import static a.B.m;}. */
    final Map<String, String> staticImports = new HashMap<>();
    /** Owning types of {@code import static a.B.*;}. */
    final List<String> staticWildcards = new ArrayList<>();

    /** Every node of the file in pre-order (the order of {@code findAll}), made on first use. */
    private List<Node> preorder;
    private final Map<Class<?>, List<?>> byClass = new HashMap<>();

    public JavaUnit(String relPath, String text, CompilationUnit cu) {
        this(relPath, text, cu, null);
    }

    /** With the file's nodes in pre-order when the front end has them already. */
    public JavaUnit(String relPath, String text, CompilationUnit cu, List<Node> preorder) {
        this.preorder = preorder;
        this.relPath = relPath;
        this.text = text;
        this.cu = cu;
        this.pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (ImportDeclaration i : cu.getImports()) {
            String n = i.getNameAsString();
            if (i.isStatic()) {
                if (i.isAsterisk()) staticWildcards.add(n);
                else staticImports.put(simple(n), n.substring(0, n.lastIndexOf('.') < 0 ? 0 : n.lastIndexOf('.')));
            } else if (i.isAsterisk()) {
                wildcards.add(n);
            } else {
                imports.put(simple(n), n);
            }
        }
    }

    private Set<String> words;

    /** The identifiers the text mentions (comments and strings included): what a cheap prefilter asks. */
    public Set<String> words() {
        if (words == null) {
            Set<String> out = new HashSet<>();
            int i = 0, n = text.length();
            while (i < n) {
                if (!Character.isJavaIdentifierStart(text.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i++;
                while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) i++;
                out.add(text.substring(start, i));
            }
            words = out;
        }
        return words;
    }

    /** Whether a word of the file names WebSocket, SockJS or STOMP (any case, any part of the word). */
    public boolean mentionsWebSocket() {
        for (String w : words()) {
            if (w.length() < 5) continue;
            String l = w.toLowerCase(java.util.Locale.ROOT);
            if (l.contains("websocket") || l.contains("sockjs") || l.contains("stomp")) return true;
        }
        return false;
    }

    /**
     * The nodes of a class (and its subclasses) in the file, in pre-order: {@code cu.findAll(cls)} without
     * a walk of the tree per call. The analyses ask the same few classes of every file many times (each
     * model row looks at the method calls), and one walk serves them all.
     */
    @SuppressWarnings("unchecked")
    public <T extends Node> List<T> all(Class<T> cls) {
        if (preorder == null) {
            List<Node> out = new ArrayList<>();
            JavaFrontEnd.preorder(cu, out);
            preorder = out;
        }
        return (List<T>) byClass.computeIfAbsent(cls, c -> {
            List<Node> of = new ArrayList<>();
            for (Node n : preorder) if (c.isInstance(n)) of.add(n);
            return List.copyOf(of);
        });
    }

    /**
     * The module (build project) a file belongs to: the path before {@code src/main/} or {@code src/},
     * else the file's folder. Framework settings and project-wide checks apply within one module.
     */
    public static String moduleOf(String relPath) {
        int i = relPath.indexOf("src/main/");
        if (i == 0 || (i > 0 && relPath.charAt(i - 1) == '/')) return relPath.substring(0, i);
        i = relPath.indexOf("src/");
        if (i == 0 || (i > 0 && relPath.charAt(i - 1) == '/')) return relPath.substring(0, i);
        int slash = relPath.lastIndexOf('/');
        return slash < 0 ? "" : relPath.substring(0, slash + 1);
    }

    /** The last part of a relative path ({@code NotebookServer.java}), for messages naming another file. */
    public static String fileName(String relPath) {
        return relPath.substring(relPath.lastIndexOf('/') + 1);
    }

    public String module() {
        return moduleOf(relPath);
    }

    static String simple(String qualified) {
        int i = qualified.lastIndexOf('.');
        return i < 0 ? qualified : qualified.substring(i + 1);
    }

    /** True when some import names this package or type (prefix), e.g. {@code org.java_websocket}. */
    public boolean imports(String prefix) {
        for (String s : imports.values()) if (s.startsWith(prefix)) return true;
        for (String s : wildcards) if (s.startsWith(prefix)) return true;
        return false;
    }

    /** SARIF region of a node: 1-based lines and columns, end column exclusive. */
    public static Region region(Node n) {
        return n.getRange().map(r -> new Region(r.begin.line, r.begin.column, r.end.line, r.end.column + 1))
                .orElse(Region.NONE);
    }

    /** From the start of {@code from} (e.g. a method with its annotations) to the end of {@code to} (its name). */
    public static Region region(Node from, Node to) {
        Region a = region(from), b = region(to);
        return new Region(a.startLine(), a.startColumn(), b.endLine(), b.endColumn());
    }

    public static int line(Node n) {
        return n.getRange().map(r -> r.begin.line).orElse(0);
    }
}
