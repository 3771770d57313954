package io.wsscan.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project pass: every type declared in the scanned Java files (nested ones as {@code Outer.Inner}),
 * with resolved supertypes, fields and methods, plus name resolution (imports, same package, nested
 * types, {@code java.lang}) and constant folding of strings across files. Built once per scan before
 * any file is analysed; read-only afterwards.
 */
public final class JavaIndex {

    /** One declared type. */
    public static final class TypeInfo {
        public final String fqn;
        public final TypeDeclaration<?> decl;
        public final JavaUnit unit;
        public final TypeInfo outer;
        /** Resolved names of the direct supertypes (extends and implements). */
        public final List<String> supertypes = new ArrayList<>();
        final Map<String, VariableDeclarator> fields = new LinkedHashMap<>();
        final Map<String, List<MethodDeclaration>> methods = new LinkedHashMap<>();

        TypeInfo(String fqn, TypeDeclaration<?> decl, JavaUnit unit, TypeInfo outer) {
            this.fqn = fqn;
            this.decl = decl;
            this.unit = unit;
            this.outer = outer;
        }

        public List<MethodDeclaration> methods(String name) {
            return methods.getOrDefault(name, List.of());
        }

        public String simpleName() {
            return decl.getNameAsString();
        }
    }

    private static final Set<String> JAVA_LANG = Set.of("String", "Object", "Integer", "Long", "Short", "Byte",
            "Boolean", "Character", "Double", "Float", "Number", "Math", "System", "Runtime", "Class", "Thread",
            "StringBuilder", "StringBuffer", "Iterable", "Exception", "RuntimeException", "Override", "Enum",
            "Record", "ProcessBuilder", "Process", "ClassLoader", "CharSequence", "SuppressWarnings", "Void");

    private final Map<String, TypeInfo> types = new HashMap<>();
    private final Map<TypeDeclaration<?>, TypeInfo> byDecl = new IdentityHashMap<>();
    /** Supertypes of types, kept once the hierarchy is linked (name resolution and every isA ask often). */
    private final Map<String, Set<String>> supertypeCache = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean linked;
    private final List<TypeInfo> ordered = new ArrayList<>();
    private final List<JavaUnit> units;
    private final Set<String> libraryTypes;
    private final Map<String, List<String>> libraryHierarchy;
    private final JavaModels models;
    /** Library types of the scanned code's classpath, asked only where imports and models have no answer. */
    private final Classpath classpath;
    /** Property lookup for {@code @Value("${key:default}")} injection: (key, relPath of the using file) -> values. */
    private java.util.function.BiFunction<String, String, List<String>> properties = (k, f) -> null;

    private JavaIndex(List<JavaUnit> units, JavaModels models, Classpath classpath) {
        this.units = List.copyOf(units);
        this.models = models;
        this.classpath = classpath;
        this.libraryTypes = models.libraryTypes;
        this.libraryHierarchy = models.hierarchy;
    }

    /**
     * Indexes these units. The models name the library types (so that a wildcard import can resolve
     * to them), their supertypes and package aliases (javax -> jakarta).
     */
    public static JavaIndex build(List<JavaUnit> units, JavaModels models) {
        return build(units, models, Classpath.NONE);
    }

    /** Indexes these units; names that imports and models leave unresolved are looked up on the classpath. */
    public static JavaIndex build(List<JavaUnit> units, JavaModels models, Classpath classpath) {
        JavaIndex ix = new JavaIndex(units, models, classpath);
        for (JavaUnit u : units) {
            for (TypeDeclaration<?> t : u.cu.getTypes()) ix.declare(u, t, null);
            // classes declared inside a method (pre-order, so an enclosing local class comes first)
            for (com.github.javaparser.ast.stmt.LocalClassDeclarationStmt l : u.all(com.github.javaparser.ast.stmt.LocalClassDeclarationStmt.class)) {
                if (!ix.byDecl.containsKey(l.getClassDeclaration())) ix.declare(u, l.getClassDeclaration(), ix.enclosingType(l));
            }
        }
        for (TypeInfo t : ix.ordered) ix.link(t);
        ix.linked = true;
        return ix;
    }

