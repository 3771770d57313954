package io.wsscan.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchStmt;

import io.wsscan.rules.OriginComparisons;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what a piece of code does with the Origin of a handshake: compares it strictly against
 * values the attacker cannot choose, compares it loosely ({@code contains}, unanchored
 * {@code endsWith}, {@code startsWith}), or not at all. Follows the origin into helper methods of the
 * project (two levels). Several comparisons combine as {@link OriginComparisons} says (alternatives by
 * the weakest, requirements by the strongest), the rule JavaScript's grader follows too.
 */
final class OriginLogic {

    enum Kind { NONE, STRONG, WEAK }

    /** A verdict; {@code detail} names the loose comparison for weak ones, {@code at} where it is. */
    record Verdict(Kind kind, String detail, Node at) {
        static final Verdict NONE = new Verdict(Kind.NONE, null, null);

        /**
         * Two check points that each can reject the handshake (a configurator and a filter): both must
         * pass, so the stronger decides (the requirements rule of {@link OriginComparisons}).
         */
        Verdict or(Verdict o) {
            return rank(o.kind) > rank(kind) ? o : this;
        }

        private static int rank(Kind k) {
            return k == Kind.STRONG ? 2 : k == Kind.WEAK ? 1 : 0;
        }
    }

    private final JavaModels.OriginLogic m;
    private final JavaTypes types;
    private final Set<String> headerNames = new HashSet<>();

    OriginLogic(JavaModels models, JavaTypes types) {
        this.m = models.origin;
        this.types = types;
        for (String h : m.headerNames()) headerNames.add(h.toLowerCase(Locale.ROOT));
    }

    /** Classifies the code under {@code scope}; {@code originParams} are parameters that hold the origin. */
    Verdict classify(Node scope, Set<Parameter> originParams) {
        return classify(scope, originParams, 0);
    }

    private Verdict classify(Node scope, Set<Parameter> originParams, int depth) {
        if (scope == null) return Verdict.NONE;
        Set<String> vars = new HashSet<>();
        for (Parameter p : originParams) vars.add(p.getNameAsString());
        // locals (and fields assigned in scope) that hold the origin, to a fixpoint
        boolean changed = true;
        while (changed) {
            changed = false;
            for (VariableDeclarator v : scope.findAll(VariableDeclarator.class)) {
                if (!vars.contains(v.getNameAsString()) && v.getInitializer().isPresent() && isOrigin(v.getInitializer().get(), vars)) {
                    changed |= vars.add(v.getNameAsString());
                }
            }
            for (AssignExpr a : scope.findAll(AssignExpr.class)) {
                if (a.getTarget() instanceof NameExpr n && !vars.contains(n.getNameAsString()) && isOrigin(a.getValue(), vars)) {
                    changed |= vars.add(n.getNameAsString());
                }
            }
        }
        OriginComparisons<Node, Verdict> out = new OriginComparisons<>(SYNTAX);
        for (MethodCallExpr c : scope.findAll(MethodCallExpr.class)) {
            String name = c.getNameAsString();
            boolean onOrigin = c.getScope().map(s -> isOrigin(s, vars)).orElse(false);
            boolean argOrigin = c.getArguments().stream().anyMatch(a -> isOrigin(a, vars));
            if (onOrigin && m.weak().contains(name)) {
                String arg = c.getArguments().isEmpty() ? null : types.index().fold(c.getArgument(0));
                if (name.startsWith("startsWith") && arg != null && arg.matches("[a-zA-Z][a-zA-Z0-9+.-]*://")) {
                    continue; // a scheme test alone decides nothing about the host
                } else if (name.startsWith("endsWith") && arg != null && (arg.startsWith(".") || arg.contains("://"))) {
                    add(out, new Verdict(Kind.STRONG, null, c));
                } else {
                    add(out, new Verdict(Kind.WEAK, name + "(" + (arg == null ? "..." : '"' + arg + '"') + ")", c));
                }
            } else if (onOrigin && name.equals("matches") && c.getArguments().size() == 1 && looseRegex(types.index().fold(c.getArgument(0)))) {
                add(out, new Verdict(Kind.WEAK, "matches(\"" + types.index().fold(c.getArgument(0)) + "\")", c));
            } else if (onOrigin && m.strong().contains(name)) {
                add(out, new Verdict(Kind.STRONG, null, c));
            } else if (argOrigin && name.equals("matcher") && looseRegex(compiledRegex(c.getScope().orElse(null)))) {
                add(out, new Verdict(Kind.WEAK, "Pattern \"" + compiledRegex(c.getScope().orElse(null)) + "\"", c));
            } else if (argOrigin && (m.strong().contains(name) || m.lookups().contains(name))) {
                add(out, new Verdict(Kind.STRONG, null, c));
            } else if (depth < 2 && (argOrigin || passesValues(c))) {
                // a helper of the project: isAllowed(origin), OriginPolicy.check(origin), or one handed the
                // request that reads the Origin itself: SessionHelper.isSessionOriginValid(req)
                for (MethodDeclaration md : callees(c)) {
                    if (!argOrigin && !readsOrigin(md)) continue;
                    Set<Parameter> ps = new HashSet<>();
                    for (int i = 0; i < c.getArguments().size() && i < md.getParameters().size(); i++) {
                        if (isOrigin(c.getArgument(i), vars)) ps.add(md.getParameter(i));
                    }
                    Verdict h = classify(md, ps, depth + 1);
                    // the helper's verdict stands where it is called: isAllowed(origin) || origin.contains(..)
                    if (h.kind() != Kind.NONE) out.add(c, strength(h), new Verdict(h.kind(), h.detail(), h.at() == null ? c : h.at()));
                }
            }
        }
        for (SwitchStmt s : scope.findAll(SwitchStmt.class)) if (isOrigin(s.getSelector(), vars)) add(out, new Verdict(Kind.STRONG, null, s));
        for (SwitchExpr s : scope.findAll(SwitchExpr.class)) if (isOrigin(s.getSelector(), vars)) add(out, new Verdict(Kind.STRONG, null, s));
        OriginComparisons.Comparison<Verdict> v = out.verdict();
        return v == null ? Verdict.NONE : v.detail();
    }

