package io.wsscan.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchStmt;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what a piece of code does with the Origin of a handshake: compares it strictly against
 * values the attacker cannot choose, compares it loosely ({@code contains}, unanchored
 * {@code endsWith}, {@code startsWith}), or not at all. Follows the origin into helper methods of the
 * project (two levels).
 */
final class OriginLogic {

    enum Kind { NONE, STRONG, WEAK }

    /** A verdict; {@code detail} names the loose comparison for weak ones, {@code at} where it is. */
    record Verdict(Kind kind, String detail, Node at) {
        static final Verdict NONE = new Verdict(Kind.NONE, null, null);

        Verdict or(Verdict o) {
            // a loose comparison anywhere makes the whole check bypassable
            if (kind == Kind.WEAK) return this;
            if (o.kind == Kind.WEAK) return o;
            if (kind == Kind.STRONG) return this;
            return o;
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
        Verdict out = Verdict.NONE;
        for (MethodCallExpr c : scope.findAll(MethodCallExpr.class)) {
            String name = c.getNameAsString();
            boolean onOrigin = c.getScope().map(s -> isOrigin(s, vars)).orElse(false);
            boolean argOrigin = c.getArguments().stream().anyMatch(a -> isOrigin(a, vars));
            if (onOrigin && m.weak().contains(name)) {
                String arg = c.getArguments().isEmpty() ? null : types.index().fold(c.getArgument(0));
                if (name.startsWith("startsWith") && arg != null && arg.matches("[a-zA-Z][a-zA-Z0-9+.-]*://")) {
                    continue; // a scheme test alone decides nothing about the host
                } else if (name.startsWith("endsWith") && arg != null && (arg.startsWith(".") || arg.contains("://"))) {
                    out = out.or(new Verdict(Kind.STRONG, null, c));
                } else {
                    out = out.or(new Verdict(Kind.WEAK, name + "(" + (arg == null ? "..." : '"' + arg + '"') + ")", c));
                }
            } else if (onOrigin && name.equals("matches") && c.getArguments().size() == 1 && looseRegex(types.index().fold(c.getArgument(0)))) {
                out = out.or(new Verdict(Kind.WEAK, "matches(\"" + types.index().fold(c.getArgument(0)) + "\")", c));
            } else if (onOrigin && m.strong().contains(name)) {
                out = out.or(new Verdict(Kind.STRONG, null, c));
            } else if (argOrigin && name.equals("matcher") && looseRegex(compiledRegex(c.getScope().orElse(null)))) {
                out = out.or(new Verdict(Kind.WEAK, "Pattern \"" + compiledRegex(c.getScope().orElse(null)) + "\"", c));
            } else if (argOrigin && (m.strong().contains(name) || m.lookups().contains(name))) {
                out = out.or(new Verdict(Kind.STRONG, null, c));
            } else if (argOrigin && depth < 2) {
                // a helper of the project: isAllowed(origin), OriginPolicy.check(origin)
                for (MethodDeclaration md : callees(c)) {
                    Set<Parameter> ps = new HashSet<>();
                    for (int i = 0; i < c.getArguments().size() && i < md.getParameters().size(); i++) {
                        if (isOrigin(c.getArgument(i), vars)) ps.add(md.getParameter(i));
                    }
                    out = out.or(classify(md, ps, depth + 1));
                }
            }
        }
        for (SwitchStmt s : scope.findAll(SwitchStmt.class)) if (isOrigin(s.getSelector(), vars)) out = out.or(new Verdict(Kind.STRONG, null, s));
        for (SwitchExpr s : scope.findAll(SwitchExpr.class)) if (isOrigin(s.getSelector(), vars)) out = out.or(new Verdict(Kind.STRONG, null, s));
        return out;
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
