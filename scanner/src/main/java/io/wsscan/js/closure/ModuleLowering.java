package io.wsscan.js.closure;

import com.google.javascript.jscomp.parsing.parser.IdentifierToken;
import com.google.javascript.jscomp.parsing.parser.Token;
import com.google.javascript.jscomp.parsing.parser.trees.*;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.js.JsText;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code import} and {@code export} declarations: specifiers, module names, re-exports and the
 * declaration an export wraps. Separate because module syntax is a grammar of its own, and Closure
 * gives no position for the '*' of a namespace import or export: it is found in the text.
 */
final class ModuleLowering extends LoweringPart {

    ModuleLowering(Lowering lowering) {
        super(lowering);
    }

    Node importDecl(ImportDeclarationTree d) {
        List<Node> specs = new ArrayList<>();
        if (d.defaultBindingIdentifier != null) {
            IdentifierToken b = d.defaultBindingIdentifier;
            specs.add(new Node(Kind.IMPORT_SPEC, start(b), end(b), "default", 0, List.of(ident(b))));
        }
        if (d.nameSpaceImportIdentifier != null) {
            IdentifierToken b = d.nameSpaceImportIdentifier;
            int from = d.defaultBindingIdentifier != null ? end(d.defaultBindingIdentifier) : start(d) + "import".length();
            int star = JsText.find(text, from, '*', start(b));
            specs.add(new Node(Kind.IMPORT_SPEC, star, end(b), "*", 0, List.of(ident(b))));
        }
        if (d.importSpecifierList != null) {
            for (ParseTree s : d.importSpecifierList) {
                ImportSpecifierTree spec = (ImportSpecifierTree) s;
                Token local = spec.destinationName != null ? spec.destinationName : spec.importedName;
                specs.add(node(Kind.IMPORT_SPEC, spec, name(spec.importedName), 0, List.of(ident(local))));
            }
        }
        return node(Kind.IMPORT, d, JsText.cookString(d.moduleSpecifier.value), 0, specs);
    }

    Node exportDecl(ExportDeclarationTree d) {
        String from = d.from == null ? null : JsText.cookString(d.from.value);
        int flags = d.isDefault ? Node.DEFAULT : 0;
        List<Node> kids = new ArrayList<>();
        if (d.declaration != null) {
            ParseTree decl = d.declaration;
            switch (decl.type) {
                case VARIABLE_DECLARATION_LIST -> // the statement's semicolon belongs to the export
                        kids.add(lowering.statements.varDecl((VariableDeclarationListTree) decl, start(decl), end(d)));
                case FUNCTION_DECLARATION -> { // "export default function () {}" is a declaration, an arrow is not
                    FunctionDeclarationTree f = (FunctionDeclarationTree) decl;
                    boolean declaration = d.isDefault && f.kind == FunctionDeclarationTree.Kind.EXPRESSION;
                    kids.add(lowering.declarations.function(f, declaration ? Node.DECLARATION : 0));
                }
                case CLASS_DECLARATION -> kids.add(lowering.declarations.classNode((ClassDeclarationTree) decl, true));
                default -> kids.add(expr(decl));
            }
        } else if (d.isExportAll) {
            int star = JsText.find(text, start(d) + "export".length(), '*', start(d));
            kids.add(new Node(Kind.EXPORT_SPEC, star, star + 1, "*", 0,
                    List.of(new Node(Kind.IDENT, star, star + 1, "*", 0, List.of()))));
        } else if (d.exportSpecifierList != null) {
            for (ParseTree s : d.exportSpecifierList) {
                ExportSpecifierTree spec = (ExportSpecifierTree) s;
                Token exported = spec.destinationName != null ? spec.destinationName : spec.importedName;
                kids.add(node(Kind.EXPORT_SPEC, spec, name(exported), 0, List.of(ident(spec.importedName))));
            }
        }
        return node(Kind.EXPORT, d, from, flags, kids);
    }
}