    private void add(OriginComparisons<Node, Verdict> out, Verdict v) {
        out.add(v.at(), strength(v), v);
    }

    private static OriginComparisons.Strength strength(Verdict v) {
        return switch (v.kind()) {
            case STRONG -> OriginComparisons.Strength.STRONG;
            case WEAK -> OriginComparisons.Strength.WEAK;
            case NONE -> OriginComparisons.Strength.NONE;
        };
    }

    /** Java's boolean syntax for {@link OriginComparisons}. */
    private static final OriginComparisons.Syntax<Node> SYNTAX = new OriginComparisons.Syntax<>() {
        @Override
        public Node parent(Node n) {
            return n.getParentNode().orElse(null);
        }

        @Override
        public OriginComparisons.Op op(Node n) {
            if (n instanceof EnclosedExpr) return OriginComparisons.Op.PAREN;
            if (n instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) return OriginComparisons.Op.NOT;
            if (n instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.OR) return OriginComparisons.Op.OR;
            if (n instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.AND) return OriginComparisons.Op.AND;
            if (n instanceof BinaryExpr b && number(b.getRight()) != null) return OriginComparisons.indexTest(b.getOperator().asString(), number(b.getRight()), true);
            if (n instanceof BinaryExpr b && number(b.getLeft()) != null) return OriginComparisons.indexTest(b.getOperator().asString(), number(b.getLeft()), false);
            return OriginComparisons.Op.OTHER;
        }

        /** An int literal, also negated ({@code -1}), or null. */
        private Double number(Expression e) {
            if (e instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr i) return (double) i.asNumber().intValue();
            if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS && u.getExpression() instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr i) {
                return -(double) i.asNumber().intValue();
            }
            return null;
        }

