package io.wsscan.js.treesitter;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Nesting;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * tree-sitter tree (copied into {@link TNode}s) -> IR, one instance per file. Shapes and ranges follow
 * the Closure lowering ({@code io.wsscan.js.closure.Lowering}) node for node, so that the two agree on
 * JavaScript both parse: parentheses are dropped, statements include their semicolon, an absent
 * optional child is an EMPTY at the end of its parent, PARAMS is an empty range at the start of its
 * function, a method's FUNCTION spans from its '(' to its '}', literals carry cooked values.
 *
 * <p>TypeScript: type annotations, type arguments and parameters, interfaces, type aliases,
 * {@code declare} statements, overload signatures, index signatures, accessibility modifiers and
 * decorators are dropped without being walked; {@code as}, {@code satisfies}, {@code <T>x} and
 * {@code x!} lower to their operand; enums become {@code const E = {A: value, ...}} (members without
 * an initializer count up from the last numeric one); namespaces become a BLOCK of their body.
 * Receiver type hints are not emitted (see the package notes in the front end's report).
 *
 * <p>Errors: ERROR nodes in statement position contribute the statements and expressions found in
 * them; elsewhere they become UNKNOWN("ERROR") with whatever children lower.
 *
 * <p>The work is split by what is lowered: {@link StatementLowering}, {@link ExpressionLowering},
 * {@link PatternLowering}, {@link DeclarationLowering} (functions and classes), {@link ModuleLowering}
 * (imports and exports), {@link TypeScriptLowering} and {@link JsxLowering}. This class owns what they
 * share for one file: the text, and the one {@link Nesting} that every statement and expression,
 * whichever part lowers it, passes through.
 */
final class TreeSitterLowering {

    final String text;
    private final Nesting nesting = new Nesting();

    final StatementLowering statements;
    final ExpressionLowering expressions;
    final PatternLowering patterns;
    final DeclarationLowering declarations;
    final ModuleLowering modules;
    final TypeScriptLowering typeScript;
    final JsxLowering jsx;

    TreeSitterLowering(String text) {
        this.text = text;
        statements = new StatementLowering(this);
        expressions = new ExpressionLowering(this);
        patterns = new PatternLowering(this);
        declarations = new DeclarationLowering(this);
        modules = new ModuleLowering(this);
        typeScript = new TypeScriptLowering(this);
        jsx = new JsxLowering(this);
    }

    static boolean isComment(TNode t) {
        return t.type == "comment" || t.type == "html_comment" || t.type == "hash_bang_line";
    }

    Node program(TNode root) {
        List<Node> body = new ArrayList<>();
        if (root.type == "ERROR") statements.salvage(root, body);
        else statements.addAll(root, body);
        return new Node(Kind.PROGRAM, 0, text.length(), null, 0, body);
    }

    Node stmt(TNode t) {
        nesting.enter();
        try {
            return statements.lower(t);
        } finally {
            nesting.exit();
        }
    }

    Node expr(TNode t) {
        nesting.enter();
        try {
            return expressions.lower(t);
        } finally {
            nesting.exit();
        }
    }
}
