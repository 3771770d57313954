/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.java;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which project methods a call or method reference can run, for {@link JavaTaint}'s interprocedural
 * steps. It is separate because it only resolves targets through the index and the types, and holds
 * no taint.
 */
final class JavaCallees {

    private final JavaIndex index;
    private final JavaTypes types;
    private final Map<String, List<String>> implementations = new HashMap<>();

    JavaCallees(JavaIndex index, JavaTypes types) {
        this.index = index;
        this.types = types;
    }

    /** The project methods with a body that a method reference names. */
    List<CallableDeclaration<?>> methodRef(MethodReferenceExpr mr) {
        String owner = types.methodRefOwner(mr);
        List<CallableDeclaration<?>> out = new ArrayList<>();
        if (owner != null) for (MethodDeclaration md : index.methods(owner, mr.getIdentifier())) if (md.getBody().isPresent()) out.add(md);
        return out;
    }

    /**
     * The project methods with a body a call can run: the receiver's methods of that name and arity,
     * else the implementations of a project interface, else (unqualified calls) the enclosing classes'.
     */
    List<CallableDeclaration<?>> of(MethodCallExpr m, Expression scope, String recvType) {
        String owner;
        if (scope == null || scope instanceof ThisExpr || scope instanceof SuperExpr) owner = types.thisType(m);
        else {
            String named = index.typeNamed(scope, m);
            owner = named != null && index.type(named) != null ? named : recvType;
        }
        List<CallableDeclaration<?>> out = new ArrayList<>();
        if (owner == null) return out;
        for (MethodDeclaration md : index.methods(owner, m.getNameAsString())) {
            if (md.getBody().isPresent() && (md.getParameters().size() == m.getArguments().size()
                    || (!md.getParameters().isEmpty() && md.getParameters().getLast().get().isVarArgs()))) out.add(md);
        }
        // an interface or abstract method of the project: the implementations in the scan (service interfaces)
        if (out.isEmpty() && index.type(owner) != null) {
            for (String impl : implementations(owner)) {
                for (MethodDeclaration md : index.methods(impl, m.getNameAsString())) {
                    if (md.getBody().isPresent() && md.getParameters().size() == m.getArguments().size() && !out.contains(md)) out.add(md);
                }
            }
        }
        // the enclosing class of an inner or anonymous class
        if (out.isEmpty() && scope == null) {
            for (JavaIndex.TypeInfo t = index.enclosingType(m); t != null; t = t.outer) {
                for (MethodDeclaration md : index.methods(t.fqn, m.getNameAsString())) {
                    if (md.getBody().isPresent() && md.getParameters().size() == m.getArguments().size()) out.add(md);
                }
                if (!out.isEmpty()) break;
            }
        }
        return out;
    }

    /** Project classes that extend or implement a project type (at most 8, in declaration order). */
    private List<String> implementations(String fqn) {
        return implementations.computeIfAbsent(fqn, k -> {
            List<String> out = new ArrayList<>();
            for (JavaIndex.TypeInfo t : index.allTypes()) {
                if (!t.fqn.equals(k) && index.isA(t.fqn, Set.of(k))) out.add(t.fqn);
                if (out.size() == 8) break;
            }
            return out;
        });
    }
}
