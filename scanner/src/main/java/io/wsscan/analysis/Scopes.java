package io.wsscan.analysis;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lexical scopes of one file: declares every binding (var hoisted to its function, let/const/class
 * to their block, parameters, catch parameters, function declarations) and resolves every identifier
 * reference to its binding, or to none (a global).
 */
public final class Scopes {

    /** A declared name. {@code function} is the function (or program) node that owns the binding. */
    public static final class Binding {
        public final String name;
        public final String declKind;   // var, let, const, param, function, class, catch, import
        public final Node declaration;  // the identifier node that declares it
        public final Node function;
        /** Assigned expressions (initialisers and assignments), for constant folding. */
        final List<Node> definitions = new ArrayList<>();
        int assignmentCount;
        /** Referenced from another function or a class body, which may run at any time. */
        boolean captured;
        /**
         * Index of this binding among its function's flow-sensitive locals ({@link Transfer}), or -1:
         * a variable, parameter or catch parameter of a function that nothing else refers to.
         */
        int slot = -1;

        Binding(String name, String declKind, Node declaration, Node function) {
            this.name = name;
            this.declKind = declKind;
            this.declaration = declaration;
            this.function = function;
        }

        /** The single expression this binding ever holds, when there is exactly one. */
        public Node singleDefinition() {
            return definitions.size() == 1 && assignmentCount <= 1 ? definitions.get(0) : null;
        }

        @Override
        public String toString() {
            return declKind + " " + name;
        }
    }

    private static final class Scope {
        final Scope parent;
        final Node function; // owning function or program
        final boolean functionScope;
        /** The code that runs as one piece: the function, or a class body (field initialisers run later). */
        final Node unit;
        final Map<String, Binding> names = new HashMap<>();
        /** A classic script's top level: the top levels of the scripts that share its page's globals. */
        List<Scope> peers = List.of();

        Scope(Scope parent, Node function, boolean functionScope) {
            this(parent, function, functionScope, parent == null || functionScope ? function : parent.unit);
        }

        Scope(Scope parent, Node function, boolean functionScope, Node unit) {
            this.parent = parent;
            this.function = function;
            this.functionScope = functionScope;
            this.unit = unit;
        }

        Binding lookup(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                Binding b = s.names.get(name);
                if (b != null) return b;
                if (s.parent == null) return s.peerBinding(name);
            }
            return null;
        }

        /** A global that a script sharing this top level declares. */
        Binding peerBinding(String name) {
            for (Scope p : peers) {
                Binding b = p.names.get(name);
                if (b != null) return b;
            }
            return null;
        }

