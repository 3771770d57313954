/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;

import java.util.ArrayList;
import java.util.List;

/**
 * The inventory side of the Java origin checks: what an endpoint looks like in the endpoint
 * inventory (path, origin policy, session authentication, message size limit) and the registry
 * registrations (Spring {@code addHandler}) that are endpoints without a finding of their own. It is
 * separate from {@link OriginAnalysis}, which decides the verdicts, because it only describes.
 */
final class OriginInventory {

    private final JavaIndex index;
    private final JavaModels models;
    private final JavaTypes types;

    OriginInventory(JavaIndex index, JavaModels models, JavaTypes types) {
        this.index = index;
        this.models = models;
        this.types = types;
    }

    /**
     * The inventory entry of an endpoint: its path (the annotation's value or path, or the first
     * argument of the registering call chain that folds to a string starting with '/') and policy.
     */
    io.wsscan.inventory.Endpoint endpoint(JavaUnit u, Node at, Node atEnd, JavaModels.Endpoint e, String what,
                                                  OriginLogic.Verdict v, OriginLogic.Verdict late, boolean permissiveCheck,
                                                  Node authScope, List<io.wsscan.rules.OriginThreat.Evidence> evidence) {
        io.wsscan.inventory.Endpoint.OriginPolicy policy = permissiveCheck ? io.wsscan.inventory.Endpoint.OriginPolicy.PERMISSIVE
                : v.kind() == OriginLogic.Kind.STRONG ? io.wsscan.inventory.Endpoint.OriginPolicy.CHECKED
                : io.wsscan.inventory.Endpoint.OriginPolicy.MISSING;
        List<String> notes = new ArrayList<>();
        if (v.kind() == OriginLogic.Kind.WEAK) notes.add("loose Origin check: " + v.detail());
        else if (late.kind() != OriginLogic.Kind.NONE) notes.add("Origin checked only after the handshake");
        String limit = sizeLimit(authScope != null ? authScope : u.cu);
        if (limit != null) notes.add("message size limit: " + limit);
        // evidence, not a guess: what the handshake or the handlers were seen to read
        java.util.TreeSet<String> auth = new java.util.TreeSet<>();
        for (io.wsscan.rules.OriginThreat.Evidence ev : evidence) {
            auth.add(ev.kind() == io.wsscan.rules.OriginThreat.Kind.AMBIENT ? "session/cookie" : "token");
        }
        return io.wsscan.inventory.Endpoint.server(u.relPath, JavaUnit.region(at, atEnd), e.framework(), endpointPath(at),
                what, policy, List.copyOf(auth), notes);
    }

    /** The first call or annotation element in the endpoint's class (or file) that bounds message size. */
    private String sizeLimit(Node scope) {
        for (MethodCallExpr c : scope.findAll(MethodCallExpr.class)) {
            if (models.sizeLimitMethods.contains(c.getNameAsString())) return c.getNameAsString() + "(" + argsText(c) + ")";
        }
        for (NormalAnnotationExpr a : scope.findAll(NormalAnnotationExpr.class)) {
            for (var pair : a.getPairs()) {
                if (models.sizeLimitElements.contains(pair.getNameAsString())) return "@" + a.getNameAsString() + "(" + pair + ")";
            }
        }
        return null;
    }

    private static String argsText(MethodCallExpr c) {
        String s = c.getArguments().stream().map(Node::toString).reduce((a, b) -> a + ", " + b).orElse("");
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /**
     * Registry registrations (Spring {@code addHandler}, {@code addEndpoint}): same-origin unless their
     * chain sets allowed origins — "framework default", "permissive" with a wildcard, else "checked".
     */
    void registrations(JavaUnit u, List<io.wsscan.inventory.Endpoint> endpoints) {
        for (JavaModels.Registration r : models.registrations) {
            for (MethodCallExpr c : u.cu.findAll(MethodCallExpr.class)) {
                if (!r.methods().contains(c.getNameAsString())) continue;
                String recv = c.getScope().map(types::of).orElse(null);
                if (recv == null || !types.isA(recv, r.types())) continue;
                io.wsscan.inventory.Endpoint.OriginPolicy policy = io.wsscan.inventory.Endpoint.OriginPolicy.FRAMEWORK_DEFAULT;
                List<String> notes = new ArrayList<>();
                Node cur = c;
                while (cur.getParentNode().orElse(null) instanceof MethodCallExpr m && m.getScope().orElse(null) == cur) {
                    if (r.originMethods().contains(m.getNameAsString())) {
                        boolean wildcard = false;
                        for (Expression a : m.getArguments()) {
                            List<String> values = index.foldAll(a);
                            if (values != null) for (String v : values) wildcard |= models.origin.wildcards().contains(v.trim());
                        }
                        policy = wildcard ? io.wsscan.inventory.Endpoint.OriginPolicy.PERMISSIVE : io.wsscan.inventory.Endpoint.OriginPolicy.CHECKED;
                        notes.add(m.getNameAsString() + "(" + argsText(m) + ")");
                    }
                    cur = m;
                }
                List<String> paths = new ArrayList<>();
                for (int i = r.pathArg(); i < c.getArguments().size(); i++) {
                    String p = index.fold(c.getArgument(i));
                    if (p != null && p.startsWith("/")) paths.add(p);
                }
                if (paths.isEmpty()) paths.add(null);
                for (String p : paths) {
                    endpoints.add(io.wsscan.inventory.Endpoint.server(u.relPath, JavaUnit.region(c.getName()), r.framework(), p,
                            c.getNameAsString() + "(..)", policy, List.of(), notes));
                }
            }
        }
    }

    private String endpointPath(Node at) {
        Node n = at;
        while (n != null && !(n instanceof TypeDeclaration<?>) && !(n instanceof MethodCallExpr) && !(n instanceof ObjectCreationExpr)) {
            n = n.getParentNode().orElse(null);
        }
        if (n instanceof TypeDeclaration<?> td) {
            for (AnnotationExpr a : td.getAnnotations()) {
                String p = pathOf(a);
                if (p != null) return p;
            }
            return null;
        }
        List<Expression> args = new ArrayList<>();
        if (n instanceof MethodCallExpr mc) {
            for (MethodCallExpr c : OriginAnalysis.chainCalls(index, mc)) args.addAll(c.getArguments());
            args.addAll(mc.getArguments());
        } else if (n instanceof ObjectCreationExpr oc) {
            args.addAll(oc.getArguments());
        }
        for (Expression a : args) {
            String p = index.fold(a);
            if (p != null && p.startsWith("/")) return p;
        }
        return null;
    }

    private String pathOf(AnnotationExpr a) {
        Expression value = null;
        if (a instanceof SingleMemberAnnotationExpr sm) value = sm.getMemberValue();
        if (a instanceof NormalAnnotationExpr na) {
            for (var pair : na.getPairs()) {
                if (pair.getNameAsString().equals("value") || pair.getNameAsString().equals("path")) value = pair.getValue();
            }
        }
        if (value instanceof ArrayInitializerExpr arr && !arr.getValues().isEmpty()) value = arr.getValues().get(0);
        String p = value == null ? null : index.fold(value);
        return p != null && p.startsWith("/") ? p : null;
    }
}
