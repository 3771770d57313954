/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The permissive-configuration half of the Java origin checks ({@value OriginAnalysis#PERMISSIVE}):
 * settings that explicitly let every origin in (wildcard allowed origins, {@code checkOrigin} that
 * always returns true, no-op interceptor beans), as the models describe them. It is separate from
 * {@link OriginAnalysis} because it looks at configuration calls and classes, not at endpoints.
 */
final class OriginPermissive {

    private final JavaIndex index;
    private final JavaModels models;
    private final JavaTypes types;
    private final OriginLogic logic;

    OriginPermissive(JavaIndex index, JavaModels models, JavaTypes types, OriginLogic logic) {
        this.index = index;
        this.models = models;
        this.types = types;
        this.logic = logic;
    }

    void run(JavaUnit u, List<JavaHit> hits) {
        boolean wsFile = u.mentionsWebSocket();
        for (JavaModels.Permissive p : models.permissive) {
            if ("websocket-file".equals(p.context()) && !wsFile) continue;
            if (!p.methods().isEmpty()) {
                for (MethodCallExpr c : u.all(MethodCallExpr.class)) {
                    if (!p.methods().contains(c.getNameAsString())) continue;
                    if (!p.types().isEmpty()) {
                        String recv = c.getScope().map(types::of).orElse(null);
                        if (recv == null || !types.isA(recv, p.types())) continue;
                    }
                    if (p.noArgs() && c.getArguments().isEmpty() && !chainedWith(c, p.unlessChained())) hits.add(JavaHit.structural(OriginAnalysis.PERMISSIVE, u.relPath, JavaUnit.region(c.getName()), p.what() + "."));
                    else if (p.always()) hits.add(JavaHit.structural(OriginAnalysis.PERMISSIVE, u.relPath, JavaUnit.region(c.getName()), p.what() + "."));
                    else if (p.wildcardArgs()) wildcard(u, c.getName(), c.getArguments(), p, hits);
                }
            }
            if (!p.newTypes().isEmpty()) {
                for (ObjectCreationExpr o : u.all(ObjectCreationExpr.class)) {
                    if (p.newTypes().contains(index.resolve(o.getType(), o)) && p.wildcardArgs()) wildcard(u, o, o.getArguments(), p, hits);
                }
            }
            if (p.method() != null && !p.extendsTypes().isEmpty()) {
                // declared classes and anonymous ones (new Configurator() { checkOrigin(..) { return true; } })
                List<MethodDeclaration> candidates = new ArrayList<>();
                for (TypeDeclaration<?> td : u.all(TypeDeclaration.class)) {
                    JavaIndex.TypeInfo t = index.info(td);
                    if (t != null && index.isA(t.fqn, p.extendsTypes())) candidates.addAll(t.methods(p.method()));
                }
                for (ObjectCreationExpr oc : u.all(ObjectCreationExpr.class)) {
                    if (oc.getAnonymousClassBody().isEmpty() || !index.isA(index.resolve(oc.getType(), oc), p.extendsTypes())) continue;
                    for (BodyDeclaration<?> b : oc.getAnonymousClassBody().get()) {
                        if (b instanceof MethodDeclaration md && md.getNameAsString().equals(p.method())) candidates.add(md);
                    }
                }
                for (MethodDeclaration md : candidates) {
                    if (p.alwaysTrue() && logic.alwaysTrue(md)) {
                        hits.add(JavaHit.structural(OriginAnalysis.PERMISSIVE, u.relPath, JavaUnit.region(md, md.getName()),
                                md.getNameAsString() + "() always returns true: " + (p.what().equals("allows every origin")
                                        ? "every Origin is accepted" : p.what()) + "."));
                    }
                    if (!p.alwaysPermit().isEmpty() && alwaysPermits(md, p.alwaysPermit())) {
                        hits.add(JavaHit.structural(OriginAnalysis.PERMISSIVE, u.relPath, JavaUnit.region(md, md.getName()), p.what() + "."));
                    }
                }
            }
            if (p.noOpBean() != null) {
                for (MethodDeclaration md : u.all(MethodDeclaration.class)) {
                    if (beanName(md).equals(p.noOpBean()) && noOp(md)) {
                        hits.add(JavaHit.structural(OriginAnalysis.PERMISSIVE, u.relPath, JavaUnit.region(md, md.getName()), p.what() + "."));
                    }
                }
            }
        }
    }

    private void wildcard(JavaUnit u, Node at, NodeList<Expression> args, JavaModels.Permissive p, List<JavaHit> hits) {
        for (Expression a : args) {
            List<String> values = index.foldAll(a);
            if (values == null) continue;
            for (String s : values) {
                if (models.origin.wildcards().contains(s.trim())) {
                    hits.add(JavaHit.structural(OriginAnalysis.PERMISSIVE, u.relPath, JavaUnit.region(at), p.what() + " (\"" + s.trim() + "\")."));
                    return;
                }
            }
        }
    }

    private static boolean chainedWith(Expression e, Set<String> names) {
        Node cur = e;
        while (cur.getParentNode().orElse(null) instanceof MethodCallExpr m && m.getScope().orElse(null) == cur) {
            if (names.contains(m.getNameAsString())) return true;
            cur = m;
        }
        return false;
    }

    private boolean alwaysPermits(MethodDeclaration md, Set<String> permits) {
        if (md.getBody().isEmpty()) return false;
        boolean permit = md.findAll(MethodCallExpr.class).stream().anyMatch(c -> permits.contains(c.getNameAsString()));
        boolean branches = !md.findAll(IfStmt.class).isEmpty() || !md.findAll(ConditionalExpr.class).isEmpty();
        return permit && !branches && logic.classify(md, Set.of()).kind() == OriginLogic.Kind.NONE;
    }

    private static String beanName(MethodDeclaration md) {
        for (AnnotationExpr a : md.getAnnotations()) {
            if (!a.getNameAsString().endsWith("Bean")) continue;
            Expression v = a instanceof SingleMemberAnnotationExpr s ? s.getMemberValue() : null;
            if (a instanceof NormalAnnotationExpr n) {
                for (MemberValuePair p : n.getPairs()) if (p.getNameAsString().equals("name") || p.getNameAsString().equals("value")) v = p.getValue();
            }
            if (v instanceof StringLiteralExpr s) return s.asString();
            if (v != null && v.isArrayInitializerExpr() && !v.asArrayInitializerExpr().getValues().isEmpty()
                    && v.asArrayInitializerExpr().getValues().get(0) instanceof StringLiteralExpr s) return s.asString();
            return md.getNameAsString();
        }
        return "";
    }

    /** A bean method that returns an interceptor doing nothing: an empty anonymous class, or one that passes messages through. */
    private static boolean noOp(MethodDeclaration md) {
        for (ReturnStmt r : md.findAll(ReturnStmt.class)) {
            Expression e = r.getExpression().orElse(null);
            if (e instanceof ObjectCreationExpr oc && oc.getAnonymousClassBody().isPresent()) {
                boolean passThrough = true;
                for (BodyDeclaration<?> b : oc.getAnonymousClassBody().get()) {
                    if (b instanceof MethodDeclaration m && m.getBody().isPresent()) {
                        var stmts = m.getBody().get().getStatements();
                        passThrough &= stmts.size() == 1 && stmts.get(0) instanceof ReturnStmt rs
                                && rs.getExpression().map(x -> x.isNameExpr() && !m.getParameters().isEmpty()
                                && m.getParameters().stream().anyMatch(pp -> pp.getNameAsString().equals(x.asNameExpr().getNameAsString()))).orElse(false);
                    }
                }
                if (passThrough) return true;
            }
            if (e instanceof LambdaExpr l && l.getParameters().size() >= 1 && l.getExpressionBody().map(x -> x.isNameExpr()
                    && x.asNameExpr().getNameAsString().equals(l.getParameter(0).getNameAsString())).orElse(false)) return true;
        }
        return false;
    }
}