    private void declare(JavaUnit u, TypeDeclaration<?> t, TypeInfo outer) {
        String fqn = outer != null ? outer.fqn + "." + t.getNameAsString()
                : (u.pkg.isEmpty() ? "" : u.pkg + ".") + t.getNameAsString();
        TypeInfo info = new TypeInfo(fqn, t, u, outer);
        types.putIfAbsent(fqn, info);
        byDecl.put(t, info);
        ordered.add(info);
        for (BodyDeclaration<?> m : t.getMembers()) {
            if (m instanceof TypeDeclaration<?> nested) declare(u, nested, info);
            else if (m instanceof FieldDeclaration f) for (VariableDeclarator v : f.getVariables()) info.fields.put(v.getNameAsString(), v);
            else if (m instanceof MethodDeclaration md) info.methods.computeIfAbsent(md.getNameAsString(), k -> new ArrayList<>()).add(md);
        }
    }

    private void link(TypeInfo t) {
        List<ClassOrInterfaceType> supers = new ArrayList<>();
        if (t.decl instanceof ClassOrInterfaceDeclaration c) {
            supers.addAll(c.getExtendedTypes());
            supers.addAll(c.getImplementedTypes());
        } else if (t.decl instanceof EnumDeclaration e) {
            supers.addAll(e.getImplementedTypes());
        } else if (t.decl instanceof RecordDeclaration r) {
            supers.addAll(r.getImplementedTypes());
        }
        for (ClassOrInterfaceType s : supers) t.supertypes.add(resolve(typeName(s), t.decl));
    }

    /** Lets {@code @Value("${key}")} fields and parameters fold to the module's configured values. */
    public void properties(java.util.function.BiFunction<String, String, List<String>> lookup) {
        this.properties = lookup;
    }

    /**
     * Values injected by Spring's {@code @Value("${key:default}")} into the field or parameter an
     * expression names: the module's property values, else the default, else null.
     */
    List<String> injected(Expression e) {
        com.github.javaparser.ast.nodeTypes.NodeWithAnnotations<?> holder = null;
        if (e instanceof NameExpr n) {
            Local l = local(n.getNameAsString(), n);
            if (l != null && l.decl() instanceof Parameter p) holder = p;
            else if (l == null) {
                VariableDeclarator v = fieldFor(n.getNameAsString(), n);
                if (v != null && v.getParentNode().orElse(null) instanceof FieldDeclaration fd) holder = fd;
            }
        } else if (e instanceof FieldAccessExpr f && f.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr) {
            TypeInfo t = enclosingType(f);
            VariableDeclarator v = t == null ? null : field(t.fqn, f.getNameAsString());
            if (v != null && v.getParentNode().orElse(null) instanceof FieldDeclaration fd) holder = fd;
        }
        if (holder == null) return null;
        if (holder instanceof FieldDeclaration fd && fd.getAnnotations().isEmpty()) {
            // constructor injection: this.origins = origins, where the parameter carries @Value
            String name = e instanceof NameExpr n ? n.getNameAsString() : ((FieldAccessExpr) e).getNameAsString();
            TypeInfo t = enclosingType(fd);
            if (t == null) return null;
            for (com.github.javaparser.ast.body.ConstructorDeclaration c : t.decl.getConstructors()) {
                for (com.github.javaparser.ast.expr.AssignExpr as : c.findAll(com.github.javaparser.ast.expr.AssignExpr.class)) {
                    Expression target = as.getTarget();
                    boolean same = target instanceof FieldAccessExpr tf && tf.getNameAsString().equals(name)
                            || target instanceof NameExpr tn && tn.getNameAsString().equals(name);
                    if (same && as.getValue() instanceof NameExpr vn && local(vn.getNameAsString(), vn) != null) {
                        List<String> r = injected(vn);
                        if (r != null) return r;
                    }
                }
            }
            return null;
        }
        for (com.github.javaparser.ast.expr.AnnotationExpr a : holder.getAnnotations()) {
            if (!a.getNameAsString().equals("Value") && !a.getNameAsString().endsWith(".Value")) continue;
            Expression v = a instanceof com.github.javaparser.ast.expr.SingleMemberAnnotationExpr sm ? sm.getMemberValue() : null;
            if (a instanceof com.github.javaparser.ast.expr.NormalAnnotationExpr na) {
                for (var pair : na.getPairs()) if (pair.getNameAsString().equals("value")) v = pair.getValue();
            }
            String spec = v == null ? null : fold(v);
            java.util.regex.Matcher m = spec == null ? null : java.util.regex.Pattern.compile("^\\$\\{([^:}]+)(?::(.*))?}$").matcher(spec.trim());
            if (m == null || !m.matches()) return null;
            JavaUnit u = unitOf(e);
            List<String> configured = u == null ? null : properties.apply(m.group(1).trim(), u.relPath);
            if (configured != null) return configured;
            if (m.group(2) == null) return null;
            List<String> out = new ArrayList<>();
            for (String x : m.group(2).split(",")) if (!x.isBlank()) out.add(x.trim());
            return out;
        }
        return null;
    }

