package io.wsscan.js.treesitter;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code import} and {@code export} declarations: specifiers and module names, re-exports, and the
 * declaration an export wraps. TypeScript's type-only imports and exports are dropped here. Separate
 * because module syntax is a grammar of its own that only the statement part reaches.
 */
final class ModuleLowering extends LoweringPart {

    ModuleLowering(TreeSitterLowering lowering) {
        super(lowering);
    }

    Node importDecl(TNode t) {
        if (isTypeOnly(t)) return null;
        List<Node> specs = new ArrayList<>();
        TNode clause = null;
        for (TNode k : t.kids) if (k.type == "import_clause") clause = k;
        if (clause != null) {
            for (TNode k : clause.kids) {
                switch (k.type) {
                    case "identifier" -> specs.add(node(Kind.IMPORT_SPEC, k, "default", 0, List.of(ident(k))));
                    case "namespace_import" -> {
                        TNode id = k.firstNamed();
                        if (id != null) specs.add(node(Kind.IMPORT_SPEC, k, "*", 0, List.of(ident(id))));
                    }
                    case "named_imports" -> {
                        for (TNode s : k.kids) {
                            if (s.type != "import_specifier" || isTypeOnly(s)) continue;
                            TNode name = s.field("name");
                            TNode alias = s.field("alias");
                            if (name == null) continue;
                            specs.add(node(Kind.IMPORT_SPEC, s, moduleName(name), 0, List.of(ident(alias != null ? alias : name))));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        TNode source = t.field("source");
        return node(Kind.IMPORT, t, source == null ? "" : cookString(src(source)), 0, specs);
    }

    /** {@code import type ...}, {@code export type ...}, {@code type X} specifiers. */
    private static boolean isTypeOnly(TNode t) {
        for (TNode k : t.kids) {
            if (!k.named && (k.type == "type" || k.type == "typeof")) return true;
            if (k.named) break;
        }
        return false;
    }

    private String moduleName(TNode name) {
        return name.type == "string" ? cookString(src(name)) : src(name);
    }

    Node exportDecl(TNode t) {
        if (isTypeOnly(t)) return null;
        TNode source = t.field("source");
        String from = source == null ? null : cookString(src(source));
        boolean isDefault = t.hasToken("default");
        int flags = isDefault ? Node.DEFAULT : 0;
        List<Node> kids = new ArrayList<>();
        TNode decl = t.field("declaration");
        TNode value = t.field("value");
        if (decl != null) {
            switch (decl.type) {
                case "lexical_declaration", "variable_declaration" -> kids.add(lowering.statements.varDecl(decl, decl.start, t.end));
                case "function_declaration", "generator_function_declaration" -> kids.add(lowering.declarations.function(decl, Node.DECLARATION));
                case "class_declaration", "abstract_class_declaration" -> kids.add(lowering.declarations.classNode(decl, true));
                case "enum_declaration" -> kids.add(lowering.typeScript.enumDecl(decl, decl.start, t.end));
                default -> {
                    Node n = stmt(decl);
                    if (n == null) return null; // export interface / type / declare ...
                    kids.add(n);
                }
            }
        } else if (value != null) {
            if (isDefault && (value.type == "function_expression" || value.type == "function"
                    || value.type == "generator_function")) {
                kids.add(lowering.declarations.function(value, Node.DECLARATION));
            } else if (isDefault && value.type == "class") {
                kids.add(lowering.declarations.classNode(value, true));
            } else {
                kids.add(expr(value));
            }
        } else {
            TNode clause = null, nsExport = null;
            for (TNode k : t.kids) {
                if (k.type == "export_clause") clause = k;
                else if (k.type == "namespace_export") nsExport = k;
            }
            if (clause != null) {
                for (TNode s : clause.kids) {
                    if (s.type != "export_specifier" || isTypeOnly(s)) continue;
                    TNode name = s.field("name");
                    TNode alias = s.field("alias");
                    if (name == null) continue;
                    kids.add(node(Kind.EXPORT_SPEC, s, moduleName(alias != null ? alias : name), 0, List.of(ident(name))));
                }
            } else {
                TNode star = t.token("*");
                if (nsExport != null) {
                    TNode id = nsExport.firstNamed();
                    int s = nsExport.start;
                    kids.add(new Node(Kind.EXPORT_SPEC, s, nsExport.end, id == null ? "*" : moduleName(id), 0,
                            List.of(new Node(Kind.IDENT, s, s + 1, "*", 0, List.of()))));
                } else if (star != null) {
                    kids.add(new Node(Kind.EXPORT_SPEC, star.start, star.end, "*", 0,
                            List.of(new Node(Kind.IDENT, star.start, star.end, "*", 0, List.of()))));
                } else if (t.hasToken("=")) { // TypeScript "export = x"
                    TNode e = t.firstNamed();
                    if (e != null) kids.add(expr(e));
                    flags |= Node.DEFAULT;
                }
            }
        }
        return new Node(Kind.EXPORT, DeclarationLowering.memberStart(t), t.end, from, flags, kids);
    }
}
