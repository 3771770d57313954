package io.wsscan.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.*;
import com.github.javaparser.ast.stmt.*;
import io.wsscan.findings.Region;
import io.wsscan.findings.Step;
import io.wsscan.java.TaintValues.Env;
import io.wsscan.java.TaintValues.Frame;
import io.wsscan.java.TaintValues.Taint;
import io.wsscan.java.TaintValues.Val;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Taint analysis of the Java files of a project: payload sources of the modeled frameworks (handler
 * parameters, callback parameters, source calls) to modeled sinks, through locals, fields (per
 * declaration, flow-insensitive across methods), string building, builders and collections (calls
 * that store into their receiver), helper methods of the project (summaries per tainted-argument
 * pattern, any class of the scan), lambdas and anonymous classes. A value also records whether it was
 * built with HTML markup, for the relay rule. Sanitizers block some or all sink kinds; allow-list tests
 * clean a variable inside the guarded branch (or after a negated test that exits). The values it
 * computes with are in {@link TaintValues}; {@link JavaCallees} finds the methods a call can run.
 */
final class JavaTaint {

    private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^<]*");
    private static final int MAX_DEPTH = 6;

    private final JavaIndex index;
    private final JavaModels models;
    private final JavaTypes types;
    private final JavaCallees targets;
    private final Map<VariableDeclarator, Val> fields = new IdentityHashMap<>();
    private final Map<String, Val> summaries = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final Map<String, JavaHit> hits = new LinkedHashMap<>();
    private final Map<String, String> failures = new java.util.TreeMap<>();
    private final Set<String> callbackNames = new HashSet<>();

    JavaTaint(JavaIndex index, JavaModels models, JavaTypes types) {
        this.index = index;
        this.models = models;
        this.types = types;
        this.targets = new JavaCallees(index, types);
        for (JavaModels.Source s : models.sources) callbackNames.addAll(s.callbackMethods());
    }

    /**
     * Runs over the classes of the project that can hold a source (two rounds, so that fields written in
     * one method reach the others). A method is analysed as an entry only where its file names a source
     * of the models (a handler annotation, an overridden callback, a source call): elsewhere nothing can
     * be tainted at the start. Helpers in other files are still analysed when an entry calls them, and
     * the second round adds the files that name a field the first round tainted, or its class.
     */
    List<JavaHit> run() {
        Set<String> sourceWords = sourceWords();
        Set<String> fieldWords = new HashSet<>();
        for (int round = 0; round < 2; round++) {
            summaries.clear();
            for (JavaUnit u : index.units()) {
                // the scan's time budget ended: stop the work, not only the waiting for it
                if (Thread.currentThread().isInterrupted()) throw new java.util.concurrent.CancellationException("Java analysis interrupted");
                if (java.util.Collections.disjoint(u.words(), sourceWords) && java.util.Collections.disjoint(u.words(), fieldWords)) continue;
                for (TypeDeclaration<?> td : u.all(TypeDeclaration.class)) {
                    String owner = index.info(td) == null ? null : index.info(td).fqn;
                    for (BodyDeclaration<?> b : td.getMembers()) {
                        try {
                            if (b instanceof CallableDeclaration<?> cd) entry(cd, owner, new Env(null));
                            else if (b instanceof com.github.javaparser.ast.body.FieldDeclaration fd) {
                                for (VariableDeclarator v : fd.getVariables()) v.getInitializer().ifPresent(i -> eval(i, new Frame(null, 0, null), new Env(null)));
                            }
                        } catch (RuntimeException | StackOverflowError e) {
                            // keep going with the other members; the file gets a note
                            inProgress.clear();
                            failures.putIfAbsent(u.relPath, e.getClass().getSimpleName());
                        }
                    }
                }
            }
            for (Map.Entry<VariableDeclarator, Val> f : fields.entrySet()) {
                if (f.getValue().taint() == null) continue;
                fieldWords.add(f.getKey().getNameAsString());
                JavaIndex.TypeInfo owner = index.enclosingType(f.getKey());
                if (owner != null) fieldWords.add(owner.decl.getNameAsString());
            }
        }
        return new ArrayList<>(hits.values());
    }

    /** The simple names by which a file shows it may hold a source of the models. */
    private Set<String> sourceWords() {
        Set<String> out = new HashSet<>();
        for (JavaModels.Source s : models.sources) {
            for (String a : s.annotations()) out.add(JavaUnit.simple(a));
            for (String a : s.paramAnnotations()) out.add(JavaUnit.simple(a));
            out.addAll(s.overrideMethods());
            out.addAll(s.callbackMethods());
            out.addAll(s.callMethods());
        }
        return out;
    }

    /** Files where the analysis of some member failed, with the error's class name. */
    Map<String, String> failures() {
        return failures;
    }

    /** A method analysed as an entry point: its source parameters are tainted. */
    private void entry(CallableDeclaration<?> cd, String owner, Env outer) {
        Env env = new Env(outer);
        String thisType = owner;
        if (cd.getParentNode().orElse(null) instanceof ObjectCreationExpr oc) thisType = index.resolve(oc.getType(), oc);
        for (int i = 0; i < cd.getParameters().size(); i++) {
            Parameter p = cd.getParameter(i);
            Taint t = paramSource(cd, i, p, thisType);
            env.vars.put(p.getNameAsString(), t == null ? Val.CLEAN : new Val(t, false));
        }
        Frame f = new Frame(cd, 0, owner);
        body(cd, f, env);
    }

    private void body(CallableDeclaration<?> cd, Frame f, Env env) {
        if (cd instanceof MethodDeclaration md) md.getBody().ifPresent(b -> exec(b, f, env));
        else if (cd instanceof ConstructorDeclaration c) exec(c.getBody(), f, env);
    }

    private Taint paramSource(CallableDeclaration<?> cd, int i, Parameter p, String thisType) {
        for (JavaModels.Source s : models.sources) {
            if (!s.paramAnnotations().isEmpty()) {
                for (AnnotationExpr a : p.getAnnotations()) {
                    if (s.paramAnnotations().contains(index.resolve(a.getNameAsString(), a))) return source(s, p, "'" + p.getNameAsString() + "'");
                }
            }
            if (!s.annotations().isEmpty() && s.payloadParams()) {
                for (AnnotationExpr a : cd.getAnnotations()) {
                    if (s.annotations().contains(index.resolve(a.getNameAsString(), a)) && isPayloadType(p)) {
                        return source(s, p, "'" + p.getNameAsString() + "'");
                    }
                }
            }
            if (!s.overrideTypes().isEmpty() && s.param() == i && s.overrideMethods().contains(cd.getNameAsString())
                    && thisType != null && index.isA(thisType, s.overrideTypes())) {
                if (!s.whenTyped().isEmpty() && !s.whenTyped().contains(index.resolve(p.getType(), p))) continue;
                return source(s, p, "'" + p.getNameAsString() + "'");
            }
        }
        return null;
    }

    private boolean isPayloadType(Parameter p) {
        if (p.getType().isPrimitiveType()) return false;
        String t = index.resolve(p.getType(), p);
        if (t.matches("java\\.lang\\.(Integer|Long|Short|Byte|Boolean|Double|Float|Character)")) return false;
        return !models.contextTypeNames.matcher(JavaUnit.simple(JavaIndex.typeName(p.getType()))).matches();
    }

    private Taint source(JavaModels.Source s, Node at, String what) {
        JavaUnit u = index.unitOf(at);
        // the label names the source without its place: sink() adds the line, and the file when it is another one
        String label = s.label() + (what == null ? "" : " " + what);
        return new Taint("ws-message", label, List.of(new Step(u == null ? "" : u.relPath, JavaUnit.region(at),
                "source: " + label + " (line " + JavaUnit.line(at) + ")")), Set.of());
    }

    // ------------------------------------------------------------------ statements

    private void exec(Statement s, Frame f, Env env) {
        if (s == null) return;
        if (s instanceof BlockStmt b) {
            for (Statement st : b.getStatements()) {
                exec(st, f, env);
                // if (!ALLOWED.contains(x)) return;  ->  x is safe from here on
                if (st instanceof IfStmt is && is.getElseStmt().isEmpty() && exits(is.getThenStmt())) {
                    for (String v : guarded(is.getCondition(), false)) env.set(v, Val.CLEAN);
                }
            }
        } else if (s instanceof ExpressionStmt es) {
            eval(es.getExpression(), f, env);
        } else if (s instanceof IfStmt is) {
            eval(is.getCondition(), f, env);
            withClean(guarded(is.getCondition(), true), env, () -> exec(is.getThenStmt(), f, env));
            is.getElseStmt().ifPresent(e -> withClean(guarded(is.getCondition(), false), env, () -> exec(e, f, env)));
        } else if (s instanceof ReturnStmt r) {
            if (r.getExpression().isPresent()) {
                Val v = eval(r.getExpression().get(), f, env);
                f.ret = f.ret.merge(v);
                replySink(r, v, f);
            }
        } else if (s instanceof ForEachStmt fe) {
            Val it = eval(fe.getIterable(), f, env);
            for (VariableDeclarator v : fe.getVariable().getVariables()) env.vars.put(v.getNameAsString(), it);
            exec(fe.getBody(), f, env);
            exec(fe.getBody(), f, env);
        } else if (s instanceof ForStmt fs) {
            fs.getInitialization().forEach(e -> eval(e, f, env));
            fs.getCompare().ifPresent(e -> eval(e, f, env));
            for (int i = 0; i < 2; i++) {
                exec(fs.getBody(), f, env);
                fs.getUpdate().forEach(e -> eval(e, f, env));
            }
        } else if (s instanceof WhileStmt w) {
            eval(w.getCondition(), f, env);
            exec(w.getBody(), f, env);
            exec(w.getBody(), f, env);
        } else if (s instanceof DoStmt d) {
            exec(d.getBody(), f, env);
            eval(d.getCondition(), f, env);
            exec(d.getBody(), f, env);
        } else if (s instanceof TryStmt t) {
            t.getResources().forEach(e -> eval(e, f, env));
            exec(t.getTryBlock(), f, env);
            for (CatchClause c : t.getCatchClauses()) exec(c.getBody(), f, env);
            t.getFinallyBlock().ifPresent(b -> exec(b, f, env));
        } else if (s instanceof SwitchStmt sw) {
            eval(sw.getSelector(), f, env);
            for (SwitchEntry e : sw.getEntries()) for (Statement st : e.getStatements()) exec(st, f, env);
        } else if (s instanceof SynchronizedStmt sy) {
            eval(sy.getExpression(), f, env);
            exec(sy.getBody(), f, env);
        } else if (s instanceof LabeledStmt l) {
            exec(l.getStatement(), f, env);
        } else if (s instanceof ThrowStmt t) {
            eval(t.getExpression(), f, env);
        } else if (s instanceof YieldStmt y) {
            // yields belong to switch expressions, whose values are merged there
            eval(y.getExpression(), f, env);
        } else if (s instanceof ExplicitConstructorInvocationStmt ec) {
            ec.getArguments().forEach(a -> eval(a, f, env));
        }
    }

    private static boolean exits(Statement s) {
        if (s instanceof ReturnStmt || s instanceof ThrowStmt || s instanceof ContinueStmt || s instanceof BreakStmt) return true;
        if (s instanceof BlockStmt b && !b.getStatements().isEmpty()) return exits(b.getStatements().getLast().get());
        return false;
    }

    private void withClean(Set<String> vars, Env env, Runnable r) {
        if (vars.isEmpty()) {
            r.run();
            return;
        }
        Map<String, Val> saved = new HashMap<>();
        for (String v : vars) {
            saved.put(v, env.get(v));
            env.set(v, Val.CLEAN);
        }
        r.run();
        for (Map.Entry<String, Val> e : saved.entrySet()) if (e.getValue() != null) env.set(e.getKey(), e.getValue());
    }

    /** Variables an allow-list test makes safe when the condition holds ({@code holds}) or fails. */
    private Set<String> guarded(Expression c, boolean holds) {
        Set<String> out = new HashSet<>();
        if (c instanceof EnclosedExpr p) return guarded(p.getInner(), holds);
        if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) return guarded(u.getExpression(), !holds);
        if (c instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR)) {
            // a && b holding, or a || b failing: both parts decided; otherwise only what both parts guard
            boolean both = (b.getOperator() == BinaryExpr.Operator.AND) == holds;
            Set<String> l = guarded(b.getLeft(), holds), r = guarded(b.getRight(), holds);
            if (both) {
                out.addAll(l);
                out.addAll(r);
            } else {
                l.retainAll(r);
                out.addAll(l);
            }
            return out;
        }
        if (!holds) return out;
        if (c instanceof MethodCallExpr m && models.allowListChecks.contains(m.getNameAsString())) {
            Expression scope = m.getScope().orElse(null);
            String name = m.getNameAsString();
            boolean equality = name.startsWith("equals") || name.equals("matches");
            if (equality && scope instanceof NameExpr n && !m.getArguments().isEmpty() && index.fold(m.getArgument(0)) != null) {
                out.add(n.getNameAsString());
            }
            for (Expression a : m.getArguments()) {
                if (a instanceof NameExpr n && (scope == null || !(scope instanceof NameExpr sn && sn.getNameAsString().equals(n.getNameAsString())))) {
                    if (!equality || scope != null && index.fold(scope) != null || scope instanceof NameExpr || scope instanceof FieldAccessExpr) out.add(n.getNameAsString());
                }
            }
            // PATTERN.matcher(x).matches()
            if (name.equals("matches") && scope instanceof MethodCallExpr mm && mm.getNameAsString().equals("matcher")
                    && !mm.getArguments().isEmpty() && mm.getArgument(0) instanceof NameExpr n) out.add(n.getNameAsString());
        }
        return out;
    }

    // ------------------------------------------------------------------ expressions

    private Val eval(Expression e, Frame f, Env env) {
        if (e == null) return Val.CLEAN;
        if (e instanceof StringLiteralExpr s) return markup(s.asString());
        if (e instanceof TextBlockLiteralExpr t) return markup(t.asString());
        if (e instanceof LiteralExpr) return Val.CLEAN;
        if (e instanceof NameExpr n) return name(n, env);
        if (e instanceof FieldAccessExpr fa) {
            if (fa.getScope() instanceof ThisExpr || fa.getScope() instanceof SuperExpr) {
                VariableDeclarator v = index.field(types.thisType(fa), fa.getNameAsString());
                return v == null ? Val.CLEAN : fields.getOrDefault(v, Val.CLEAN);
            }
            String folded = index.fold(fa);
            if (folded != null) return markup(folded);
            Val scope = eval(fa.getScope(), f, env);
            return scope.tainted() ? new Val(scope.taint(), false) : Val.CLEAN;
        }
        if (e instanceof EnclosedExpr p) return eval(p.getInner(), f, env);
        if (e instanceof CastExpr c) return eval(c.getExpression(), f, env);
        if (e instanceof BinaryExpr b) {
            Val l = eval(b.getLeft(), f, env), r = eval(b.getRight(), f, env);
            return b.getOperator() == BinaryExpr.Operator.PLUS ? l.merge(r) : Val.CLEAN;
        }
        if (e instanceof UnaryExpr u) {
            Val v = eval(u.getExpression(), f, env);
            return u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT ? Val.CLEAN : v;
        }
        if (e instanceof ConditionalExpr c) {
            eval(c.getCondition(), f, env);
            return eval(c.getThenExpr(), f, env).merge(eval(c.getElseExpr(), f, env));
        }
        if (e instanceof AssignExpr a) return assign(a, f, env);
        if (e instanceof VariableDeclarationExpr vd) {
            for (VariableDeclarator v : vd.getVariables()) env.vars.put(v.getNameAsString(), v.getInitializer().map(i -> eval(i, f, env)).orElse(Val.CLEAN));
            return Val.CLEAN;
        }
        if (e instanceof ArrayAccessExpr aa) {
            eval(aa.getIndex(), f, env);
            return eval(aa.getName(), f, env);
        }
        if (e instanceof ArrayCreationExpr ac) return ac.getInitializer().map(i -> eval(i, f, env)).orElse(Val.CLEAN);
        if (e instanceof ArrayInitializerExpr ai) {
            Val v = Val.CLEAN;
            for (Expression x : ai.getValues()) v = v.merge(eval(x, f, env));
            return v;
        }
        if (e instanceof InstanceOfExpr io) {
            Val v = eval(io.getExpression(), f, env);
            io.getPattern().ifPresent(p -> {
                for (PatternExpr pe : p.findAll(PatternExpr.class)) {
                    if (pe instanceof TypePatternExpr tp) env.vars.put(tp.getNameAsString(), v);
                }
            });
            return Val.CLEAN;
        }
        if (e instanceof MethodCallExpr m) return call(m, f, env);
        if (e instanceof ObjectCreationExpr o) return create(o, f, env);
        if (e instanceof LambdaExpr l) {
            lambda(l, List.of(), f, env);
            return Val.CLEAN;
        }
        if (e instanceof SwitchExpr sw) {
            eval(sw.getSelector(), f, env);
            Val v = Val.CLEAN;
            for (SwitchEntry se : sw.getEntries()) {
                for (Statement st : se.getStatements()) {
                    if (st instanceof ExpressionStmt es) v = v.merge(eval(es.getExpression(), f, env));
                    else if (st instanceof YieldStmt y) v = v.merge(eval(y.getExpression(), f, env));
                    else exec(st, f, env);
                }
            }
            return v;
        }
        for (Node c : e.getChildNodes()) if (c instanceof Expression x) eval(x, f, env);
        return Val.CLEAN;
    }

    private static Val markup(String s) {
        return MARKUP.matcher(s).find() ? Val.MARKUP : Val.CLEAN;
    }

    private Val name(NameExpr n, Env env) {
        String name = n.getNameAsString();
        if (env.has(name)) return env.get(name);
        VariableDeclarator v = index.fieldFor(name, n);
        if (v != null) {
            Val fv = fields.get(v);
            if (fv != null) return fv;
            String folded = index.fold(n);
            return folded == null ? Val.CLEAN : markup(folded);
        }
        return Val.CLEAN;
    }

    private Val assign(AssignExpr a, Frame f, Env env) {
        Val v = eval(a.getValue(), f, env);
        Expression t = a.getTarget();
        if (a.getOperator() == AssignExpr.Operator.PLUS) v = v.merge(eval(t, f, env));
        store(t, v, a.getOperator() != AssignExpr.Operator.ASSIGN, env);
        return v;
    }

    /** Writes a value to a variable, field or array element; fields and arrays merge (weak update). */
    private void store(Expression t, Val v, boolean merge, Env env) {
        if (t instanceof NameExpr n) {
            if (env.has(n.getNameAsString())) {
                env.set(n.getNameAsString(), merge ? v.merge(env.get(n.getNameAsString())) : v);
                return;
            }
            VariableDeclarator fd = index.fieldFor(n.getNameAsString(), n);
            if (fd != null) fields.merge(fd, v, Val::merge);
            else if (JavaIndex.local(n.getNameAsString(), n) != null) env.vars.put(n.getNameAsString(), v);
            // otherwise a type name (String.format) or something unknown: nothing to store into
        } else if (t instanceof FieldAccessExpr fa && (fa.getScope() instanceof ThisExpr)) {
            VariableDeclarator fd = index.field(types.thisType(fa), fa.getNameAsString());
            if (fd != null) fields.merge(fd, v, Val::merge);
        } else if (t instanceof ArrayAccessExpr aa) {
            store(aa.getName(), v, true, env);
        }
    }

    private Val call(MethodCallExpr m, Frame f, Env env) {
        String name = m.getNameAsString();
        Expression scope = m.getScope().orElse(null);
        Val recv = scope == null ? Val.CLEAN : eval(scope, f, env);
        String recvType = scope == null ? types.thisType(m) : types.of(scope);
        List<Val> args = new ArrayList<>();
        for (Expression a : m.getArguments()) {
            args.add(a instanceof LambdaExpr || a instanceof MethodReferenceExpr ? Val.CLEAN : eval(a, f, env));
        }
        // callbacks: lambdas and method references given to a modeled handler registration or to a tainted receiver
        for (int i = 0; i < m.getArguments().size(); i++) {
            Expression a = m.getArgument(i);
            Taint src = callbackSource(m, i, recvType);
            Val param = src != null ? new Val(src, false) : recv.tainted() ? new Val(recv.taint(), false) : Val.CLEAN;
            if (a instanceof LambdaExpr l) {
                List<Val> ps = new ArrayList<>();
                for (int p = 0; p < l.getParameters().size(); p++) ps.add(p == 0 || src == null ? param : Val.CLEAN);
                Val r = lambda(l, ps, f, env);
                if (recv.tainted()) args.set(i, r);
            } else if (a instanceof MethodReferenceExpr mr && param.tainted()) {
                for (CallableDeclaration<?> md : targets.methodRef(mr)) {
                    args.set(i, invoke(md, List.of(param), f, m, null));
                }
            }
            // anonymous classes (new MessageHandler.Whole<String>() {..}) are entries of their own, see create()
        }
        // source calls: session.receive(), session.getQueryString()
        for (JavaModels.Source s : models.sources) {
            if (!s.callMethods().contains(name)) continue;
            if (recvType != null ? types.isA(recvType, s.callTypes()) : s.untyped()) return new Val(source(s, m, null), false);
        }
        // sanitizers
        for (JavaModels.Sanitizer s : models.sanitizers) {
            if (!s.methods().contains(name)) continue;
            if (!s.anyReceiver() && (recvType == null || !types.isA(recvType, s.types()))) continue;
            if (s.blocks().contains("all")) return Val.CLEAN;
            Val in = recv;
            for (Val a : args) in = in.merge(a);
            return in.tainted() ? new Val(in.taint().block(s.blocks()), false) : Val.CLEAN;
        }
        // sinks
        for (JavaModels.Sink s : models.sinks) {
            if (!s.methods().contains(name)) continue;
            if (recvType != null ? !types.isA(recvType, s.types()) : !s.untyped()) continue;
            for (int i = 0; i < args.size(); i++) if (s.argument(i)) sink(s, args.get(i), m, m.getArgument(i));
        }
        // project methods: summaries
        JavaCallees.Targets callees = targets.of(m, scope, recvType);
        if (!callees.methods().isEmpty()) {
            Val r = Val.CLEAN;
            boolean dataResult = false;
            for (CallableDeclaration<?> md : callees.methods()) {
                r = r.merge(invoke(md, args, f, m, callees.dispatched() ? dispatchStep(md) : null));
                dataResult |= carriesData((MethodDeclaration) md);
            }
            // numbers, booleans and enums carry no injectable text
            if (!dataResult) return Val.CLEAN;
            // a helper on a tainted object still returns its data (getters of a decoded POJO)
            return recv.tainted() ? r.merge(new Val(recv.taint(), false)) : r;
        }
        // a lookup in a clean map or list (HANDLERS.get(type)) returns the collection's data, not the key
        if (models.lookupMethods.contains(name) && !recv.tainted() && isVariable(scope, env)) return Val.CLEAN;
        // calls that fill an argument from a tainted receiver: buffer.get(bytes), in.read(buf)
        if (recv.tainted() && models.fillArgument.contains(name)) {
            for (Expression a : m.getArguments()) if (a instanceof NameExpr) store(a, new Val(recv.taint(), false), true, env);
        }
        // calls that store their arguments in the receiver: sb.append(x), list.add(x), map.put(k, x)
        Val all = Val.CLEAN;
        for (Val a : args) all = all.merge(a);
        if (models.storeInReceiver.contains(name) && (all.tainted() || all.markup())) {
            Expression root = scope;
            while (root instanceof MethodCallExpr mc && models.storeInReceiver.contains(mc.getNameAsString()) && mc.getScope().isPresent()) root = mc.getScope().get();
            if (root instanceof NameExpr || root instanceof FieldAccessExpr) store(root, all, true, env);
        }
        // anything else carries what went in: String.format, formatted, valueOf, new String(..), readValue(..)
        return recv.merge(all);
    }

    /** False for methods declared to return a primitive, a boxed number or boolean, or an enum of the project. */
    private boolean carriesData(MethodDeclaration md) {
        if (md.getType().isVoidType() || md.getType().isPrimitiveType()) return false;
        String t = index.resolve(md.getType(), md);
        if (t.matches("java\\.lang\\.(Integer|Long|Short|Byte|Boolean|Double|Float|Character)|java\\.util\\.UUID")) return false;
        JavaIndex.TypeInfo ti = index.type(t);
        return ti == null || !ti.decl.isEnumDeclaration();
    }

    /** A local, parameter or field (not a type name used for a static call). */
    private boolean isVariable(Expression scope, Env env) {
        if (scope instanceof NameExpr n) return env.has(n.getNameAsString()) || index.fieldFor(n.getNameAsString(), n) != null;
        return scope instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr;
    }

    private Taint callbackSource(MethodCallExpr m, int arg, String recvType) {
        if (!callbackNames.contains(m.getNameAsString())) return null;
        for (JavaModels.Source s : models.sources) {
            if (!s.callbackMethods().contains(m.getNameAsString())) continue;
            int want = "last".equals(s.callbackArg()) ? m.getArguments().size() - 1 : Integer.parseInt(s.callbackArg());
            if (want != arg) continue;
            if (recvType != null ? types.isA(recvType, s.callbackTypes()) : s.untyped()) return source(s, m.getArgument(arg), null);
        }
        return null;
    }

    private Val lambda(LambdaExpr l, List<Val> params, Frame f, Env env) {
        Env inner = new Env(env);
        for (int i = 0; i < l.getParameters().size(); i++) {
            inner.vars.put(l.getParameter(i).getNameAsString(), i < params.size() ? params.get(i) : Val.CLEAN);
        }
        if (l.getExpressionBody().isPresent()) return eval(l.getExpressionBody().get(), f, inner);
        Frame lf = new Frame(null, f.depth, f.owner);
        exec(l.getBody(), lf, inner);
        return lf.ret;
    }

    /** The trace step of a call resolved by class-hierarchy dispatch: which implementation, in which file. */
    private Step dispatchStep(CallableDeclaration<?> md) {
        JavaUnit u = index.unitOf(md);
        JavaIndex.TypeInfo t = index.enclosingType(md);
        if (u == null || t == null) return null;
        return new Step(u.relPath, JavaUnit.region(md.getName()), "dispatched to " + t.simpleName() + "." + md.getNameAsString()
                + " (" + JavaUnit.fileName(u.relPath) + ")");
    }

    /**
     * Evaluates a project method with these argument values; memoised per argument pattern. {@code via}
     * is the dispatch step when the call reached this method through an interface or abstract method.
     */
    private Val invoke(CallableDeclaration<?> md, List<Val> args, Frame caller, Node at, Step via) {
        boolean any = false;
        StringBuilder key = new StringBuilder(String.valueOf(System.identityHashCode(md))).append(':');
        for (Val a : args) {
            key.append(a.tainted() ? (a.taint().blocked().isEmpty() ? 'T' : 'B') : '-').append(a.markup() ? 'm' : '-');
            any |= a.tainted();
        }
        String k = key.toString();
        if (!any) return Val.CLEAN; // entries cover untainted calls; a clean call returns clean data
        if (caller.depth >= MAX_DEPTH || inProgress.contains(k)) return Val.CLEAN;
        Val memo = summaries.get(k);
        if (memo != null) return memo;
        inProgress.add(k);
        Env env = new Env(null);
        JavaUnit cu = index.unitOf(md);
        for (int i = 0; i < md.getParameters().size(); i++) {
            Val a = i < args.size() ? args.get(i) : Val.CLEAN;
            if (md.getParameter(i).isVarArgs()) for (int j = i + 1; j < args.size(); j++) a = a.merge(args.get(j));
            if (a.tainted() && cu != null) {
                if (via != null) a = new Val(a.taint().step(via), a.markup());
                a = new Val(a.taint().step(new Step(cu.relPath, JavaUnit.region(md.getParameter(i)),
                        "passed to " + md.getNameAsString() + "(" + md.getParameter(i).getNameAsString() + ")")), a.markup());
            }
            env.vars.put(md.getParameter(i).getNameAsString(), a);
        }
        JavaIndex.TypeInfo owner = index.enclosingType(md);
        Frame f = new Frame(md, caller.depth + 1, owner == null ? null : owner.fqn);
        body(md, f, env);
        inProgress.remove(k);
        summaries.put(k, f.ret);
        return f.ret;
    }

    private Val create(ObjectCreationExpr o, Frame f, Env env) {
        List<Val> args = new ArrayList<>();
        for (Expression a : o.getArguments()) args.add(eval(a, f, env));
        String type = index.resolve(o.getType(), o);
        for (JavaModels.Sink s : models.sinks) {
            if (!s.newTypes().contains(type)) continue;
            for (int i = 0; i < args.size(); i++) if (s.argument(i)) sink(s, args.get(i), o, o.getArgument(i));
        }
        if (o.getAnonymousClassBody().isPresent()) {
            for (BodyDeclaration<?> b : o.getAnonymousClassBody().get()) {
                if (b instanceof CallableDeclaration<?> cd) entry(cd, f.owner, env);
            }
        }
        // a project class: its constructor stores the arguments (new Command(payload).run())
        JavaIndex.TypeInfo t = index.type(type);
        if (t != null) {
            for (ConstructorDeclaration c : t.decl.getConstructors()) {
                if (c.getParameters().size() == args.size()) invoke(c, args, f, o, null);
            }
        }
        Val all = Val.CLEAN;
        for (Val a : args) all = all.merge(a);
        return all;
    }

    // ------------------------------------------------------------------ sinks

    private void sink(JavaModels.Sink s, Val v, Node at, Node argNode) {
        if (!v.tainted() || (s.markup() && !v.markup())) return;
        for (String kind : s.kinds()) {
            if (v.taint().blocked().contains(kind) || v.taint().blocked().contains("all")) continue;
            String kindOut = s.markup() ? kind + "-html" : kind;
            JavaUnit u = index.unitOf(at);
            if (u == null) return;
            Region r = JavaUnit.region(at instanceof MethodCallExpr mc ? mc.getName() : at);
            if (at instanceof MethodCallExpr mc && mc.getScope().isPresent()) r = JavaUnit.region(mc);
            List<Step> trace = new ArrayList<>(v.taint().trace());
            trace.add(new Step(u.relPath, JavaUnit.region(argNode != null ? argNode : at), "sink: " + s.label()));
            String key = kindOut + "@" + u.relPath + ":" + r.startLine() + ":" + r.startColumn();
            Step first = v.taint().trace().get(0);
            String where = (first.file().equals(u.relPath) ? "" : JavaUnit.fileName(first.file()) + " ") + "line " + first.region().startLine();
            hits.putIfAbsent(key, new JavaHit(kindOut, v.taint().kind(), u.relPath, r, v.taint().label() + " (" + where + ")", s.label(), trace));
        }
    }

    /** Return values of @OnMessage / @MessageMapping methods are sent to the client. */
    private void replySink(ReturnStmt r, Val v, Frame f) {
        if (f.method == null || !v.tainted()) return;
        // return broadcaster.broadcast(html): the send inside the return was already reported
        int from = JavaUnit.line(r), to = r.getRange().map(x -> x.end.line).orElse(from);
        JavaUnit ru = index.unitOf(r);
        for (JavaHit h : hits.values()) {
            if (ru != null && h.file().equals(ru.relPath) && h.region().startLine() >= from && h.region().startLine() <= to
                    && h.check().endsWith("-html")) return;
        }
        for (JavaModels.Sink s : models.sinks) {
            if (s.returnOf().isEmpty()) continue;
            for (AnnotationExpr a : f.method.getAnnotations()) {
                if (s.returnOf().contains(index.resolve(a.getNameAsString(), a))) sink(s, v, r, r.getExpression().orElse(null));
            }
        }
    }
}
