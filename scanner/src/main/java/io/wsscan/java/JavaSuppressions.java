package io.wsscan.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Suppressions;

import java.util.ArrayList;
import java.util.List;

/**
 * Java {@code @SuppressWarnings("wsscan:RULE_ID")} (also {@code "wsscan:all"}) on a class, method,
 * field, parameter or local variable declaration suppresses that rule's findings that start inside the
 * annotated declaration.
 */
final class JavaSuppressions {

    private record Scope(int startLine, int endLine, String rule, int annotationLine) {
    }

    private JavaSuppressions() {
    }

    static Suppressions.Suppressor of(JavaUnit u) {
        List<Scope> scopes = new ArrayList<>();
        if (u.text.contains("wsscan:")) {
            for (AnnotationExpr a : u.all(AnnotationExpr.class)) {
                if (!a.getNameAsString().equals("SuppressWarnings") && !a.getNameAsString().equals("java.lang.SuppressWarnings")) continue;
                Node owner = a.getParentNode().orElse(null);
                if (!(owner instanceof NodeWithAnnotations<?>) || owner.getRange().isEmpty()) continue;
                for (String v : values(a)) {
                    if (!v.startsWith("wsscan:")) continue;
                    var r = owner.getRange().get();
                    scopes.add(new Scope(r.begin.line, r.end.line, v.substring("wsscan:".length()).trim(), JavaUnit.line(a)));
                }
            }
        }
        return f -> {
            int line = f.region().startLine();
            for (Scope s : scopes) {
                if (line >= s.startLine && line <= s.endLine && (s.rule.equals(f.ruleId()) || s.rule.equals("all"))) {
                    return new Finding.Suppression("@SuppressWarnings(\"wsscan:" + s.rule + "\")", s.annotationLine);
                }
            }
            return null;
        };
    }

    private static List<String> values(AnnotationExpr a) {
        List<String> out = new ArrayList<>();
        Expression v = null;
        if (a instanceof SingleMemberAnnotationExpr s) v = s.getMemberValue();
        else if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) if (p.getNameAsString().equals("value")) v = p.getValue();
        }
        if (v instanceof StringLiteralExpr s) out.add(s.asString());
        else if (v instanceof ArrayInitializerExpr arr) {
            for (Expression x : arr.getValues()) if (x instanceof StringLiteralExpr s) out.add(s.asString());
        }
        return out;
    }
}
