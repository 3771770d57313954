/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inventory side of the Java origin checks: what an endpoint looks like in the endpoint
 * inventory (path, origin policy, session authentication, message size limit) and the registry
 * registrations (Spring {@code addHandler}) that are endpoints without a finding of their own. It is
 * separate from {@link OriginAnalysis}, which decides the verdicts, because it only describes.
 */
final class OriginInventory {

    /** The detail of a verdict that trusts a check out of sight (an interceptor passed in): no finding, and no "checked" either. */
    static final String OUT_OF_SIGHT = "out of sight";

    private final JavaIndex index;
    private final JavaModels models;
    private final JavaTypes types;
    private final ProjectSettings settings;
    /** Paths code maps servlets to (context path included): by servlet class, and by anonymous servlet object. */
    private Map<String, List<String>> mappedClasses;
    private final Map<Node, List<String>> mappedObjects = new IdentityHashMap<>();

    OriginInventory(JavaIndex index, JavaModels models, JavaTypes types, ProjectSettings settings) {
        this.index = index;
        this.models = models;
        this.types = types;
        this.settings = settings;
    }

    /**
     * The inventory entry of an endpoint: its path (the annotation's value or path, or the first
     * argument of the registering call chain that folds to a string starting with '/') and policy.
     */
    io.wsscan.inventory.Endpoint endpoint(JavaUnit u, Node at, Node atEnd, JavaModels.Endpoint e, String what,
                                                  OriginLogic.Verdict v, OriginLogic.Verdict late, boolean permissiveCheck,
                                                  Node authScope, List<io.wsscan.rules.OriginThreat.Evidence> evidence) {
        boolean unseen = v.kind() == OriginLogic.Kind.STRONG && OUT_OF_SIGHT.equals(v.detail());
        io.wsscan.inventory.Endpoint.OriginPolicy policy = permissiveCheck ? io.wsscan.inventory.Endpoint.OriginPolicy.PERMISSIVE
                : unseen ? io.wsscan.inventory.Endpoint.OriginPolicy.FRAMEWORK_DEFAULT
                : v.kind() == OriginLogic.Kind.STRONG ? io.wsscan.inventory.Endpoint.OriginPolicy.CHECKED
                : io.wsscan.inventory.Endpoint.OriginPolicy.MISSING;
        List<String> notes = new ArrayList<>();
        // no finding (the analysis gives code it cannot see the benefit of the doubt), but no claim of a check either
        if (unseen) notes.add("an interceptor handed in from elsewhere decides; nothing in sight checks the Origin");
        if (v.kind() == OriginLogic.Kind.WEAK) notes.add("loose Origin check: " + v.detail());
        else if (late.kind() != OriginLogic.Kind.NONE && v.kind() != OriginLogic.Kind.STRONG) notes.add("Origin checked only after the handshake");
        String limit = sizeLimit(authScope != null ? authScope : u.cu);
        if (limit != null) notes.add("message size limit: " + limit);
        // evidence, not a guess: what the handshake or the handlers were seen to read
        java.util.TreeSet<String> auth = new java.util.TreeSet<>();
        for (io.wsscan.rules.OriginThreat.Evidence ev : evidence) {
            auth.add(ev.kind() == io.wsscan.rules.OriginThreat.Kind.AMBIENT ? "session/cookie" : "token");
        }
        String path = endpointPath(at);
        Node site = site(at);
        if (path != null && site instanceof MethodCallExpr mc) path = join(contextOf(mc), path);
        if (path == null) path = mappedPath(site);
        else if (e.servlet()) path = join(bootContext(u), path);
        return io.wsscan.inventory.Endpoint.server(u.relPath, JavaUnit.region(at, atEnd), e.framework(), path,
                what, policy, List.copyOf(auth), notes);
    }

    // ------------------------------------------------------------------ paths under servlets and contexts

    /** The declaration, call or construction an endpoint is reported at. */
    private static Node site(Node at) {
        Node n = at;
        while (n != null && !(n instanceof TypeDeclaration<?>) && !(n instanceof MethodCallExpr) && !(n instanceof ObjectCreationExpr)) {
            n = n.getParentNode().orElse(null);
        }
        return n;
    }

    /**
     * The path code maps a servlet endpoint to: the class's or anonymous object's mapping, else (a
     * registration inside a servlet, Jetty's {@code factory.register(..)} in {@code configure}) the
     * mapping of the servlet around it.
     */
    private String mappedPath(Node site) {
        mapServlets();
        for (Node n = site; n != null; n = n.getParentNode().orElse(null)) {
            List<String> p = null;
            if (n instanceof ObjectCreationExpr oc && oc.getAnonymousClassBody().isPresent()) p = mappedObjects.get(oc);
            else if (n instanceof TypeDeclaration<?> td && index.info(td) != null) p = mappedClasses.get(index.info(td).fqn);
            if (p != null) return p.get(0);
        }
        return null;
    }

