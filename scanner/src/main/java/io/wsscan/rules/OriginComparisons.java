/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the origin comparisons of one check combine into its verdict, the same for Java and JavaScript
 * (docs/architecture.md, "The origin threat model"): <b>alternatives decide by the weakest, requirements
 * by the strongest</b>. Within a condition that admits when true, the operands of {@code ||} are
 * alternatives and those of {@code &&} requirements; within one that rejects when true ({@code if (!a &&
 * !b) reject}) it is the other way round, so that condition admits what passes either test. Conditions of one function that each accept on their own ({@code if (o.endsWith("x.com"))
 * return true; return ALLOWED.contains(o);}) are alternatives too; all other conditions must pass as
 * well ({@code if (!o.startsWith("https:")) reject; if (!ALLOWED.contains(o)) reject;}), so the
 * strongest of them protects the check. Each language supplies its syntax through {@link Syntax}.
 *
 * @param <N> a syntax node
 * @param <T> what a grader keeps with a comparison (its message, its node)
 */
public final class OriginComparisons<N, T> {

    /** How strictly a comparison pins the origin. */
    public enum Strength { NONE, WEAK, STRONG }

    /** What a node is to boolean logic. */
    public enum Op { NOT, OR, AND, PAREN, OTHER }

    /** The little a combination needs to know of a language's syntax. */
    public interface Syntax<N> {
        /** The parent, or null at the top of what the grader sees. */
        N parent(N n);

        Op op(N n);

        /** The operands of a {@link Op#NOT}, {@link Op#OR}, {@link Op#AND} or {@link Op#PAREN} node. */
        List<N> operands(N n);

        /**
         * When the condition {@code top} admits on its own ({@code return top}, {@code if (top) return
         * true}, {@code cb(top)}): a key for the function's accepting conditions; else null.
         */
        Object acceptGroup(N top);

        /**
         * True when the condition {@code top} guards a rejection ({@code if (cond) return false}, a
         * throw, a close): what passes is then what makes it false.
         */
        boolean rejects(N top);
    }

    /**
     * A position test of an index search, {@code i OP n} with {@code n} -1 or 0 ({@code indexOf(x) === -1},
     * {@code indexOf(x) >= 0}): {@link Op#NOT} when it means "not found", {@link Op#PAREN} when "found",
     * {@link Op#OTHER} for anything else. {@code numberOnRight} tells which side the number is on.
     */
    public static Op indexTest(String operator, double n, boolean numberOnRight) {
        String op = numberOnRight ? operator : switch (operator) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> operator;
        };
        boolean found;
        if (n == -1 && Set.of("===", "==").contains(op)) found = false;
        else if (n == -1 && Set.of("!==", "!=", ">").contains(op)) found = true;
        else if (n == 0 && op.equals(">=")) found = true;
        else if (n == 0 && op.equals("<")) found = false;
        else if (n == -1 && op.equals("<=")) found = false;
        else return Op.OTHER;
        return found ? Op.PAREN : Op.NOT;
    }

    /** Names of calls that refuse a handshake or drop a connection, for {@link Syntax#rejects}. */
    public static final java.util.regex.Pattern REJECTING_CALL =
            java.util.regex.Pattern.compile("(?i)close|destroy|reject|deny|terminate|forbid|abort|senderror|unauthori[sz]ed|refuse|disconnect");

    /** One comparison: its strength and what the grader keeps with it. */
    public record Comparison<T>(Strength strength, T detail) {
    }

    private final Syntax<N> syntax;
    private final Map<N, Comparison<T>> leaves = new IdentityHashMap<>();
    private final List<N> order = new ArrayList<>();

    public OriginComparisons(Syntax<N> syntax) {
        this.syntax = syntax;
    }

    /** A comparison at {@code node} (the boolean expression that compares); the weaker one counts twice at a node. */
    public void add(N node, Strength strength, T detail) {
        if (strength == Strength.NONE) return;
        Comparison<T> old = leaves.get(node);
        if (old == null) order.add(node);
        if (old == null || strength.ordinal() < old.strength().ordinal()) leaves.put(node, new Comparison<>(strength, detail));
    }

    /** The deciding comparison, or null when there is none. */
    public Comparison<T> verdict() {
        Map<N, Boolean> tops = new LinkedHashMap<>();
        for (N leaf : order) tops.put(top(leaf), true);
        Map<Object, Comparison<T>> accepting = new LinkedHashMap<>();
        Comparison<T> best = null;
        for (N top : tops.keySet()) {
            Object group = syntax.acceptGroup(top);
            Comparison<T> c = eval(top, group == null && syntax.rejects(top));
            if (c == null) continue;
            if (group != null) {
                accepting.merge(group, c, OriginComparisons::weaker);
            } else {
                best = stronger(best, c);
            }
        }
        for (Comparison<T> c : accepting.values()) best = stronger(best, c);
        return best;
    }

    /** The whole condition a comparison is part of. */
    private N top(N n) {
        for (N p = syntax.parent(n); p != null && syntax.op(p) != Op.OTHER; p = syntax.parent(p)) n = p;
        return n;
    }

    private Comparison<T> eval(N n, boolean negated) {
        Comparison<T> leaf = leaves.get(n);
        if (leaf != null) return leaf;
        Op op = syntax.op(n);
        if (op == Op.OTHER) return null;
        if (op == Op.NOT) negated = !negated;
        boolean alternatives = (op == Op.OR) != negated;
        Comparison<T> out = null;
        for (N k : syntax.operands(n)) {
            Comparison<T> c = eval(k, negated);
            if (c == null) continue;
            if (out == null) out = c;
            else if (op == Op.OR || op == Op.AND) out = alternatives ? weaker(out, c) : stronger(out, c);
        }
        return out;
    }

    private static <T> Comparison<T> weaker(Comparison<T> a, Comparison<T> b) {
        return b.strength().ordinal() < a.strength().ordinal() ? b : a;
    }

    private static <T> Comparison<T> stronger(Comparison<T> a, Comparison<T> b) {
        return a == null || b.strength().ordinal() > a.strength().ordinal() ? b : a;
    }
}
