/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import io.wsscan.rules.OriginThreat;
import io.wsscan.rules.OriginThreat.Evidence;
import io.wsscan.rules.OriginThreat.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What authenticates a Java endpoint's handshake, for the origin threat model ({@link OriginThreat}):
 * evidence of ambient credentials (the HTTP session, cookies, the user principal) and of tokens (a
 * token query parameter, an {@code Authorization} header, a JWT library), each with the file and line
 * that shows it. The vocabulary is {@code originLogic.authentication} in the models.
 */
final class HandshakeAuth {

    private final JavaIndex index;
    private final JavaTypes types;
    private final JavaModels.Authentication vocab;

    HandshakeAuth(JavaIndex index, JavaModels models, JavaTypes types) {
        this.index = index;
        this.types = types;
        this.vocab = models.authentication;
    }

    /** The evidence found under the given nodes (nulls and repeats ignored), in file and line order. */
    List<Evidence> evidence(List<? extends Node> scopes) {
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        List<Found> found = new ArrayList<>();
        for (Node scope : scopes) {
            if (scope == null || seen.put(scope, true) != null) continue;
            for (MethodCallExpr c : scope.findAll(MethodCallExpr.class)) call(c, found);
            for (ClassOrInterfaceType t : scope.findAll(ClassOrInterfaceType.class)) {
                String n = t.getNameAsString();
                if (vocab.ambientTypes().contains(n)) found.add(at(Kind.AMBIENT, "uses " + n, t));
                else if (vocab.tokenTypes().contains(n)) found.add(at(Kind.TOKEN, "verifies a token with " + n, t));
            }
            for (MarkerAnnotationExpr a : scope.findAll(MarkerAnnotationExpr.class)) {
                if (vocab.ambientTypes().contains(a.getNameAsString())) found.add(at(Kind.AMBIENT, "uses @" + a.getNameAsString(), a));
            }
        }
        found.sort(Comparator.comparing(Found::file).thenComparingInt(Found::line));
        List<Evidence> out = new ArrayList<>();
        for (Found f : found) {
            Evidence e = new Evidence(f.kind, f.what, f.file + " line " + f.line);
            if (!out.contains(e)) out.add(e);
        }
        return out;
    }

    /** Ambient evidence in an XML configuration file (web.xml {@code <login-config>}, Spring Security XML). */
    List<Evidence> xmlEvidence(io.wsscan.engine.SourceFile f) {
        io.wsscan.ir.LineIndex lines = new io.wsscan.ir.LineIndex(f.text());
        java.util.TreeMap<Integer, Evidence> byLine = new java.util.TreeMap<>();
        for (Map.Entry<String, String> m : vocab.ambientXml().entrySet()) {
            int i = f.text().indexOf(m.getKey());
            if (i < 0) continue;
            int line = lines.line(i);
            byLine.putIfAbsent(line, new Evidence(Kind.AMBIENT, m.getValue(), JavaUnit.fileName(f.relPath()) + " line " + line));
        }
        return new ArrayList<>(byLine.values());
    }

    private void call(MethodCallExpr c, List<Found> out) {
        String name = c.getNameAsString();
        Expression scope = c.getScope().orElse(null);
        if (vocab.ambientMethods().contains(name)) {
            out.add(at(Kind.AMBIENT, "calls " + name + "()", c));
        } else if (vocab.ambientRequestMethods().contains(name) && scope != null && isRequest(scope)) {
            out.add(at(Kind.AMBIENT, "calls " + name + "() on the HTTP request", c));
        } else if (scope instanceof NameExpr n && vocab.ambientTypes().contains(n.getNameAsString())) {
            out.add(at(Kind.AMBIENT, "uses " + n.getNameAsString(), c));
        } else if (scope instanceof NameExpr n && vocab.tokenTypes().contains(n.getNameAsString())) {
            out.add(at(Kind.TOKEN, "verifies a token with " + n.getNameAsString(), c));
        }
        for (Expression a : c.getArguments()) {
            String v = index.fold(a);
            if (v == null) continue;
            if (contains(vocab.ambientHeaders(), v)) out.add(at(Kind.AMBIENT, "reads the " + v + " header", c));
            else if (contains(vocab.tokenHeaders(), v)) out.add(at(Kind.TOKEN, "reads the " + v + " header", c));
            else if (vocab.tokenParameters().contains(v)) out.add(at(Kind.TOKEN, "reads the \"" + v + "\" parameter", c));
        }
    }

    /** A value that is an HTTP request: typed so, or named so when its type is out of sight. */
    private boolean isRequest(Expression e) {
        String t = types.of(e);
        if (t != null) return t.endsWith("Request") || t.endsWith("RequestContext");
        String n = e instanceof NameExpr ne ? ne.getNameAsString().toLowerCase(Locale.ROOT) : "";
        return n.equals("req") || n.endsWith("request");
    }

    private static boolean contains(java.util.Set<String> names, String v) {
        for (String n : names) if (n.equalsIgnoreCase(v)) return true;
        return false;
    }

    private Found at(Kind kind, String what, Node n) {
        JavaUnit u = index.unitOf(n);
        return new Found(kind, what, u == null ? "" : JavaUnit.fileName(u.relPath), JavaUnit.line(n));
    }

    private record Found(Kind kind, String what, String file, int line) {
    }
}