    public List<JavaUnit> units() {
        return units;
    }

    public TypeInfo type(String fqn) {
        return fqn == null ? null : types.get(fqn);
    }

    public TypeInfo info(TypeDeclaration<?> decl) {
        return byDecl.get(decl);
    }

    /** Every declared type, in file and declaration order. */
    public List<TypeInfo> allTypes() {
        return ordered;
    }

    /** The innermost type declared around a node (anonymous classes excluded), or null. */
    public TypeInfo enclosingType(Node n) {
        for (Node p = n; p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?> td) return byDecl.get(td);
        }
        return null;
    }

    public JavaUnit unitOf(Node n) {
        TypeInfo t = enclosingType(n);
        if (t != null) return t.unit;
        Node root = n.findRootNode();
        for (JavaUnit u : units) if (u.cu == root) return u;
        return null;
    }

    /** A type's name as written without type arguments, e.g. {@code ServerEndpointConfig.Configurator}. */
    public static String typeName(Type t) {
        if (t instanceof ClassOrInterfaceType c) {
            return c.getScope().map(s -> typeName(s) + ".").orElse("") + c.getNameAsString();
        }
        return t.asString();
    }

    /** Resolves a type name as written at {@code context} to a qualified name (unknown names stay as written). */
    public String resolve(String name, Node context) {
        return models.canonical(resolveAsWritten(name, context));
    }

    private String resolveAsWritten(String name, Node context) {
        if (name == null) return null;
        int dot = name.indexOf('.');
        if (dot > 0) {
            String first = name.substring(0, dot);
            if (Character.isUpperCase(first.charAt(0))) {
                String head = resolveSimple(first, context);
                if (head != null) return head + name.substring(dot);
            }
            return name;
        }
        String r = resolveSimple(name, context);
        return r == null ? name : r;
    }

    public String resolve(Type t, Node context) {
        return resolve(typeName(t), context);
    }

    private String resolveSimple(String name, Node context) {
        // nested types of the enclosing types (and of their project supertypes), innermost first
        for (TypeInfo t = enclosingType(context); t != null; t = t.outer) {
            if (t.simpleName().equals(name)) return t.fqn;
            String nested = memberType(t, name, 0);
            if (nested != null) return nested;
            TypeInfo local = types.get(t.fqn + "." + name);
            if (local != null && local.decl.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.LocalClassDeclarationStmt) return local.fqn;
        }
        JavaUnit u = unitOf(context);
        if (u == null) return null;
        String imp = u.imports.get(name);
        if (imp != null) return imp;
        String samePkg = (u.pkg.isEmpty() ? "" : u.pkg + ".") + name;
        if (types.containsKey(samePkg)) return samePkg;
        for (String w : u.wildcards) {
            String c = w + "." + name;
            if (types.containsKey(c) || libraryTypes.contains(models.canonical(c))) return c;
        }
        if (JAVA_LANG.contains(name)) return "java.lang." + name;
        // a nested type inherited from a modeled library supertype (Connection of Jetty 8's WebSocket)
        for (TypeInfo t = enclosingType(context); t != null; t = t.outer) {
            Set<String> sups = supertypes(t.fqn);
            for (String sup : sups) {
                if (!sup.equals(t.fqn) && libraryTypes.contains(models.canonical(sup + "." + name))) return sup + "." + name;
            }
        }
        if (!classpath.isEmpty()) {
            // the same package in another module or jar, then the wildcard imports' packages in library jars
            if (classpath.hasType(samePkg)) return samePkg;
            for (String w : u.wildcards) {
                if (classpath.hasType(w + "." + name)) return w + "." + name;
            }
            if (classpath.hasType("java.lang." + name)) return "java.lang." + name;
        }
        return null;
    }

    private String memberType(TypeInfo t, String name, int depth) {
        for (BodyDeclaration<?> m : t.decl.getMembers()) {
            if (m instanceof TypeDeclaration<?> n && n.getNameAsString().equals(name)) return t.fqn + "." + name;
        }
        if (depth > 8) return null;
        for (String s : t.supertypes) {
            TypeInfo st = types.get(s);
            if (st != null) {
                String r = memberType(st, name, depth + 1);
                if (r != null) return r;
            }
        }
        return null;
    }

    /** All supertypes of a type, transitively, project and known library ones (the type itself included). */
    public Set<String> supertypes(String fqn) {
        if (!linked || fqn == null) return computeSupertypes(fqn);
        return supertypeCache.computeIfAbsent(fqn, this::computeSupertypes);
    }

    private Set<String> computeSupertypes(String fqn) {
        Set<String> out = new HashSet<>();
        collect(fqn, out);
        return java.util.Collections.unmodifiableSet(out);
    }

    private void collect(String fqn, Set<String> out) {
        if (fqn == null || !out.add(fqn)) return;
        TypeInfo t = types.get(fqn);
        if (t != null) for (String s : t.supertypes) collect(s, out);
        List<String> modeled = libraryHierarchy.get(fqn);
        if (modeled != null) for (String s : modeled) collect(s, out);
        // a library class that the models do not know: its supertypes from the classpath
        else if (t == null && fqn.indexOf('.') > 0) for (String s : classpath.supertypes(fqn)) collect(models.canonical(s), out);
    }

    /** The classpath of the scanned code ({@link Classpath#NONE} without one). */
    public Classpath classpath() {
        return classpath;
    }

    /** True when {@code fqn} is, extends or implements one of {@code targets}. */
    public boolean isA(String fqn, Set<String> targets) {
        if (fqn == null || targets.isEmpty()) return false;
        for (String s : supertypes(fqn)) if (targets.contains(s)) return true;
        return false;
    }

    /** Methods of a project type and of its project supertypes with this name (nearest first). */
    public List<MethodDeclaration> methods(String fqn, String name) {
        List<MethodDeclaration> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        methods(fqn, name, out, seen);
        return out;
    }

    private void methods(String fqn, String name, List<MethodDeclaration> out, Set<String> seen) {
        if (fqn == null || !seen.add(fqn)) return;
        TypeInfo t = types.get(fqn);
        if (t == null) return;
        out.addAll(t.methods(name));
        for (String s : t.supertypes) methods(s, name, out, seen);
    }

    /** A field of a project type or of its project supertypes. */
    public VariableDeclarator field(String fqn, String name) {
        Set<String> seen = new HashSet<>();
        while (fqn != null && seen.add(fqn)) {
            TypeInfo t = types.get(fqn);
            if (t == null) return null;
            VariableDeclarator v = t.fields.get(name);
            if (v != null) return v;
            VariableDeclarator inherited = null;
            for (String s : t.supertypes) {
                inherited = field(s, name);
                if (inherited != null) return inherited;
            }
            fqn = null;
        }
        return null;
    }

    // ---------------------------------------------------------------- variables in scope

    /** A local variable or parameter declaration that a simple name refers to at its position. */
    public record Local(String name, Type type, Expression init, Node decl) {
    }

    /** The local variable, parameter or lambda parameter {@code name} visible at {@code at}, or null. */
    public static Local local(String name, Node at) {
        Node child = at;
        for (Node p = at.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof BlockStmt b) {
                Local found = null;
                for (Statement s : b.getStatements()) {
                    if (s == child) break;
                    if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr vde) {
                        for (VariableDeclarator v : vde.getVariables()) {
                            if (v.getNameAsString().equals(name)) found = new Local(name, v.getType(), v.getInitializer().orElse(null), v);
                        }
                    }
                }
                if (found != null) return found;
            } else if (p instanceof com.github.javaparser.ast.body.CallableDeclaration<?> m) {
                for (Parameter prm : m.getParameters()) if (prm.getNameAsString().equals(name)) return new Local(name, prm.getType(), null, prm);
                // a method of an anonymous class still sees the locals around the 'new'
                if (!(m.getParentNode().orElse(null) instanceof ObjectCreationExpr)) return null;
            } else if (p instanceof LambdaExpr l) {
                for (Parameter prm : l.getParameters()) if (prm.getNameAsString().equals(name)) return new Local(name, prm.getType(), null, prm);
            } else if (p instanceof ForEachStmt f) {
                for (VariableDeclarator v : f.getVariable().getVariables()) if (v.getNameAsString().equals(name)) return new Local(name, v.getType(), null, v);
            } else if (p instanceof ForStmt f) {
                for (Expression e : f.getInitialization()) {
                    if (e instanceof VariableDeclarationExpr vde) for (VariableDeclarator v : vde.getVariables()) {
                        if (v.getNameAsString().equals(name)) return new Local(name, v.getType(), v.getInitializer().orElse(null), v);
                    }
                }
            } else if (p instanceof CatchClause c) {
                if (c.getParameter().getNameAsString().equals(name)) return new Local(name, c.getParameter().getType(), null, c.getParameter());
            } else if (p instanceof TryStmt t) {
                for (Expression e : t.getResources()) {
                    if (e instanceof VariableDeclarationExpr vde) for (VariableDeclarator v : vde.getVariables()) {
                        if (v.getNameAsString().equals(name)) return new Local(name, v.getType(), v.getInitializer().orElse(null), v);
                    }
                }
            } else if (p instanceof TypeDeclaration<?> || p instanceof ObjectCreationExpr) {
                // an anonymous class body: locals of the enclosing method are still visible; keep walking
                if (p instanceof TypeDeclaration<?>) return null;
            }
        }
        return null;
    }

    /** The field a simple name refers to at {@code at} (enclosing types, their supertypes, static imports). */
    public VariableDeclarator fieldFor(String name, Node at) {
        for (TypeInfo t = enclosingType(at); t != null; t = t.outer) {
            VariableDeclarator v = field(t.fqn, name);
            if (v != null) return v;
        }
        JavaUnit u = unitOf(at);
        if (u == null) return null;
        String owner = u.staticImports.get(name);
        if (owner != null) return field(owner, name);
        for (String w : u.staticWildcards) {
            VariableDeclarator v = field(w, name);
            if (v != null) return v;
        }
        return null;
    }

    /** The project type an expression names when used as a qualifier ({@code Config.ORIGINS}), or null. */
    public String typeNamed(Expression e, Node at) {
        String spelled = spelled(e);
        if (spelled == null) return null;
        if (e instanceof NameExpr n && local(n.getNameAsString(), n) != null) return null;
        if (e instanceof NameExpr n && fieldFor(n.getNameAsString(), n) != null) return null;
        if (!Character.isUpperCase(JavaUnit.simple(spelled).charAt(0)) && !spelled.contains(".")) return null;
        return resolve(spelled, at);
    }

    /** {@code a.b.C} for name and field-access chains, else null. */
    public static String spelled(Expression e) {
        if (e instanceof NameExpr n) return n.getNameAsString();
        if (e instanceof FieldAccessExpr f) {
            String s = spelled(f.getScope());
            return s == null ? null : s + "." + f.getNameAsString();
        }
        return null;
    }

    // ---------------------------------------------------------------- constants

    /** The constant string value of an expression (literals, concatenation, final locals, constants of any scanned class), or null. */
    public String fold(Expression e) {
        return fold(e, 0);
    }

    private String fold(Expression e, int depth) {
        if (e == null || depth > 24) return null;
        if (e instanceof StringLiteralExpr s) return s.asString();
        if (e instanceof TextBlockLiteralExpr t) return t.asString();
        if (e instanceof CharLiteralExpr c) return String.valueOf(c.asChar());
        if (e instanceof IntegerLiteralExpr i) return i.getValue();
        if (e instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr b) return String.valueOf(b.getValue());
        if (e instanceof EnclosedExpr p) return fold(p.getInner(), depth + 1);
        if (e instanceof CastExpr c) return fold(c.getExpression(), depth + 1);
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            String l = fold(b.getLeft(), depth + 1);
            String r = l == null ? null : fold(b.getRight(), depth + 1);
            return l == null || r == null ? null : l + r;
        }
        if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
            Expression init = initializer(e);
            if (init == null) return libraryConstant(e);
            return fold(init, depth + 1);
        }
        return null;
    }

    /** A constant of a library type the models know ({@code CorsConfiguration.ALL}), also through a static import. */
    private String libraryConstant(Expression e) {
        if (models.constants.isEmpty()) return null;
        if (e instanceof FieldAccessExpr f) {
            String owner = typeNamed(f.getScope(), f);
            return owner == null ? null : models.constants.get(models.canonical(owner) + "." + f.getNameAsString());
        }
        if (e instanceof NameExpr n && local(n.getNameAsString(), n) == null) {
            JavaUnit u = unitOf(n);
            String owner = u == null ? null : u.staticImports.get(n.getNameAsString());
            if (owner != null) return models.constants.get(models.canonical(owner) + "." + n.getNameAsString());
        }
        return null;
    }

    /**
     * The initializer of the variable an expression names: a local (when declared with one), a field of
     * the enclosing types, a static import or a qualified constant ({@code Origins.ALLOWED}).
     */
    public Expression initializer(Expression e) {
        if (e instanceof NameExpr n) {
            Local l = local(n.getNameAsString(), n);
            if (l != null) return l.init();
            VariableDeclarator v = fieldFor(n.getNameAsString(), n);
            return v == null ? null : v.getInitializer().orElse(null);
        }
        if (e instanceof FieldAccessExpr f) {
            if (f.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr) {
                TypeInfo t = enclosingType(f);
                VariableDeclarator v = t == null ? null : field(t.fqn, f.getNameAsString());
                return v == null ? null : v.getInitializer().orElse(null);
            }
            String owner = typeNamed(f.getScope(), f);
            if (owner == null) return null;
            VariableDeclarator v = field(owner, f.getNameAsString());
            return v == null ? null : v.getInitializer().orElse(null);
        }
        return null;
    }

    /**
     * All constant strings an expression can stand for: one string, an array or collection of strings
     * ({@code new String[]{..}}, {@code List.of}, {@code Arrays.asList}, {@code Set.of}, ...), through
     * constants; a conditional gives both branches. Null when some element is not constant.
     */
    public List<String> foldAll(Expression e) {
        List<String> out = new ArrayList<>();
        return foldAll(e, out, 0) ? out : null;
    }

    private boolean foldAll(Expression e, List<String> out, int depth) {
        if (e == null || depth > 16) return false;
        String s = fold(e);
        if (s != null) {
            out.add(s);
            return true;
        }
        if (e instanceof EnclosedExpr p) return foldAll(p.getInner(), out, depth + 1);
        if (e instanceof ConditionalExpr c) {
            return foldAll(c.getThenExpr(), out, depth + 1) & foldAll(c.getElseExpr(), out, depth + 1);
        }
        if (e instanceof ArrayCreationExpr a) return a.getInitializer().map(i -> foldAll(i, out, depth + 1)).orElse(false);
        if (e instanceof ArrayInitializerExpr a) {
            boolean ok = true;
            for (Expression x : a.getValues()) ok &= foldAll(x, out, depth + 1);
            return ok;
        }
        if (e instanceof MethodCallExpr m && VIEWS.contains(m.getNameAsString()) && m.getScope().isPresent()) {
            // LIST.toArray(new String[0]), SET.stream().toList(): the elements of the receiver
            return foldAll(m.getScope().get(), out, depth + 1);
        }
        if (e instanceof MethodCallExpr m && COLLECTION_FACTORIES.contains(m.getNameAsString())) {
            boolean ok = true;
            for (Expression x : m.getArguments()) ok &= foldAll(x, out, depth + 1);
            return ok;
        }
        if (e instanceof ObjectCreationExpr o && o.getType().getNameAsString().matches("ArrayList|HashSet|LinkedHashSet|TreeSet|LinkedList")
                && o.getArguments().size() == 1) {
            return foldAll(o.getArgument(0), out, depth + 1);
        }
        if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
            List<String> injected = injected(e);
            if (injected != null) {
                out.addAll(injected);
                return true;
            }
            Expression init = initializer(e);
            return init != null && foldAll(init, out, depth + 1);
        }
        return false;
    }

    private static final Set<String> COLLECTION_FACTORIES = Set.of("of", "asList", "singletonList", "singleton",
            "copyOf", "unmodifiableList", "unmodifiableSet");
    private static final Set<String> VIEWS = Set.of("toArray", "stream", "toList");

}
