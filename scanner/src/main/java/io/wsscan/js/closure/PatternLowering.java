package io.wsscan.js.closure;

import com.google.javascript.jscomp.parsing.parser.trees.*;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Binding and assignment targets: names, members, and destructuring forms with defaults and rest.
 * Separate because Closure uses the same trees (a property assignment, a default parameter) for
 * targets and values; anything that is not a pattern is lowered as an expression.
 */
final class PatternLowering extends LoweringPart {

    PatternLowering(Lowering lowering) {
        super(lowering);
    }

    /** One target; called by {@link Lowering#pattern}, which guards the depth. */
    Node lower(ParseTree t) {
        switch (t.type) {
            case PAREN_EXPRESSION:
                return pattern(((ParenExpressionTree) t).expression);
            case ARRAY_PATTERN: {
                List<ParseTree> els = ((ArrayPatternTree) t).elements;
                List<Node> kids = new ArrayList<>(els.size());
                for (ParseTree e : els) kids.add(e.type == ParseTreeType.NULL ? lowering.expressions.hole(e) : pattern(e));
                return node(Kind.ARRAY_PATTERN, t, kids);
            }
            case OBJECT_PATTERN: {
                List<ParseTree> fields = ((ObjectPatternTree) t).fields;
                List<Node> kids = new ArrayList<>(fields.size());
                for (ParseTree f : fields) kids.add(patternProperty(f));
                return node(Kind.OBJECT_PATTERN, t, kids);
            }
            case DEFAULT_PARAMETER: {
                DefaultParameterTree d = (DefaultParameterTree) t;
                return node(Kind.ASSIGN_PATTERN, t, List.of(pattern(d.lhs), expr(d.defaultValue)));
            }
            case ITER_REST:
                return node(Kind.REST, t, List.of(pattern(((IterRestTree) t).assignmentTarget)));
            case OBJECT_REST:
                return node(Kind.REST, t, List.of(pattern(((ObjectRestTree) t).assignmentTarget)));
            default:
                return expr(t);
        }
    }

    private Node patternProperty(ParseTree f) {
        switch (f.type) {
            case PROPERTY_NAME_ASSIGNMENT: {
                PropertyNameAssignmentTree p = (PropertyNameAssignmentTree) f;
                Node key = lowering.declarations.key(p.name);
                if (p.value == null) return node(Kind.PROPERTY, f, null, Node.SHORTHAND, List.of(key, ident(p.name)));
                return node(Kind.PROPERTY, f, null, 0, List.of(key, pattern(p.value)));
            }
            case DEFAULT_PARAMETER: { // {a = 1}: shorthand with a default
                DefaultParameterTree d = (DefaultParameterTree) f;
                Node target = pattern(d.lhs);
                Node key = new Node(Kind.IDENT, target.start, target.end, target.text, 0, List.of());
                return node(Kind.PROPERTY, f, null, Node.SHORTHAND, List.of(key, pattern(f)));
            }
            case COMPUTED_PROPERTY_DEFINITION: {
                ComputedPropertyDefinitionTree p = (ComputedPropertyDefinitionTree) f;
                return node(Kind.PROPERTY, f, null, Node.COMPUTED, List.of(expr(p.property), pattern(p.value)));
            }
            default:
                return pattern(f);
        }
    }
}