        @Override
        public List<Node> operands(Node n) {
            if (n instanceof EnclosedExpr e) return List.of(e.getInner());
            if (n instanceof UnaryExpr u) return List.of(u.getExpression());
            if (n instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.OR || b.getOperator() == BinaryExpr.Operator.AND)) {
                return List.of(b.getLeft(), b.getRight());
            }
            if (n instanceof BinaryExpr b) return List.of(number(b.getRight()) != null ? b.getLeft() : b.getRight()); // an index test
            return List.of();
        }

        @Override
        public Object acceptGroup(Node top) {
            Node p = top.getParentNode().orElse(null);
            boolean accepts = p instanceof ReturnStmt || p instanceof IfStmt i && i.getCondition() == top && returnsTrue(i.getThenStmt());
            if (!accepts) return null;
            for (Node m = p; m != null; m = m.getParentNode().orElse(null)) {
                if (m instanceof MethodDeclaration || m instanceof com.github.javaparser.ast.expr.LambdaExpr) return m;
            }
            return null;
        }

        @Override
        public boolean rejects(Node top) {
            if (!(top.getParentNode().orElse(null) instanceof IfStmt i) || i.getCondition() != top) return false;
            List<com.github.javaparser.ast.stmt.Statement> then = i.getThenStmt() instanceof com.github.javaparser.ast.stmt.BlockStmt b
                    ? b.getStatements() : List.of(i.getThenStmt());
            for (com.github.javaparser.ast.stmt.Statement st : then) {
                if (st instanceof com.github.javaparser.ast.stmt.ThrowStmt) return true;
                Expression e = st instanceof ReturnStmt r ? r.getExpression().orElse(null)
                        : st instanceof com.github.javaparser.ast.stmt.ExpressionStmt es ? es.getExpression() : null;
                if (st instanceof ReturnStmt && (e == null || e instanceof BooleanLiteralExpr bl && !bl.getValue())) return true;
                if (e instanceof MethodCallExpr m && (OriginComparisons.REJECTING_CALL.matcher(m.getNameAsString()).find()
                        || !m.getArguments().isEmpty() && m.getArgument(0) instanceof BooleanLiteralExpr bl && !bl.getValue())) return true;
            }
            return false;
        }
    };

    /** {@code return true;}, alone or as the last statement of a block. */
    private static boolean returnsTrue(com.github.javaparser.ast.stmt.Statement s) {
        if (s instanceof com.github.javaparser.ast.stmt.BlockStmt b && !b.getStatements().isEmpty()) s = b.getStatements().getLast().orElseThrow();
        return s instanceof ReturnStmt r && r.getExpression().orElse(null) instanceof BooleanLiteralExpr bl && bl.getValue();
    }

    /**
     * A regular expression for an origin that other hosts can match: a leading {@code .*}, a wildcard
     * right after the scheme that is not followed by an escaped dot ({@code https://.*example\.com}),
     * or an unescaped dot between host labels ({@code app.example\.com}).
     */
    static boolean looseRegex(String re) {
        if (re == null) return false;
        String r = re.startsWith("^") ? re.substring(1) : re;
        if (r.startsWith(".*") || r.startsWith(".+")) return true;
        if (r.matches(".*://(\\.\\*|\\.\\+|\\[\\^/]\\*)[A-Za-z0-9].*")) return true;
        return r.matches(".*[A-Za-z0-9](?<!\\\\)\\.[A-Za-z].*") && !r.matches(".*\\.[*+?].*");
    }

    /** The expression of a {@code Pattern.compile("...")} constant, or null. */
    private String compiledRegex(Expression pattern) {
        Expression init = pattern instanceof NameExpr || pattern instanceof FieldAccessExpr ? types.index().initializer(pattern) : pattern;
        if (init instanceof MethodCallExpr mc && mc.getNameAsString().equals("compile") && !mc.getArguments().isEmpty()) {
            return types.index().fold(mc.getArgument(0));
        }
        return null;
    }

    /**
     * A call that hands values (the request, the handshake) to its callee and decides with the answer:
     * {@code if (!helper(req))}, {@code helper(req) ? socket : null}, {@code return helper(req)} — not a
     * call that goes on to handle the request itself ({@code audit(ctx, req);}).
     */
    private static boolean passesValues(MethodCallExpr c) {
        if (c.getArguments().stream().noneMatch(a -> a instanceof NameExpr || a instanceof FieldAccessExpr)) return false;
        Node p = c.getParentNode().orElse(null);
        return p instanceof IfStmt || p instanceof UnaryExpr || p instanceof BinaryExpr || p instanceof ReturnStmt
                || p instanceof EnclosedExpr || p instanceof VariableDeclarator
                || p instanceof com.github.javaparser.ast.expr.ConditionalExpr ce && ce.getCondition() == c;
    }

    /** True when the code reads the Origin header at all (used for checks made too late). */
    boolean readsOrigin(Node scope) {
        for (MethodCallExpr c : scope.findAll(MethodCallExpr.class)) if (isOrigin(c, Set.of())) return true;
        return false;
    }

    List<MethodDeclaration> callees(MethodCallExpr c) {
        String owner = c.getScope().map(s -> {
            String t = types.index().typeNamed(s, c);
            return t != null && types.index().type(t) != null ? t : types.of(s);
        }).orElseGet(() -> types.thisType(c));
        if (owner == null) return List.of();
        return types.index().methods(owner, c.getNameAsString()).stream()
                .filter(md -> md.getParameters().size() == c.getArguments().size() && md.getBody().isPresent()).toList();
    }

    /** An expression whose value is the Origin: a variable holding it, a header read, or a value derived from one. */
    boolean isOrigin(Expression e, Set<String> vars) {
        if (e instanceof EnclosedExpr p) return isOrigin(p.getInner(), vars);
        if (e instanceof NameExpr n) return vars.contains(n.getNameAsString());
        if (e instanceof MethodCallExpr c) {
            String name = c.getNameAsString();
            if (m.accessors().contains(name) && c.getArguments().isEmpty()) return true;
            for (Expression a : c.getArguments()) if (namesOriginHeader(a)) return true;
            // derived values: origin.toLowerCase(), headers.get("Origin").get(0), Optional.orElse
            if (c.getScope().isPresent() && isOrigin(c.getScope().get(), vars)
                    && !m.strong().contains(name) && !m.weak().contains(name)) return true;
            if (Set.of("requireNonNullElse", "ofNullable", "valueOf", "create").contains(name)) {
                for (Expression a : c.getArguments()) if (isOrigin(a, vars)) return true;
            }
        }
        return false;
    }

    private boolean namesOriginHeader(Expression a) {
        if (a instanceof FieldAccessExpr f && m.headerConstants().contains(f.getNameAsString())) return true;
        if (a instanceof NameExpr n && m.headerConstants().contains(n.getNameAsString())) return true;
        String s = types.index().fold(a);
        return s != null && headerNames.contains(s.toLowerCase(Locale.ROOT));
    }

    /** True when every return of the method gives {@code true} (also through trivial helpers). */
    boolean alwaysTrue(MethodDeclaration md) {
        return alwaysTrue(md, 0);
    }

    private boolean alwaysTrue(MethodDeclaration md, int depth) {
        if (md.getBody().isEmpty() || depth > 3) return false;
        List<ReturnStmt> returns = md.getBody().get().findAll(ReturnStmt.class);
        if (returns.isEmpty()) return false;
        for (ReturnStmt r : returns) {
            Expression e = r.getExpression().orElse(null);
            if (!isTrue(e, depth)) return false;
        }
        return true;
    }

    private boolean isTrue(Expression e, int depth) {
        if (e instanceof EnclosedExpr p) return isTrue(p.getInner(), depth);
        if (e instanceof BooleanLiteralExpr b) return b.getValue();
        if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT
                && u.getExpression() instanceof BooleanLiteralExpr b) return !b.getValue();
        if (e instanceof MethodCallExpr c && (c.getScope().isEmpty() || c.getScope().get().isThisExpr() || c.getScope().get().isNameExpr())) {
            List<MethodDeclaration> cs = callees(c);
            return !cs.isEmpty() && cs.stream().allMatch(md -> alwaysTrue(md, depth + 1));
        }
        return false;
    }
}
