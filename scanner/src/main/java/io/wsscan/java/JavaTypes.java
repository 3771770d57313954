package io.wsscan.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;

import java.util.List;
import java.util.Set;

/**
 * Static types of expressions as far as declarations, the project's classes and the models tell
 * (no classpath): declared types of locals, parameters and fields, {@code new} expressions, casts,
 * results of project methods and of modeled library methods, and parameters of modeled callbacks.
 * Null when unknown.
 */
public final class JavaTypes {

    private final JavaIndex index;
    private final JavaModels models;

    public JavaTypes(JavaIndex index, JavaModels models) {
        this.index = index;
        this.models = models;
    }

    public JavaIndex index() {
        return index;
    }

    /** The class whose {@code this} is in effect at a node: an anonymous class's base type, or the declared type. */
    public String thisType(Node at) {
        Node child = at;
        for (Node p = at.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()
                    && o.getAnonymousClassBody().get().contains(child)) {
                return index.resolve(o.getType(), o);
            }
            if (p instanceof TypeDeclaration<?> td) {
                JavaIndex.TypeInfo t = index.info(td);
                return t == null ? null : t.fqn;
            }
        }
        return null;
    }

    public String of(Expression e) {
        return of(e, 0);
    }

    private String of(Expression e, int depth) {
        if (e == null || depth > 12) return null;
        if (e instanceof EnclosedExpr p) return of(p.getInner(), depth + 1);
        if (e instanceof CastExpr c) return index.resolve(c.getType(), c);
        if (e instanceof ObjectCreationExpr o) return index.resolve(o.getType(), o);
        if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) return "java.lang.String";
        if (e instanceof com.github.javaparser.ast.expr.ClassExpr) return "java.lang.Class";
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            String l = of(b.getLeft(), depth + 1);
            return "java.lang.String".equals(l) || "java.lang.String".equals(of(b.getRight(), depth + 1)) ? "java.lang.String" : null;
        }
        if (e instanceof ThisExpr) return thisType(e);
        if (e instanceof NameExpr n) return nameType(n, depth);
        if (e instanceof FieldAccessExpr f) {
            if (f.getScope() instanceof ThisExpr) return fieldType(thisType(f), f.getNameAsString());
            String owner = index.typeNamed(f.getScope(), f);
            if (owner != null && index.type(owner) != null) return fieldType(owner, f.getNameAsString());
            String scopeType = of(f.getScope(), depth + 1);
            String ft = scopeType == null ? null : fieldType(scopeType, f.getNameAsString());
            if (ft != null) return ft;
            String spelled = JavaIndex.spelled(f);
            return spelled != null && Character.isUpperCase(JavaUnit.simple(spelled).charAt(0)) ? index.resolve(spelled, f) : null;
        }
        if (e instanceof MethodCallExpr m) {
            String recv = m.getScope().map(s -> of(s, depth + 1)).orElseGet(() -> thisType(m));
            if (recv == null) return null;
            // a project method: its declared result type
            for (MethodDeclaration md : index.methods(recv, m.getNameAsString())) {
                if (md.getParameters().size() == m.getArguments().size()) {
                    if (md.getType().isVoidType()) return null;
                    return index.resolve(md.getType(), md);
                }
            }
            Set<String> supers = index.supertypes(recv);
            for (String t : supers) {
                String r = models.returns.get(t + "#" + m.getNameAsString());
                if (r != null) return r;
            }
            return libraryReturn(recv, supers, m.getNameAsString(), m.getArguments().size());
        }
        return null;
    }

    private String nameType(NameExpr n, int depth) {
        String name = n.getNameAsString();
        JavaIndex.Local l = JavaIndex.local(name, n);
        if (l != null) {
            if (l.type() != null && !l.type().isVarType() && !l.type().isUnknownType()) return index.resolve(l.type(), l.decl());
            if (l.init() != null) return of(l.init(), depth + 1);
            if (l.decl() instanceof Parameter p && p.getParentNode().orElse(null) instanceof LambdaExpr lambda) {
                int i = lambda.getParameters().indexOf(p);
                String cb = callbackParamType(lambda, i);
                if (cb != null) return cb;
                // session -> .. implementing a modeled functional interface (WebFlux WebSocketHandler)
                List<String> ps = models.functional.get(lambdaTarget(lambda));
                return ps != null && i < ps.size() ? ps.get(i) : null;
            }
            return null;
        }
        VariableDeclarator v = index.fieldFor(name, n);
        if (v != null) return index.resolve(v.getType(), v);
        String inherited = fieldType(thisType(n), name);
        if (inherited != null) return inherited;
        if (Character.isUpperCase(name.charAt(0))) return index.resolve(name, n);
        return null;
    }

    private String fieldType(String owner, String name) {
        if (owner == null) return null;
        VariableDeclarator v = index.field(owner, name);
        if (v != null) return index.resolve(v.getType(), v);
        Set<String> supers = index.supertypes(owner);
        for (String t : supers) {
            String f = models.fields.get(t + "#" + name);
            if (f != null) return f;
        }
        Classpath cp = index.classpath();
        if (cp.isEmpty()) return null;
        for (String t : ordered(owner, supers)) {
            if (index.type(t) != null) continue;
            String f = cp.fieldType(t, name);
            if (f != null) return cp.hierarchyComplete(f) ? models.canonical(f) : null;
        }
        return null;
    }

    /**
     * The result type of a library method that neither the project nor the models know, from the
     * classpath: the receiver's own type first, then its supertypes. Null without a classpath.
     */
    private String libraryReturn(String recv, Set<String> supers, String name, int args) {
        Classpath cp = index.classpath();
        if (cp.isEmpty()) return null;
        for (String t : ordered(recv, supers)) {
            if (index.type(t) != null) continue;
            String r = cp.methodReturn(t, name, args);
            // a type whose hierarchy a missing jar cuts off stays unknown: a known type that is not a
            // sink type ends untyped matching, which only a complete hierarchy may decide
            if (r != null) return cp.hierarchyComplete(r) ? models.canonical(r) : null;
        }
        return null;
    }

    /** The type itself, then its other supertypes in name order (deterministic across runs). */
    private static List<String> ordered(String self, Set<String> supers) {
        List<String> out = new java.util.ArrayList<>();
        out.add(self);
        supers.stream().filter(x -> !x.equals(self)).sorted().forEach(out::add);
        return out;
    }

    /**
     * The class whose method a method reference names: {@code this::m}, {@code Type::m}, or
     * {@code var::m} (JavaParser reads a simple name before '::' as a type; a variable of that name wins).
     */
    public String methodRefOwner(com.github.javaparser.ast.expr.MethodReferenceExpr mr) {
        Expression scope = mr.getScope();
        if (scope instanceof ThisExpr) return thisType(mr);
        if (scope instanceof com.github.javaparser.ast.expr.TypeExpr te) {
            String name = JavaIndex.typeName(te.getType());
            if (!name.contains(".")) {
                NameExpr asName = new NameExpr(name);
                asName.setParentNode(mr);
                String varType = JavaIndex.local(name, mr) != null || index.fieldFor(name, mr) != null ? nameType(asName, 0) : null;
                asName.setParentNode(null);
                if (varType != null) return varType;
            }
            return index.resolve(name, mr);
        }
        String owner = index.typeNamed(scope, mr);
        return owner != null ? owner : of(scope);
    }

    /** The functional interface a lambda implements: a declared variable, a cast, or the enclosing method's result. */
    public String lambdaTarget(LambdaExpr l) {
        Node p = l.getParentNode().orElse(null);
        while (p instanceof EnclosedExpr) p = p.getParentNode().orElse(null);
        if (p instanceof CastExpr c) return index.resolve(c.getType(), c);
        // map.put("/echo", session -> ..) on a Map<String, WebSocketHandler>: the value type argument
        if (p instanceof MethodCallExpr call && call.getNameAsString().equals("put") && call.getArguments().size() == 2
                && call.getArgument(1) == l && call.getScope().orElse(null) instanceof NameExpr map) {
            JavaIndex.Local local = JavaIndex.local(map.getNameAsString(), map);
            com.github.javaparser.ast.type.Type declared = local != null ? local.type()
                    : index.fieldFor(map.getNameAsString(), map) != null ? index.fieldFor(map.getNameAsString(), map).getType() : null;
            if (declared instanceof com.github.javaparser.ast.type.ClassOrInterfaceType ct && ct.getTypeArguments().isPresent()
                    && ct.getTypeArguments().get().size() == 2) {
                return index.resolve(ct.getTypeArguments().get().get(1), map);
            }
        }
        if (p instanceof VariableDeclarator vd && !vd.getType().isVarType()) return index.resolve(vd.getType(), vd);
        if (p instanceof com.github.javaparser.ast.stmt.ReturnStmt) {
            for (Node q = p.getParentNode().orElse(null); q != null; q = q.getParentNode().orElse(null)) {
                if (q instanceof LambdaExpr) return null;
                if (q instanceof MethodDeclaration md) return index.resolve(md.getType(), md);
            }
        }
        return null;
    }

    /** Type of parameter {@code param} of a lambda passed to a modeled callback position. */
    public String callbackParamType(LambdaExpr lambda, int param) {
        if (!(lambda.getParentNode().orElse(null) instanceof MethodCallExpr call)) return null;
        int arg = call.getArguments().indexOf(lambda);
        String recv = call.getScope().map(this::of).orElseGet(() -> thisType(call));
        for (JavaModels.Callback cb : models.callbacks) {
            if (cb.arg() != arg || cb.param() != param || !cb.methods().contains(call.getNameAsString())) continue;
            if (recv == null || index.isA(recv, cb.types())) return cb.paramType();
        }
        return null;
    }

    public boolean isA(String type, Set<String> targets) {
        return type != null && index.isA(models.canonical(type), targets);
    }
}
