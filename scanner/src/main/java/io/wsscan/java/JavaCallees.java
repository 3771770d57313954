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
    /** Supertype to its concrete project subtypes, in declaration order; made on first use. */
    private Map<String, java.util.LinkedHashSet<String>> subtypes;
    private Set<String> constructed;

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
     * Where a call goes: the project methods with a body it can run, and whether they were found by
     * class-hierarchy dispatch (an interface or abstract method resolved to its implementations).
     */
    record Targets(List<CallableDeclaration<?>> methods, boolean dispatched) {
        static final Targets NONE = new Targets(List.of(), false);
    }

    /**
     * At most this many implementations are followed from one interface or abstract call. With more,
     * only the ones the project constructs ({@code new Impl(..)}) are followed if they are few enough;
     * otherwise none: a call to one of dozens of handlers would put every handler's sinks on the path.
     */
    static final int MAX_DISPATCH = 4;

    /**
     * The project methods with a body a call can run: the receiver's methods of that name and arity,
     * else the implementations of a project interface or abstract method (bounded, see
     * {@link #MAX_DISPATCH}), else (unqualified calls) the enclosing classes'.
     */
    Targets of(MethodCallExpr m, Expression scope, String recvType) {
        String owner;
        if (scope == null || scope instanceof ThisExpr || scope instanceof SuperExpr) owner = types.thisType(m);
        else {
            String named = index.typeNamed(scope, m);
            owner = named != null && index.type(named) != null ? named : recvType;
        }
        List<CallableDeclaration<?>> out = new ArrayList<>();
        if (owner == null) return Targets.NONE;
        for (MethodDeclaration md : index.methods(owner, m.getNameAsString())) {
            if (md.getBody().isPresent() && (md.getParameters().size() == m.getArguments().size()
                    || (!md.getParameters().isEmpty() && md.getParameters().getLast().get().isVarArgs()))) out.add(md);
        }
        if (!out.isEmpty()) return new Targets(out, false);
        // an interface or abstract method of the project: the implementations in the scan (service interfaces)
        if (index.type(owner) != null) {
            List<List<MethodDeclaration>> byImpl = new ArrayList<>();
            List<String> impls = new ArrayList<>();
            for (String impl : implementations(owner)) {
                List<MethodDeclaration> found = new ArrayList<>();
                for (MethodDeclaration md : index.methods(impl, m.getNameAsString())) {
                    if (md.getBody().isPresent() && md.getParameters().size() == m.getArguments().size()) found.add(md);
                }
                if (!found.isEmpty()) {
                    byImpl.add(found);
                    impls.add(impl);
                }
            }
            if (byImpl.size() > MAX_DISPATCH) {
                List<List<MethodDeclaration>> built = new ArrayList<>();
                for (int i = 0; i < impls.size(); i++) if (constructed().contains(impls.get(i))) built.add(byImpl.get(i));
                byImpl = built.size() <= MAX_DISPATCH ? built : List.of();
            }
            for (List<MethodDeclaration> ms : byImpl) for (MethodDeclaration md : ms) if (!out.contains(md)) out.add(md);
            if (!out.isEmpty()) return new Targets(out, true);
        }
        // the enclosing class of an inner or anonymous class
        if (scope == null) {
            for (JavaIndex.TypeInfo t = index.enclosingType(m); t != null; t = t.outer) {
                for (MethodDeclaration md : index.methods(t.fqn, m.getNameAsString())) {
                    if (md.getBody().isPresent() && md.getParameters().size() == m.getArguments().size()) out.add(md);
                }
                if (!out.isEmpty()) break;
            }
        }
        return new Targets(out, false);
    }

    /** Concrete project classes that extend or implement a project type, in declaration order. */
    private List<String> implementations(String fqn) {
        if (subtypes == null) {
            // one pass over the project's types, instead of one per asked interface
            subtypes = new HashMap<>();
            for (JavaIndex.TypeInfo t : index.allTypes()) {
                boolean concrete = !(t.decl instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c) || !(c.isInterface() || c.isAbstract());
                if (!concrete) continue;
                for (String s : index.supertypes(t.fqn)) {
                    if (!s.equals(t.fqn)) subtypes.computeIfAbsent(s, k -> new java.util.LinkedHashSet<>()).add(t.fqn);
                }
            }
        }
        return implementations.computeIfAbsent(fqn, k -> List.copyOf(subtypes.getOrDefault(k, new java.util.LinkedHashSet<>())));
    }

    /** Project types the scan constructs with {@code new} somewhere (anonymous classes count for their base). */
    private Set<String> constructed() {
        if (constructed == null) {
            constructed = new java.util.HashSet<>();
            for (JavaUnit u : index.units()) {
                for (com.github.javaparser.ast.expr.ObjectCreationExpr o : u.all(com.github.javaparser.ast.expr.ObjectCreationExpr.class)) {
                    constructed.add(index.resolve(o.getType(), o));
                }
            }
        }
        return constructed;
    }
}