    /** Reads every servlet mapping of the batch once: {@code addServlet(holder, "/p")}, {@code .addMapping("/p")}, Guice {@code serve("/p").with(S.class)}. */
    private void mapServlets() {
        if (mappedClasses != null) return;
        mappedClasses = new HashMap<>();
        JavaModels.ServletMappings sm = models.servletMappings;
        for (JavaUnit u : index.units()) {
            for (MethodCallExpr c : u.all(MethodCallExpr.class)) {
                List<String> paths = new ArrayList<>();
                List<Expression> servlets = new ArrayList<>();
                String context = null;
                if (sm.calls().contains(c.getNameAsString())) {
                    for (Expression a : c.getArguments()) {
                        String p = index.fold(a);
                        if (p != null && p.startsWith("/")) paths.add(p);
                        else servlets.add(a);
                    }
                    for (MethodCallExpr m : OriginAnalysis.chainCalls(index, c)) {
                        if (!sm.chained().contains(m.getNameAsString())) continue;
                        for (Expression a : m.getArguments()) {
                            String p = index.fold(a);
                            if (p != null && p.startsWith("/")) paths.add(p);
                        }
                    }
                    context = contextOf(c);
                } else if (sm.with().contains(c.getNameAsString()) && c.getScope().orElse(null) instanceof MethodCallExpr serve
                        && sm.serve().contains(serve.getNameAsString())) {
                    for (Expression a : serve.getArguments()) {
                        String p = index.fold(a);
                        if (p != null && p.startsWith("/")) paths.add(p);
                    }
                    servlets.addAll(c.getArguments());
                }
                if (paths.isEmpty()) continue;
                List<String> full = new ArrayList<>();
                for (String p : paths) full.add(join(context, p));
                for (Expression a : servlets) servletsOf(a, full, 0);
            }
        }
    }

    /** Records the paths for the servlet an argument names: a class literal, a (holder) construction, a variable holding one. */
    private void servletsOf(Expression a, List<String> paths, int depth) {
        Expression x = OriginAnalysis.resolveValue(index, a);
        if (x instanceof ClassExpr ce) {
            mappedClasses.computeIfAbsent(index.resolve(ce.getType(), ce), k -> new ArrayList<>()).addAll(paths);
        } else if (x instanceof ObjectCreationExpr oc) {
            if (oc.getAnonymousClassBody().isPresent()) {
                mappedObjects.computeIfAbsent(oc, k -> new ArrayList<>()).addAll(paths);
                return;
            }
            mappedClasses.computeIfAbsent(index.resolve(oc.getType(), oc), k -> new ArrayList<>()).addAll(paths);
            // a holder: new ServletHolder(servlet), new ServletHolder(Servlet.class)
            if (depth < 2) for (Expression inner : oc.getArguments()) servletsOf(inner, paths, depth + 1);
        }
    }

    /**
     * The context path a call registers under: the nearest call (this one, then the ones around it)
     * whose receiver is a context with a path, or a container of one
     * ({@code configure(context, (sc, container) -> container.addEndpoint(..))}).
     */
    String contextOf(MethodCallExpr call) {
        for (Node n = call; n != null && !(n instanceof TypeDeclaration<?>); n = n.getParentNode().orElse(null)) {
            if (n instanceof MethodCallExpr mc && mc.getScope().isPresent()) {
                String p = contextPath(mc.getScope().get(), 0);
                if (p != null) return p;
            }
            if (n instanceof LambdaExpr l && l.getParentNode().orElse(null) instanceof MethodCallExpr outer) {
                for (Expression a : outer.getArguments()) {
                    String p = a == l ? null : contextPath(a, 0);
                    if (p != null) return p;
                }
            }
        }
        return null;
    }

    /** The path of a servlet context expression: a {@code setContextPath("/app")} on its variable, or a constructor or factory argument. */
    private String contextPath(Expression scope, int depth) {
        if (depth > 3 || !(scope instanceof NameExpr || scope instanceof FieldAccessExpr f && f.getScope().isThisExpr())) return null;
        Expression init = index.initializer(scope);
        if (init == null) return null;
        for (MethodCallExpr m : OriginAnalysis.chainCalls(index, init)) {
            if (models.servletMappings.contextPath().contains(m.getNameAsString()) && !m.getArguments().isEmpty()) {
                String p = index.fold(m.getArgument(0));
                if (p != null && p.startsWith("/")) return p;
            }
        }
        if (init instanceof ObjectCreationExpr oc) {
            for (Expression a : oc.getArguments()) {
                String p = index.fold(a);
                if (p != null && p.startsWith("/")) return p;
            }
        }
        // a container made from a context: WebSocketServerContainerInitializer.configureContext(context)
        if (init instanceof MethodCallExpr mc) {
            for (Expression a : mc.getArguments()) {
                String p = contextPath(a, depth + 1);
                if (p != null) return p;
            }
        }
        return null;
    }

    /** The servlet context path a Spring Boot module sets ({@code server.servlet.context-path}), or null. */
    String bootContext(JavaUnit u) {
        if (settings == null) return null;
        for (String key : models.servletMappings.settings()) {
            List<String> v = settings.property(key, u.relPath);
            if (v != null && !v.isEmpty() && v.get(0).trim().startsWith("/")) return v.get(0).trim();
        }
        return null;
    }

    /** A path under a context path ("/app" + "/ws" = "/app/ws"; no context or "/" leaves it as it is). */
    static String join(String context, String path) {
        if (context == null || path == null) return path;
        String c = context.endsWith("/") ? context.substring(0, context.length() - 1) : context;
        return c.isEmpty() ? path : c + path;
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
            for (MethodCallExpr c : u.all(MethodCallExpr.class)) {
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
                String context = r.servlet() ? bootContext(u) : null;
                for (String p : paths) {
                    endpoints.add(io.wsscan.inventory.Endpoint.server(u.relPath, JavaUnit.region(c.getName()), r.framework(), join(context, p),
                            c.getNameAsString() + "(..)", policy, List.of(), notes));
                }
            }
        }
    }

    private String endpointPath(Node at) {
        Node n = site(at);
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
                // value/path (endpoint annotations), urlPatterns (@WebServlet)
                if (pair.getNameAsString().equals("value") || pair.getNameAsString().equals("path") || pair.getNameAsString().equals("urlPatterns")) value = pair.getValue();
            }
        }
        if (value instanceof ArrayInitializerExpr arr && !arr.getValues().isEmpty()) value = arr.getValues().get(0);
        String p = value == null ? null : index.fold(value);
        return p != null && p.startsWith("/") ? p : null;
    }
}
