package io.wsscan.js.closure;

import com.google.javascript.jscomp.parsing.parser.trees.ParseTree;
import com.google.javascript.jscomp.parsing.parser.trees.ProgramTree;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Nesting;
import io.wsscan.ir.Node;

/**
 * Closure parse tree -> IR, one instance per file. The output follows the IR layout of
 * {@link Kind} and, node for node, what the Rhino front end produces for the same source (the
 * differential test holds the two together): parentheses are dropped (the inner expression keeps
 * its own range), statements include their semicolon, an absent optional child is an EMPTY at the
 * end of its parent, PARAMS is an empty range at the start of its function, a method's FUNCTION
 * spans from its '(' to its '}', and literals carry cooked values (numbers keep their spelling).
 *
 * <p>Class members: methods, getters and setters are PROPERTY nodes (flags METHOD / GETTER / SETTER,
 * plus STATIC and COMPUTED) whose value is a FUNCTION; fields are CLASS_FIELD; {@code static {}}
 * blocks are STATIC_BLOCK. A member's range starts at its first modifier ({@code static},
 * {@code async}, {@code get}, '*'), which the parse tree does not always include, so those starts
 * are found by skipping whitespace and comments from the end of the previous member.
 *
 * <p>The work is split by what is lowered: {@link StatementLowering}, {@link ExpressionLowering},
 * {@link PatternLowering}, {@link DeclarationLowering} (functions, classes and members) and
 * {@link ModuleLowering} (imports and exports). This class owns what they share for one file: the
 * text, and the one {@link Nesting} that every statement, expression and pattern, whichever part
 * lowers it, passes through.
 */
final class Lowering {

    final String text;

    private final Nesting nesting = new Nesting();

    final StatementLowering statements;
    final ExpressionLowering expressions;
    final PatternLowering patterns;
    final DeclarationLowering declarations;
    final ModuleLowering modules;

    Lowering(String text) {
        this.text = text;
        statements = new StatementLowering(this);
        expressions = new ExpressionLowering(this);
        patterns = new PatternLowering(this);
        declarations = new DeclarationLowering(this);
        modules = new ModuleLowering(this);
    }

    Node program(ProgramTree p) {
        return new Node(Kind.PROGRAM, 0, text.length(), null, 0, statements.of(p.sourceElements));
    }

    Node stmt(ParseTree t) {
        nesting.enter();
        try {
            return statements.lower(t);
        } finally {
            nesting.exit();
        }
    }

    Node expr(ParseTree t) {
        nesting.enter();
        try {
            return expressions.lower(t);
        } finally {
            nesting.exit();
        }
    }

    /** Binding or assignment targets: names, members, and destructuring forms. */
    Node pattern(ParseTree t) {
        nesting.enter();
        try {
            return patterns.lower(t);
        } finally {
            nesting.exit();
        }
    }
}