        Scope functionScope() {
            Scope s = this;
            while (!s.functionScope) s = s.parent;
            return s;
        }
    }

    private final Map<Node, Binding> refs = new IdentityHashMap<>();
    private final Map<Node, Binding> decls = new IdentityHashMap<>();
    private final Map<Node, List<Binding>> params = new IdentityHashMap<>();
    /** Every binding, in declaration order. */
    private final List<Binding> all = new ArrayList<>();
    /** Per function: how many flow-sensitive locals it has. */
    private final Map<Node, Integer> slotCounts = new IdentityHashMap<>();
    /** The declaration kinds a function's own local can have (functions and classes are hoisted values). */
    private static final java.util.Set<String> LOCAL_KINDS = java.util.Set.of("var", "let", "const", "using", "param", "catch");

    /** CommonJS names every module sees as its own (unless it declares them itself). */
    private static final List<String> MODULE_NAMES = List.of("module", "exports");

    private final Map<Node, Map<String, Binding>> moduleBindings = new IdentityHashMap<>();

    public static Scopes of(Node program) {
        return of(List.of(program));
    }

    /**
     * Scopes of several files analysed together: each program has its own top-level scope (ES and
     * CommonJS modules do not share top-level names) with its own {@code module} and {@code exports}.
     */
    public static Scopes of(List<Node> programs) {
        return of(programs, Map.of());
    }

    /**
     * Scopes of several files where classic scripts share the global scope of their page: {@code peers}
     * gives, for such a script, the programs whose top-level declarations it sees. A name that two of
     * them declare ({@code var App = App || {}} in each) is one binding.
     */
    public static Scopes of(List<Node> programs, Map<Node, List<Node>> peers) {
        Scopes s = new Scopes();
        Map<Node, Scope> tops = new IdentityHashMap<>();
        for (Node program : programs) tops.put(program, new Scope(null, program, true));
        for (Node program : programs) {
            List<Node> ps = peers.get(program);
            if (ps == null) continue;
            Scope top = tops.get(program);
            top.peers = ps.stream().map(tops::get).filter(java.util.Objects::nonNull).toList();
            s.classic.add(top);
        }
        // every top level is declared before any is resolved: a script may use what a later one declares
        for (Node program : programs) s.hoist(program.kids(), tops.get(program), program);
        for (Node program : programs) {
            Scope global = tops.get(program);
            Map<String, Binding> own = new HashMap<>();
            for (String name : MODULE_NAMES) {
                if (global.names.containsKey(name)) continue;
                Node decl = Node.leaf(Kind.IDENT, program.start, program.start, name);
                own.put(name, s.declare(name, "module", decl, global, program));
            }
            s.moduleBindings.put(program, own);
            s.walkAll(program.kids(), global);
        }
        for (Scope top : s.classic) {
            for (Binding b : top.names.values()) {
                if (!"module".equals(b.declKind)) s.globalNames.computeIfAbsent(b.name, k -> new ArrayList<>()).add(b);
            }
        }
        s.globalNames.replaceAll((k, v) -> v.stream().distinct().toList());
        s.assignSlots();
        return s;
    }

    /** The top levels of classic scripts that share globals. */
    private final List<Scope> classic = new ArrayList<>();
    /** Top-level bindings of those scripts by name: also properties of the global object ({@code window.App}). */
    private final Map<String, List<Binding>> globalNames = new HashMap<>();

    /** The top-level bindings of shared classic scripts that {@code window.name} also names. */
    List<Binding> globalBindings(String name) {
        return globalNames.getOrDefault(name, List.of());
    }

    private void assignSlots() {
        for (Binding b : all) {
            if (b.captured || b.function.kind != Kind.FUNCTION || !LOCAL_KINDS.contains(b.declKind)) continue;
            b.slot = slotCounts.merge(b.function, 1, Integer::sum) - 1;
        }
    }

    /** How many flow-sensitive locals a function has (their {@link Binding#slot}s are 0 to this - 1). */
    int slots(Node function) {
        return slotCounts.getOrDefault(function, 0);
    }

    /** The synthetic {@code module} or {@code exports} binding of a program; null if it declares its own. */
    public Binding moduleBinding(Node program, String name) {
        return moduleBindings.getOrDefault(program, Map.of()).get(name);
    }

    /** Binding an identifier (reference or declaration) resolves to; null for globals. */
    public Binding binding(Node ident) {
        Binding b = refs.get(ident);
        return b != null ? b : decls.get(ident);
    }

    /** Bindings of a function's parameters, positionally (null for destructured positions). */
    public List<Binding> params(Node function) {
        return params.getOrDefault(function, List.of());
    }

    // ---- declaration pass (hoisting within one scope level)

    private void hoist(List<Node> stmts, Scope scope, Node fn) {
        for (Node st : stmts) hoistStmt(st, scope, fn, true);
    }

    /** Declares var (into the function scope) and, at this block level, let/const/function/class. */
    private void hoistStmt(Node st, Scope scope, Node fn, boolean sameBlock) {
        switch (st.kind) {
            case VAR_DECL -> {
                boolean isVar = "var".equals(st.text);
                if (isVar || sameBlock) {
                    Scope target = isVar ? scope.functionScope() : scope;
                    for (Node d : st.kids()) declarePattern(d.kid(0), target, st.text, fn);
                }
            }
            case FUNCTION -> {
                if (sameBlock && st.has(Node.DECLARATION) && st.text != null) {
                    declare(st.text, "function", st, scope, fn);
                }
            }
            case CLASS -> {
                if (sameBlock && st.text != null) declare(st.text, "class", st, scope, fn);
            }
            case IMPORT -> {
                for (Node spec : st.kids()) declarePattern(spec.kid(0), scope, "import", fn);
            }
            case EXPORT -> {
                for (Node k : st.kids()) if (k.kind != Kind.EXPORT_SPEC) hoistStmt(k, scope, fn, sameBlock);
            }
            // var declarations nested in statements hoist to the function scope
            case IF, FOR, FOR_IN, FOR_OF, WHILE, DO_WHILE, TRY, CATCH, SWITCH, CASE, LABELED, BLOCK, WITH -> {
                for (Node k : st.kids()) hoistStmt(k, scope, fn, false);
            }
            default -> {
            }
        }
    }

    private void declarePattern(Node p, Scope scope, String kind, Node fn) {
        switch (p.kind) {
            case IDENT -> declare(p.text, kind, p, scope, fn);
            case OBJECT_PATTERN -> {
                for (Node k : p.kids()) declarePattern(k.kind == Kind.PROPERTY ? k.kid(1) : k, scope, kind, fn);
            }
            case ARRAY_PATTERN -> {
                for (Node k : p.kids()) declarePattern(k, scope, kind, fn);
            }
            case ASSIGN_PATTERN, REST -> declarePattern(p.kid(0), scope, kind, fn);
            default -> {
            }
        }
    }

    private Binding declare(String name, String kind, Node decl, Scope scope, Node fn) {
        Binding b = scope.names.get(name);
        if (b == null && scope.parent == null && !"module".equals(kind)) {
            // the same global declared by another script of the page
            b = scope.peerBinding(name);
            if (b != null) scope.names.put(name, b);
        }
        if (b == null) {
            b = new Binding(name, kind, decl.kind == Kind.IDENT ? decl : decl, scope.function);
            scope.names.put(name, b);
            all.add(b);
        }
        decls.put(decl, b);
        if (kind.equals("function") || kind.equals("class")) {
            b.definitions.add(decl);
            b.assignmentCount++;
        }
        return b;
    }

    // ---- resolution pass

    private void walkAll(List<Node> nodes, Scope scope) {
        for (Node n : nodes) walk(n, scope);
    }

    private void walk(Node n, Scope scope) {
        switch (n.kind) {
            case IDENT -> {
                Binding b = scope.lookup(n.text);
                if (b != null && !decls.containsKey(n)) {
                    refs.put(n, b);
                    if (b.function != scope.unit) b.captured = true;
                }
            }
            case FUNCTION -> function(n, scope);
            case CLASS -> {
                Scope inner = new Scope(scope, scope.function, false, n);
                if (n.text != null && !n.has(Node.DECLARATION)) declare(n.text, "class", n, inner, scope.function);
                walkAll(n.kids(), inner);
            }
            case BLOCK, STATIC_BLOCK -> {
                Scope inner = new Scope(scope, scope.function, false);
                hoist(n.kids(), inner, scope.function);
                walkAll(n.kids(), inner);
            }
            case FOR, FOR_IN, FOR_OF -> {
                Scope inner = new Scope(scope, scope.function, false);
                Node init = n.kid(0);
                if (init.kind == Kind.VAR_DECL && !"var".equals(init.text)) {
                    for (Node d : init.kids()) declarePattern(d.kid(0), inner, init.text, scope.function);
                }
                walkAll(n.kids(), inner);
            }
            case CATCH -> {
                Scope inner = new Scope(scope, scope.function, false);
                declarePattern(n.kid(0), inner, "catch", scope.function);
                walkAll(n.kids(), inner);
            }
            case SWITCH -> {
                walk(n.kid(0), scope);
                Scope inner = new Scope(scope, scope.function, false);
                for (Node c : n.rest(1)) hoist(c.rest(1), inner, scope.function);
                walkAll(n.rest(1), inner);
            }
            case VAR_DECL -> {
                for (Node d : n.kids()) {
                    walk(d.kid(0), scope);
                    walk(d.kid(1), scope);
                    recordDefinition(d.kid(0), d.kid(1), scope);
                }
            }
            case ASSIGN -> {
                walkAll(n.kids(), scope);
                Node t = n.kid(0);
                if (t.kind == Kind.IDENT) {
                    Binding b = scope.lookup(t.text);
                    if (b != null) {
                        b.assignmentCount++;
                        if ("=".equals(n.text)) b.definitions.add(n.kid(1));
                        else b.definitions.add(n); // compound: keep the whole expression
                    }
                }
            }
            case UPDATE -> {
                walkAll(n.kids(), scope);
                if (n.kid(0).kind == Kind.IDENT) {
                    Binding b = scope.lookup(n.kid(0).text);
                    if (b != null) {
                        b.assignmentCount++;
                        b.definitions.add(n);
                    }
                }
            }
            case MEMBER -> {
                walk(n.kid(0), scope);
                if (n.has(Node.COMPUTED)) walk(n.kid(1), scope);
            }
            case PROPERTY -> {
                if (n.has(Node.COMPUTED)) walk(n.kid(0), scope);
                walk(n.kid(1), scope);
            }
            case CLASS_FIELD -> {
                if (n.has(Node.COMPUTED)) walk(n.kid(0), scope);
                if (n.size() > 1) walk(n.kid(1), scope);
            }
            case LABELED, BREAK, CONTINUE -> {
                if (n.kind == Kind.LABELED) walk(n.kid(0), scope);
            }
            default -> walkAll(n.kids(), scope);
        }
    }

    private void recordDefinition(Node target, Node init, Scope scope) {
        if (target.kind != Kind.IDENT) return;
        Binding b = decls.get(target);
        if (b == null) b = scope.lookup(target.text);
        if (b == null) return;
        if (!init.isEmpty()) {
            b.definitions.add(init);
            b.assignmentCount++;
        }
    }

    private void function(Node fn, Scope outer) {
        Scope fscope = new Scope(outer, fn, true);
        // A named function expression sees its own name.
        if (fn.text != null && !fn.has(Node.DECLARATION)) declare(fn.text, "function", fn, fscope, fn);
        List<Binding> ps = new ArrayList<>();
        for (Node p : fn.kid(0).kids()) {
            Node target = p.kind == Kind.ASSIGN_PATTERN || p.kind == Kind.REST ? p.kid(0) : p;
            declarePattern(target, fscope, "param", fn);
            ps.add(target.kind == Kind.IDENT ? decls.get(target) : null);
        }
        params.put(fn, ps);
        Node body = fn.kid(1);
        if (fn.has(Node.EXPRESSION_BODY)) {
            walkAll(fn.kid(0).kids(), fscope);
            walk(body, fscope);
            return;
        }
        // The body block shares the function scope (so 'let' at top level of the body is visible to params' closures).
        hoist(body.kids(), fscope, fn);
        walkAll(fn.kid(0).kids(), fscope);
        walkAll(body.kids(), fscope);
    }
}
