package io.wsscan.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The origin checks of Java WebSocket servers: finds every endpoint the models describe, decides
 * whether something checks the Origin before the handshake completes (a configurator, creator,
 * interceptor, filter, upgrade check, CORS setting), and reports endpoints without a check or with a
 * loose or late one ({@value #MISSING}), plus explicitly permissive configuration ({@value #PERMISSIVE}).
 * {@link OriginPermissive} finds the permissive configuration and {@link OriginInventory} describes
 * each endpoint for the inventory; this class decides the verdicts and reports the findings.
 */
final class OriginAnalysis {

    static final String MISSING = "java-origin-missing";
    static final String PERMISSIVE = "java-origin-permissive";

    private final JavaIndex index;
    private final JavaModels models;
    private final JavaTypes types;
    private final OriginLogic logic;
    private final ProjectSettings settings;
    private final OriginPermissive permissive;
    private final OriginInventory inventory;
    private final HandshakeAuth auth;
    /** Per module: names of methods called and types instantiated anywhere in it. */
    private final Map<String, Set<String>> calledNames = new HashMap<>();
    private final Map<String, Set<String>> createdTypes = new HashMap<>();
    private final Map<String, OriginLogic.Verdict> projectVerdicts = new HashMap<>();
    /** Annotated endpoint classes (fqn) -> the calls that also register them by code, in scan order. */
    private final Map<String, List<Registration>> registeredBy = new HashMap<>();

    /** A call that registers an annotated endpoint class; {@code row} is the endpoint row whose chain may add a configurator, or null. */
    private record Registration(JavaUnit unit, MethodCallExpr call, JavaModels.Endpoint row) {
    }

    OriginAnalysis(JavaIndex index, JavaModels models, JavaTypes types, ProjectSettings settings) {
        this.index = index;
        this.models = models;
        this.types = types;
        this.logic = new OriginLogic(models, types);
        this.settings = settings;
        this.permissive = new OriginPermissive(index, models, types, logic);
        this.inventory = new OriginInventory(index, models, types, settings);
        this.auth = new HandshakeAuth(index, models, types);
        for (JavaUnit u : index.units()) {
            Set<String> called = calledNames.computeIfAbsent(u.module(), k -> new HashSet<>());
            Set<String> created = createdTypes.computeIfAbsent(u.module(), k -> new HashSet<>());
            for (MethodCallExpr c : u.all(MethodCallExpr.class)) called.add(c.getNameAsString());
            for (ObjectCreationExpr o : u.all(ObjectCreationExpr.class)) created.add(index.resolve(o.getType(), o));
        }
        for (JavaUnit u : index.units()) {
            for (MethodCallExpr c : u.all(MethodCallExpr.class)) {
                for (JavaModels.Endpoint e : models.endpoints) {
                    if (e.classArg() >= 0 && e.callMethods().contains(c.getNameAsString()) && typedCall(c, e.callTypes(), e.untyped())) {
                        String cls = annotatedClassArg(c, e.classArg());
                        if (cls != null) registeredBy.computeIfAbsent(cls, k -> new ArrayList<>()).add(new Registration(u, c, e));
                    }
                    if (e.registrationMethods().contains(c.getNameAsString()) && typedCall(c, e.registrationTypes(), false)) {
                        for (int i = 0; i < c.getArguments().size(); i++) {
                            String cls = annotatedClassArg(c, i);
                            if (cls != null) registeredBy.computeIfAbsent(cls, k -> new ArrayList<>()).add(new Registration(u, c, null));
                        }
                    }
                }
            }
        }
    }

    private boolean typedCall(MethodCallExpr c, Set<String> callTypes, boolean untyped) {
        String recv = c.getScope().map(types::of).orElse(null);
        return recv != null ? types.isA(recv, callTypes) : untyped;
    }

    /** The project class named by a class literal argument when an endpoint annotation declares it, else null. */
    private String annotatedClassArg(MethodCallExpr c, int i) {
        if (i >= c.getArguments().size() || !(c.getArgument(i) instanceof ClassExpr ce)) return null;
        JavaIndex.TypeInfo t = index.type(index.resolve(ce.getType(), ce));
        if (t == null) return null;
        for (AnnotationExpr a : t.decl.getAnnotations()) {
            String name = index.resolve(a.getNameAsString(), a);
            for (JavaModels.Endpoint e : models.endpoints) if (e.annotations().contains(name)) return t.fqn;
        }
        return null;
    }

    /** Server endpoints found by {@link #run}, for the inventory (every endpoint, checked ones too). */
    final List<io.wsscan.inventory.Endpoint> endpoints = new ArrayList<>();

    List<JavaHit> run(JavaUnit u) {
        List<JavaHit> hits = new ArrayList<>();
        for (TypeDeclaration<?> td : u.all(TypeDeclaration.class)) {
            JavaIndex.TypeInfo t = index.info(td);
            if (t == null) continue;
            for (JavaModels.Endpoint e : models.endpoints) {
                if (!e.annotations().isEmpty()) annotated(u, t, e, hits);
                if (!e.extendsTypes().isEmpty()) subclass(u, t, e, hits);
            }
        }
        for (LambdaExpr l : u.all(LambdaExpr.class)) {
            String target = types.lambdaTarget(l);
            if (target == null) continue;
            for (JavaModels.Endpoint e : models.endpoints) {
                if (!e.extendsTypes().isEmpty() && index.isA(target, e.extendsTypes())) functional(u, l, e, hits);
            }
        }
        for (ObjectCreationExpr o : u.all(ObjectCreationExpr.class)) {
            String type = index.resolve(o.getType(), o);
            for (JavaModels.Endpoint e : models.endpoints) {
                if (e.newTypes().contains(type)) created(u, o, e, hits);
                if (o.getAnonymousClassBody().isPresent() && !e.extendsTypes().isEmpty() && index.isA(type, e.extendsTypes())) {
                    anonymous(u, o, type, e, hits);
                }
            }
        }
        for (MethodCallExpr c : u.all(MethodCallExpr.class)) {
            for (JavaModels.Endpoint e : models.endpoints) {
                if (!e.callMethods().contains(c.getNameAsString()) || !typedCall(c, e.callTypes(), e.untyped())) continue;
                // the registration of an annotated class is part of that endpoint, judged at its annotation
                if (e.classArg() >= 0 && annotatedClassArg(c, e.classArg()) != null) continue;
                called(u, c, e, hits);
            }
        }
        permissive.run(u, hits);
        inventory.registrations(u, endpoints);
        return hits;
    }

    // ------------------------------------------------------------------ endpoint shapes

    private void annotated(JavaUnit u, JavaIndex.TypeInfo t, JavaModels.Endpoint e, List<JavaHit> hits) {
        AnnotationExpr ann = null;
        for (AnnotationExpr a : t.decl.getAnnotations()) {
            if (e.annotations().contains(index.resolve(a.getNameAsString(), a))) ann = a;
        }
        if (ann == null) return;
        OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
        boolean permissiveCheck = false;
        List<Node> authScopes = new ArrayList<>(List.of(t.decl));
        Expression conf = e.configuratorElement() == null ? null : element(ann, e.configuratorElement());
        if (conf instanceof ClassExpr ce) {
            String cfg = index.resolve(ce.getType(), ce);
            JavaIndex.TypeInfo ct = index.type(cfg);
            if (ct != null) authScopes.add(ct.decl);
            // a library configurator we cannot see gives no verdict, unless the models say it does not check
            if (ct == null && !e.plainConfigurators().contains(cfg)) return;
            Result r = configurator(cfg, e.configuratorMethods());
            v = r.verdict;
            permissiveCheck = r.permissive;
        }
        v = v.or(project(e, u));
        String cfgState = e.config() == null ? null : settings.state(e.config(), u.relPath);
        if ("checked".equals(cfgState)) v = v.or(new OriginLogic.Verdict(OriginLogic.Kind.STRONG, null, null));
        if ("permissive".equals(cfgState)) permissiveCheck = true;
        // registered by code as well: a configurator given to a registration guards the class too
        List<Registration> regs = registeredBy.getOrDefault(t.fqn, List.of());
        for (Registration r : regs) {
            if (r.row() == null) continue;
            Result rr = chainConfigurators(r.call(), r.row());
            v = v.or(rr.verdict);
            permissiveCheck |= rr.permissive;
            authScopes.addAll(registering(r.call()));
        }
        OriginLogic.Verdict late = late(t.decl.getMembers(), e);
        int found = hits.size(), listed = endpoints.size();
        report(u, ann, ann, e, describe(t, ann), v, late, permissiveCheck, t.decl, authScopes, hits);
        if (!regs.isEmpty()) withRegistrations(u, ann, describe(t, ann), regs, hits, found, listed);
    }

    /**
     * One endpoint, one finding: the finding and the inventory entry of an annotated class stay at its
     * annotation, and each registration by code is a step of the finding's trace and a note of the entry.
     */
    private void withRegistrations(JavaUnit u, Node at, String what, List<Registration> regs, List<JavaHit> hits, int found, int listed) {
        List<io.wsscan.findings.Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Registration r : regs) {
            String path = null;
            for (Expression a : r.call().getArguments()) {
                String p = index.fold(a);
                if (p != null && p.startsWith("/")) path = p;
            }
            String where = r.call().getNameAsString() + "(..)" + (path == null ? "" : " at \"" + path + "\"");
            steps.add(new io.wsscan.findings.Step(r.unit().relPath, JavaUnit.region(r.call().getName()), "also registered: " + where));
            notes.add("also registered by " + where + " (" + r.unit().relPath + " line " + JavaUnit.line(r.call().getName()) + ")");
        }
        for (int i = found; i < hits.size(); i++) {
            JavaHit h = hits.get(i);
            List<io.wsscan.findings.Step> trace = new ArrayList<>(h.trace());
            if (trace.isEmpty()) trace.add(new io.wsscan.findings.Step(u.relPath, JavaUnit.region(at), "endpoint: " + what));
            trace.addAll(steps);
            hits.set(i, new JavaHit(h.check(), h.source(), h.file(), h.region(), h.detail(), h.sink(), trace, h.level()));
        }
        // deployed under one context path by all its registrations: the path is under it
        java.util.Set<String> contexts = new java.util.HashSet<>();
        for (Registration r : regs) contexts.add(String.valueOf(inventory.contextOf(r.call())));
        String context = contexts.size() == 1 ? inventory.contextOf(regs.get(0).call()) : null;
        for (int i = listed; i < endpoints.size(); i++) {
            io.wsscan.inventory.Endpoint ep = endpoints.get(i).withNotes(notes);
            if (context != null && ep.path() != null) ep = ep.withPath(OriginInventory.join(context, ep.path()));
            endpoints.set(i, ep);
        }
    }

    private void subclass(JavaUnit u, JavaIndex.TypeInfo t, JavaModels.Endpoint e, List<JavaHit> hits) {
        if (!(t.decl instanceof ClassOrInterfaceDeclaration c) || c.isInterface() || c.isAbstract()) return;
        if (!index.isA(t.fqn, e.extendsTypes())) return;
        Result r = overrides(u, t.fqn, List.of(), e);
        OriginLogic.Verdict late = late(t.decl.getMembers(), e);
        for (String s : t.supertypes) if (index.type(s) != null) late = late.or(late(index.type(s).decl.getMembers(), e));
        String what = (c.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.LocalClassDeclarationStmt ? "local class " : "class ") + t.simpleName();
        report(u, c, c.getName(), e, what, r.verdict, late, r.permissive, t.decl, List.of(t.decl), hits);
    }

    /** {@code new WebSocketServer(addr) { .. }}: an anonymous subclass is an endpoint like a named one. */
    private void anonymous(JavaUnit u, ObjectCreationExpr o, String type, JavaModels.Endpoint e, List<JavaHit> hits) {
        List<BodyDeclaration<?>> body = o.getAnonymousClassBody().orElseThrow();
        Result r = overrides(u, type, body, e);
        OriginLogic.Verdict late = late(body, e);
        if (index.type(type) != null) late = late.or(late(index.type(type).decl.getMembers(), e));
        report(u, o, o.getType(), e, "anonymous " + o.getType().getNameAsString() + " subclass", r.verdict, late, r.permissive, o,
                List.of(o), hits);
    }

    /**
     * The check methods a subclass overrides (in {@code body}, or in {@code type} and its project
     * supertypes) and the module-wide checks of its framework.
     */
    private Result overrides(JavaUnit u, String type, List<BodyDeclaration<?>> body, JavaModels.Endpoint e) {
        OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
        boolean permissiveCheck = false;
        for (String mname : e.checkMethods()) {
            List<MethodDeclaration> mds = new ArrayList<>();
            for (BodyDeclaration<?> b : body) if (b instanceof MethodDeclaration md && md.getNameAsString().equals(mname)) mds.add(md);
            mds.addAll(index.methods(type, mname));
            for (MethodDeclaration md : mds) {
                if (logic.alwaysTrue(md)) permissiveCheck = true;
                v = v.or(logic.classify(md, originParams(md, mname)));
            }
        }
        if (!e.alsoImplements().isEmpty() && index.isA(type, e.alsoImplements())) v = v.or(strong());
        for (String call : e.projectCalls()) if (calledNames.getOrDefault(u.module(), Set.of()).contains(call)) v = v.or(strong());
        for (String pt : e.projectTypes()) if (createdTypes.getOrDefault(u.module(), Set.of()).contains(pt)) v = v.or(strong());
        return new Result(v.or(project(e, u)), permissiveCheck);
    }

    /** A handler written as a lambda (WebFlux {@code WebSocketHandler h = session -> ..}): module-wide checks only. */
    private void functional(JavaUnit u, LambdaExpr l, JavaModels.Endpoint e, List<JavaHit> hits) {
        OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
        for (String call : e.projectCalls()) if (calledNames.getOrDefault(u.module(), Set.of()).contains(call)) v = v.or(strong());
        for (String pt : e.projectTypes()) if (createdTypes.getOrDefault(u.module(), Set.of()).contains(pt)) v = v.or(strong());
        v = v.or(project(e, u));
        Node end = l.getParameters().isEmpty() ? l : l.getParameter(l.getParameters().size() - 1);
        report(u, l, end, e, "lambda handler", v, OriginLogic.Verdict.NONE, false, null, registering(l), hits);
    }

    private void created(JavaUnit u, ObjectCreationExpr o, JavaModels.Endpoint e, List<JavaHit> hits) {
        if (!e.insideAnnotated().isEmpty() && !insideAnnotated(o, e.insideAnnotated())) return;
        OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
        boolean permissiveCheck = false;
        List<Expression> checkArgs = new ArrayList<>();
        if (e.checkArgs()) checkArgs.addAll(o.getArguments());
        for (MethodCallExpr c : chainCalls(o)) {
            if (e.chainCheck().contains(c.getNameAsString())) checkArgs.addAll(c.getArguments());
            if (e.chainConfigurator().contains(c.getNameAsString()) && !c.getArguments().isEmpty()) {
                Result r = configuratorOf(c.getArgument(0), e.configuratorMethods());
                v = v.or(r.verdict);
                permissiveCheck |= r.permissive;
            }
        }
        for (Expression a : checkArgs) v = v.or(interceptor(a));
        if (o.getAnonymousClassBody().isPresent() && !e.configuratorMethods().isEmpty()) {
            // new ServerEndpointRegistration(path, ep) { checkOrigin(..) }: the registration is its own configurator
            Result r = configuratorOf(o, e.configuratorMethods());
            v = v.or(r.verdict);
            permissiveCheck |= r.permissive;
        }
        if (!e.siblingHandlers().isEmpty()) v = v.or(siblings(o, e));
        report(u, o, o, e, "new " + o.getType().getNameAsString() + "(..)", v, OriginLogic.Verdict.NONE, permissiveCheck, null,
                registering(o), hits);
    }

    private void called(JavaUnit u, MethodCallExpr call, JavaModels.Endpoint e, List<JavaHit> hits) {
        OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
        boolean permissiveCheck = false;
        if ("enclosing".equals(e.creator())) {
            Node scope = enclosingBody(call);
            v = v.or(logic.classify(scope, Set.of()));
        } else if (e.creator() != null) {
            int i = Integer.parseInt(e.creator());
            if (i < call.getArguments().size()) v = v.or(creator(call.getArgument(i), e.checkMethods()));
        }
        Result chained = chainConfigurators(call, e);
        v = v.or(chained.verdict);
        permissiveCheck |= chained.permissive;
        // the endpoint class a registration names (Builder.create(Echo.class, ..)): its onOpen runs after the handshake
        OriginLogic.Verdict late = OriginLogic.Verdict.NONE;
        if (e.classArg() >= 0 && e.classArg() < call.getArguments().size() && call.getArgument(e.classArg()) instanceof ClassExpr ce) {
            for (String s : index.supertypes(index.resolve(ce.getType(), ce))) {
                if (index.type(s) != null) late = late.or(late(index.type(s).decl.getMembers(), e));
            }
        }
        if (e.optionsArg() >= 0) {
            if (e.optionsArg() < call.getArguments().size() && setsOptions(call.getArgument(e.optionsArg()), e.optionsMethods())) v = v.or(strong());
        }
        if (!e.siblingCalls().isEmpty()) {
            // server.webSocketHandshakeHandler(..) on the same server: the same variable, or the same call chain
            List<MethodCallExpr> same = new ArrayList<>();
            Expression scope = call.getScope().orElse(null);
            Node body = enclosingBody(call);
            if (scope instanceof NameExpr n && body != null) {
                for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
                    if (c.getScope().orElse(null) instanceof NameExpr sn && sn.getNameAsString().equals(n.getNameAsString())) same.add(c);
                }
            } else {
                Expression root = call;
                while (root instanceof MethodCallExpr mc && mc.getScope().isPresent()) root = mc.getScope().get();
                same.addAll(chainCalls(root));
            }
            for (MethodCallExpr c : same) {
                if (e.siblingCalls().contains(c.getNameAsString()) && !c.getArguments().isEmpty()) v = v.or(creator(c.getArgument(0), Set.of()));
            }
        }
        if (!e.wrappers().isEmpty()) v = v.or(wrapper(call, e));
        report(u, call.getName(), call.getName(), e, call.getNameAsString() + "(..)", v, late, permissiveCheck, null,
                registering(call), hits);
    }

    /** The configurators given to calls chained on a registration ({@code .configurator(new X())}). */
    private Result chainConfigurators(MethodCallExpr call, JavaModels.Endpoint e) {
        OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
        boolean permissiveCheck = false;
        for (MethodCallExpr c : chainCalls(call)) {
            if (e.chainConfigurator().contains(c.getNameAsString()) && !c.getArguments().isEmpty()) {
                Result r = configuratorOf(c.getArgument(0), e.configuratorMethods());
                v = v.or(r.verdict);
                permissiveCheck |= r.permissive;
            }
        }
        return new Result(v, permissiveCheck);
    }

    // ------------------------------------------------------------------ check points

    private record Result(OriginLogic.Verdict verdict, boolean permissive) {
    }

    /** A configurator class: its checkOrigin (parameter 0 is the origin) and modifyHandshake. */
    private Result configurator(String fqn, Set<String> methods) {
        OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
        boolean permissive = false;
        for (String mname : methods) {
            for (MethodDeclaration md : index.methods(fqn, mname)) {
                if ("checkOrigin".equals(mname) && logic.alwaysTrue(md)) permissive = true;
                v = v.or(logic.classify(md, originParams(md, mname)));
            }
        }
        return new Result(v, permissive);
    }

    private Result configuratorOf(Expression arg, Set<String> methods) {
        Expression x = resolveValue(arg);
        if (x instanceof ObjectCreationExpr oc) {
            if (oc.getAnonymousClassBody().isPresent()) {
                OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
                boolean permissive = false;
                for (BodyDeclaration<?> b : oc.getAnonymousClassBody().get()) {
                    if (b instanceof MethodDeclaration md && methods.contains(md.getNameAsString())) {
                        if ("checkOrigin".equals(md.getNameAsString()) && logic.alwaysTrue(md)) permissive = true;
                        v = v.or(logic.classify(md, originParams(md, md.getNameAsString())));
                    }
                }
                return new Result(v, permissive);
            }
            return configurator(index.resolve(oc.getType(), oc), methods);
        }
        String t = types.of(x);
        return t == null ? new Result(OriginLogic.Verdict.NONE, false) : configurator(t, methods);
    }

    /** checkOrigin(String) and verifyOrigin(String) take the origin as their first parameter, Jetty 8's checkOrigin(request, String) as its second. */
    private static Set<Parameter> originParams(MethodDeclaration md, String name) {
        if (!name.equals("checkOrigin") && !name.equals("verifyOrigin")) return Set.of();
        if (md.getParameters().size() == 1) return Set.of(md.getParameter(0));
        if (md.getParameters().size() == 2 && JavaIndex.typeName(md.getParameter(1).getType()).equals("String")) return Set.of(md.getParameter(1));
        return Set.of();
    }

    /** A creator/listener/handler argument: lambda, method reference, anonymous or project class, variable. */
    private OriginLogic.Verdict creator(Expression arg, Set<String> checkMethods) {
        Expression x = resolveValue(arg);
        if (x instanceof LambdaExpr l) return logic.classify(l.getBody(), Set.of());
        if (x instanceof MethodReferenceExpr mr) {
            String owner = types.methodRefOwner(mr);
            OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
            for (MethodDeclaration md : index.methods(owner, mr.getIdentifier())) v = v.or(logic.classify(md, Set.of()));
            return v;
        }
        if (x instanceof ObjectCreationExpr oc) {
            if (oc.getAnonymousClassBody().isPresent()) {
                OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
                for (BodyDeclaration<?> b : oc.getAnonymousClassBody().get()) {
                    if (b instanceof MethodDeclaration md && (checkMethods.isEmpty() || checkMethods.contains(md.getNameAsString()))) {
                        v = v.or(logic.classify(md, Set.of()));
                    }
                }
                return v;
            }
            return classMethods(index.resolve(oc.getType(), oc), checkMethods);
        }
        if (x instanceof ClassExpr ce) return classMethods(index.resolve(ce.getType(), ce), checkMethods);
        String t = x == null ? null : types.of(x);
        return t == null ? OriginLogic.Verdict.NONE : classMethods(t, checkMethods);
    }

    private OriginLogic.Verdict classMethods(String fqn, Set<String> names) {
        JavaIndex.TypeInfo t = index.type(fqn);
        if (t == null) return OriginLogic.Verdict.NONE;
        OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
        if (names.isEmpty()) {
            for (List<MethodDeclaration> ms : t.methods.values()) for (MethodDeclaration md : ms) v = v.or(logic.classify(md, Set.of()));
        } else {
            for (String n : names) for (MethodDeclaration md : index.methods(fqn, n)) v = v.or(logic.classify(md, originParams(md, n)));
        }
        return v;
    }

    /** A handshake interceptor: Spring's OriginHandshakeInterceptor, or a project interceptor that checks. */
    private OriginLogic.Verdict interceptor(Expression arg) {
        Expression x = resolveValue(arg);
        List<ObjectCreationExpr> news = new ArrayList<>();
        if (x instanceof ObjectCreationExpr oc) news.add(oc);
        else if (x != null) news.addAll(x.findAll(ObjectCreationExpr.class));
        OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
        // interceptors handed in from elsewhere (a parameter, a getter): not visible here, so no verdict
        if (news.isEmpty() && x != null && !(x instanceof com.github.javaparser.ast.expr.LiteralExpr)
                && !(x instanceof MethodCallExpr mc && mc.getArguments().isEmpty())) {
            return new OriginLogic.Verdict(OriginLogic.Kind.STRONG, OriginInventory.OUT_OF_SIGHT, null);
        }
        for (ObjectCreationExpr oc : news) {
            String t = index.resolve(oc.getType(), oc);
            if (t.endsWith("OriginHandshakeInterceptor")) v = v.or(strong());
            else v = v.or(classMethods(t, Set.of()));
        }
        return v;
    }

    /** Netty: project handlers created in the same method as the protocol handler (the pipeline). */
    private OriginLogic.Verdict siblings(ObjectCreationExpr o, JavaModels.Endpoint e) {
        Node body = enclosingBody(o);
        OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
        if (body == null) return v;
        for (ObjectCreationExpr s : body.findAll(ObjectCreationExpr.class)) {
            if (s == o) continue;
            if (s.getAnonymousClassBody().isPresent()) {
                v = v.or(logic.classify(s, Set.of()));
                continue;
            }
            String t = index.resolve(s.getType(), s);
            if (index.type(t) != null) v = v.or(classMethods(t, e.checkMethods()));
        }
        return v;
    }

    /** Undertow: a project HttpHandler that wraps the WebSocket handler (directly or through a variable). */
    private OriginLogic.Verdict wrapper(MethodCallExpr call, JavaModels.Endpoint e) {
        List<Node> holders = new ArrayList<>();
        holders.add(call);
        if (call.getParentNode().orElse(null) instanceof VariableDeclarator vd) {
            Node body = enclosingBody(call);
            if (body != null) for (NameExpr n : body.findAll(NameExpr.class)) if (n.getNameAsString().equals(vd.getNameAsString())) holders.add(n);
        }
        OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
        for (Node h : holders) {
            for (Node p = h.getParentNode().orElse(null); p != null && !(p instanceof MethodDeclaration); p = p.getParentNode().orElse(null)) {
                if (p instanceof ObjectCreationExpr oc) {
                    String t = index.resolve(oc.getType(), oc);
                    if (index.type(t) != null && index.isA(t, e.wrappers())) v = v.or(classMethods(t, e.checkMethods()));
                }
            }
        }
        return v;
    }

    private boolean setsOptions(Expression arg, Set<String> methods) {
        Expression x = resolveValue(arg);
        if (x == null) return false;
        for (MethodCallExpr c : x.findAll(MethodCallExpr.class)) if (methods.contains(c.getNameAsString())) return true;
        if (arg instanceof NameExpr n) {
            Node body = enclosingBody(arg);
            if (body != null) for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
                if (methods.contains(c.getNameAsString()) && c.getScope().map(s -> s instanceof NameExpr sn && sn.getNameAsString().equals(n.getNameAsString())).orElse(false)) return true;
            }
        }
        return false;
    }

    /** Module-wide checks of a framework (upgrade checks, server filters), decided once per module. */
    private OriginLogic.Verdict project(JavaModels.Endpoint e, JavaUnit u) {
        if (e.projectChecks().isEmpty()) return OriginLogic.Verdict.NONE;
        String module = u.module();
        return projectVerdicts.computeIfAbsent(e.framework() + "|" + module, key -> {
            JavaModels.Endpoint k = e;
            OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
            for (JavaIndex.TypeInfo t : index.allTypes()) {
                if (!t.unit.module().equals(module)) continue;
                for (JavaModels.ProjectCheck pc : k.projectChecks()) {
                    boolean match = (!pc.extendsTypes().isEmpty() && index.isA(t.fqn, pc.extendsTypes()))
                            || t.decl.getAnnotations().stream().anyMatch(a -> pc.annotated().contains(index.resolve(a.getNameAsString(), a)));
                    if (match) v = v.or(classMethods(t.fqn, pc.methods()));
                }
            }
            return v;
        });
    }

    /** A check in a method that runs after the handshake (onOpen): too late. */
    private OriginLogic.Verdict late(List<BodyDeclaration<?>> members, JavaModels.Endpoint e) {
        OriginLogic.Verdict v = OriginLogic.Verdict.NONE;
        for (BodyDeclaration<?> b : members) {
            if (!(b instanceof MethodDeclaration md)) continue;
            boolean isLate = e.lateMethods().contains(md.getNameAsString())
                    || md.getAnnotations().stream().anyMatch(a -> e.lateAnnotations().contains(index.resolve(a.getNameAsString(), a)));
            if (isLate && logic.readsOrigin(md)) {
                OriginLogic.Verdict c = logic.classify(md, Set.of());
                v = v.or(c.kind() == OriginLogic.Kind.NONE ? new OriginLogic.Verdict(OriginLogic.Kind.STRONG, null, md) : c);
            }
        }
        return v;
    }

    /**
     * Where the authentication of an endpoint made by a call or lambda shows: the registering class, the
     * project classes handed to the registration ({@code new ChatHandler()}, {@code Handler.class}) and
     * those handed to the same receiver beside it (a Netty pipeline).
     */
    private List<Node> registering(Node registration) {
        List<Node> out = new ArrayList<>();
        JavaIndex.TypeInfo encl = index.enclosingType(registration);
        if (encl != null) out.add(encl.decl);
        List<Expression> args = new ArrayList<>();
        if (registration instanceof MethodCallExpr m) args.addAll(m.getArguments());
        if (registration instanceof ObjectCreationExpr o) args.addAll(o.getArguments());
        // the handlers wired beside it on the same receiver (pipeline.addLast(new SessionHandler()) next to
        // pipeline.addLast(new WebSocketServerProtocolHandler(..))) see the handshake too
        Node body = enclosingBody(registration);
        if (body != null && registration.getParentNode().orElse(null) instanceof MethodCallExpr wiring
                && wiring.getArguments().contains(registration) && wiring.getScope().orElse(null) instanceof NameExpr recv) {
            for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
                if (c.getScope().orElse(null) instanceof NameExpr r && r.getNameAsString().equals(recv.getNameAsString())) {
                    for (Expression a : c.getArguments()) if (a instanceof ObjectCreationExpr) args.add(a);
                }
            }
        }
        for (Expression a : args) {
            String t = a instanceof ClassExpr ce ? index.resolve(ce.getType(), ce)
                    : a instanceof ObjectCreationExpr oc ? index.resolve(oc.getType(), oc) : null;
            JavaIndex.TypeInfo ti = t == null ? null : index.type(t);
            if (ti != null) out.add(ti.decl);
        }
        return out;
    }

    private void report(JavaUnit u, Node at, Node atEnd, JavaModels.Endpoint e, String what, OriginLogic.Verdict v,
                        OriginLogic.Verdict late, boolean permissiveCheck, Node inventoryScope, List<Node> authScopes,
                        List<JavaHit> hits) {
        List<io.wsscan.rules.OriginThreat.Evidence> evidence = new ArrayList<>(auth.evidence(authScopes));
        evidence.addAll(xmlEvidence.getOrDefault(u.module(), List.of()));
        endpoints.add(inventory.endpoint(u, at, atEnd, e, what, v, late, permissiveCheck, inventoryScope, evidence));
        if (permissiveCheck && v.kind() != OriginLogic.Kind.WEAK) return; // reported by the permissive rule
        String detail;
        if (v.kind() == OriginLogic.Kind.STRONG) return;
        if (v.kind() == OriginLogic.Kind.WEAK) {
            String bypass = v.detail().startsWith("endsWith") ? "https://attacker-example.com" : "https://example.com.attacker.net";
            detail = e.framework() + " endpoint " + what + " checks the Origin only loosely (" + v.detail() + " at "
                    + lineOf(v.at(), u) + "), so an attacker's origin such as " + bypass + " can pass.";
        } else if (late.kind() != OriginLogic.Kind.NONE) {
            detail = e.framework() + " endpoint " + what + " checks the Origin only after the handshake (" + lineOf(late.at(), u)
                    + "); by then the cross-site page already has an open socket.";
        } else {
            detail = e.framework() + " endpoint " + what + " accepts WebSocket handshakes from any Origin: nothing checks the Origin header before the handshake.";
        }
        List<io.wsscan.findings.Step> trace = new ArrayList<>();
        OriginLogic.Verdict shown = v.kind() == OriginLogic.Kind.WEAK ? v : late;
        JavaUnit where = shown.at() == null ? null : index.unitOf(shown.at());
        if (where != null) {
            // endpoint -> the comparison that does not protect it (maybe in a configurator in another file)
            trace.add(new io.wsscan.findings.Step(u.relPath, JavaUnit.region(at, atEnd), "endpoint: " + what));
            trace.add(new io.wsscan.findings.Step(where.relPath, JavaUnit.region(shown.at()),
                    v.kind() == OriginLogic.Kind.WEAK ? "loose Origin comparison: " + v.detail() : "Origin checked after the handshake"));
        }
        boolean onlySends = !receives(inventoryScope, at);
        io.wsscan.findings.Finding.Level level = io.wsscan.rules.OriginThreat.level(evidence, onlySends);
        String threat = io.wsscan.rules.OriginThreat.sentence(evidence, onlySends);
        if (v.kind() == OriginLogic.Kind.NONE && late.kind() == OriginLogic.Kind.STRONG) {
            // an exact comparison in onOpen that closes the session: the socket is open only until then
            level = io.wsscan.findings.Finding.Level.NOTE;
            threat = " Reported as a note: the check is exact and runs before any message is handled, so a cross-site page"
                    + " holds the socket only until onOpen closes it; moving the check into the handshake closes that gap.";
        }
        hits.add(new JavaHit(MISSING, null, u.relPath, JavaUnit.region(at, atEnd), detail + threat, null, trace, level));
    }

    /**
     * Whether an endpoint handles messages: its class (for a registration or a creator lambda, the
     * project classes it constructs), with the project classes those extend, has a message handler of
     * the models (an {@code @OnMessage} method, an overridden {@code onMessage}/{@code handleTextMessage},
     * a {@code addMessageHandler}/{@code textMessageHandler} call, a {@code messageMethods} name). An
     * endpoint without any only sends. When the handler class is out of sight (a bean passed in), it
     * may receive.
     */
    private boolean receives(Node endpointClass, Node at) {
        List<Node> scopes = new ArrayList<>();
        if (endpointClass != null) {
            scopes.add(endpointClass);
        } else if (at != null) {
            // the lambda or construction that is the endpoint, or the registering call around its name
            boolean whole = at instanceof com.github.javaparser.ast.expr.LambdaExpr || at instanceof com.github.javaparser.ast.expr.ObjectCreationExpr;
            at.getParentNode().filter(p -> !whole).ifPresentOrElse(scopes::add, () -> scopes.add(at));
        }
        int own = scopes.size();
        for (Node s : List.copyOf(scopes)) {
            for (com.github.javaparser.ast.expr.ObjectCreationExpr o : s.findAll(com.github.javaparser.ast.expr.ObjectCreationExpr.class)) {
                JavaIndex.TypeInfo made = index.type(index.resolve(o.getType(), o));
                if (made != null && !scopes.contains(made.decl)) scopes.add(made.decl);
            }
        }
        if (endpointClass == null && scopes.size() == own) return true; // the handler's class is out of sight
        for (Node s : List.copyOf(scopes)) {
            if (!(s instanceof com.github.javaparser.ast.body.TypeDeclaration<?> td)) continue;
            JavaIndex.TypeInfo info = index.info(td);
            if (info == null) continue;
            for (String sup : index.supertypes(info.fqn)) {
                JavaIndex.TypeInfo st = index.type(sup);
                if (st != null && !scopes.contains(st.decl)) scopes.add(st.decl);
            }
        }
        for (Node s : scopes) {
            for (com.github.javaparser.ast.body.MethodDeclaration m : s.findAll(com.github.javaparser.ast.body.MethodDeclaration.class)) {
                String name = m.getNameAsString();
                if (models.messageMethods.contains(name)) return true;
                if (models.messageMethodNames != null && models.messageMethodNames.matcher(name).find()) return true;
                for (com.github.javaparser.ast.expr.AnnotationExpr a : m.getAnnotations()) {
                    String n = a.getNameAsString();
                    if (models.messageAnnotations.contains(n.substring(n.lastIndexOf('.') + 1))) return true;
                }
            }
            for (com.github.javaparser.ast.expr.MethodCallExpr c : s.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class)) {
                if (models.messageCalls.contains(c.getNameAsString())) return true;
            }
        }
        return false;
    }

    /** "line 12" in the endpoint's own file, "OriginConfigurator.java line 12" in another one. */
    private String lineOf(Node n, JavaUnit own) {
        JavaUnit where = n == null ? null : index.unitOf(n);
        if (where == null || where == own) return "line " + (n == null ? 0 : JavaUnit.line(n));
        return JavaUnit.fileName(where.relPath) + " line " + JavaUnit.line(n);
    }

    /**
     * A permissive-configuration hit graded by the threat model. Configuration applies to every
     * endpoint of its module, so the evidence is that of the module's WebSocket and messaging code
     * (classes importing a websocket, messaging or STOMP package).
     */
    JavaHit graded(JavaHit h) {
        if (!PERMISSIVE.equals(h.check()) || h.level() != null) return h;
        List<io.wsscan.rules.OriginThreat.Evidence> evidence = moduleEvidence.computeIfAbsent(JavaUnit.moduleOf(h.file()), module -> {
            List<Node> scopes = new ArrayList<>();
            for (JavaUnit u : index.units()) {
                if (!u.module().equals(module)) continue;
                boolean socketCode = u.cu.getImports().stream().map(i -> i.getNameAsString().toLowerCase(java.util.Locale.ROOT))
                        .anyMatch(i -> i.contains("websocket") || i.contains("messaging") || i.contains("stomp") || i.contains("socket"));
                if (socketCode || u.relPath.equals(h.file())) scopes.add(u.cu);
            }
            List<io.wsscan.rules.OriginThreat.Evidence> found = new ArrayList<>(auth.evidence(scopes));
            found.addAll(xmlEvidence.getOrDefault(module, List.of()));
            return found;
        });
        return new JavaHit(h.check(), h.source(), h.file(), h.region(), h.detail() + io.wsscan.rules.OriginThreat.sentence(evidence),
                h.sink(), h.trace(), io.wsscan.rules.OriginThreat.level(evidence));
    }

    private final Map<String, List<io.wsscan.rules.OriginThreat.Evidence>> moduleEvidence = new HashMap<>();

    /** Ambient evidence of each module's XML configuration (module -> evidence, files in path order). */
    private final Map<String, List<io.wsscan.rules.OriginThreat.Evidence>> xmlEvidence = new HashMap<>();

    /** Reads the XML configuration files of the batch for module-wide authentication evidence. */
    void xmlConfiguration(List<io.wsscan.engine.SourceFile> xmlFiles) {
        List<io.wsscan.engine.SourceFile> sorted = new ArrayList<>(xmlFiles);
        sorted.sort(java.util.Comparator.comparing(io.wsscan.engine.SourceFile::relPath));
        for (io.wsscan.engine.SourceFile f : sorted) {
            List<io.wsscan.rules.OriginThreat.Evidence> ev = auth.xmlEvidence(f);
            if (!ev.isEmpty()) xmlEvidence.computeIfAbsent(JavaUnit.moduleOf(f.relPath()), k -> new ArrayList<>()).addAll(ev);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static OriginLogic.Verdict strong() {
        return new OriginLogic.Verdict(OriginLogic.Kind.STRONG, null, null);
    }

    /** The value of an annotation element ({@code value} for the single-member form). */
    static Expression element(AnnotationExpr a, String name) {
        if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) if (p.getNameAsString().equals(name)) return p.getValue();
        } else if (a instanceof SingleMemberAnnotationExpr s && name.equals("value")) {
            return s.getMemberValue();
        }
        return null;
    }

    private static String describe(JavaIndex.TypeInfo t, AnnotationExpr a) {
        Expression path = element(a, "value");
        if (path == null) path = element(a, "path");
        String p = path instanceof StringLiteralExpr s ? " \"" + s.asString() + "\"" : "";
        return t.simpleName() + p;
    }

    /** Calls chained on an expression: {@code x.a(..).b(..)} gives a then b; a variable holding it adds calls on the variable. */
    private List<MethodCallExpr> chainCalls(Expression start) {
        return chainCalls(index, start);
    }

    /** {@link #chainCalls(Expression)} with the index it resolves types with. */
    static List<MethodCallExpr> chainCalls(JavaIndex index, Expression start) {
        List<MethodCallExpr> out = new ArrayList<>();
        Node cur = start;
        while (cur.getParentNode().orElse(null) instanceof MethodCallExpr m && m.getScope().orElse(null) == cur) {
            out.add(m);
            cur = m;
        }
        String var = null;
        Node p = cur.getParentNode().orElse(null);
        if (p instanceof VariableDeclarator vd) var = vd.getNameAsString();
        else if (p instanceof com.github.javaparser.ast.expr.AssignExpr as && as.getTarget() instanceof NameExpr n) var = n.getNameAsString();
        else if (p instanceof com.github.javaparser.ast.expr.AssignExpr as && as.getTarget() instanceof FieldAccessExpr f) var = f.getNameAsString();
        if (var != null) {
            // a local is searched in its method, a field in its class
            boolean local = p instanceof VariableDeclarator vd0 ? !(vd0.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.FieldDeclaration)
                    : (p instanceof com.github.javaparser.ast.expr.AssignExpr as0 && as0.getTarget() instanceof NameExpr n0 && JavaIndex.local(n0.getNameAsString(), n0) != null);
            JavaIndex.TypeInfo t = index.enclosingType(start);
            Node scope = local && enclosingBody(start) != null ? enclosingBody(start) : t != null ? t.decl : start.findRootNode();
            for (MethodCallExpr m : scope.findAll(MethodCallExpr.class)) {
                Expression s = m.getScope().orElse(null);
                String sn = s instanceof NameExpr n ? n.getNameAsString() : s instanceof FieldAccessExpr f && f.getScope().isThisExpr() ? f.getNameAsString() : null;
                if (var.equals(sn)) out.add(m);
            }
        }
        return out;
    }

    /** A variable's initializer (for {@code x} in {@code setCreator(x)}), else the expression itself. */
    private Expression resolveValue(Expression e) {
        return resolveValue(index, e);
    }

    /** {@link #resolveValue(Expression)} with the index it looks initializers up in. */
    static Expression resolveValue(JavaIndex index, Expression e) {
        for (int i = 0; i < 4 && (e instanceof NameExpr || (e instanceof FieldAccessExpr f && f.getScope().isThisExpr())); i++) {
            Expression init = index.initializer(e);
            if (init == null) break;
            e = init;
        }
        return e;
    }

    /** True when the node is inside a method carrying one of these annotations (a @Bean factory method). */
    private boolean insideAnnotated(Node n, Set<String> annotations) {
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof MethodDeclaration md) {
                return md.getAnnotations().stream().anyMatch(a -> annotations.contains(index.resolve(a.getNameAsString(), a)));
            }
        }
        return false;
    }

    static Node enclosingBody(Node n) {
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof MethodDeclaration || p instanceof LambdaExpr
                    || p instanceof com.github.javaparser.ast.body.ConstructorDeclaration
                    || p instanceof com.github.javaparser.ast.body.InitializerDeclaration) return p;
        }
        return null;
    }
}
