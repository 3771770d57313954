package io.wsscan.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One IR node: a kind, a source range as character offsets into the file text (end exclusive), an
 * optional text and ordered children whose meaning is fixed per {@link Kind}. Nodes are created by
 * front ends and then read only; identity is the node itself (analyses key side tables on it).
 */
public final class Node {

    public static final int ARROW = 1, ASYNC = 1 << 1, GENERATOR = 1 << 2, DECLARATION = 1 << 3,
            EXPRESSION_BODY = 1 << 4, METHOD = 1 << 5, GETTER = 1 << 6, SETTER = 1 << 7, STATIC = 1 << 8,
            COMPUTED = 1 << 9, SHORTHAND = 1 << 10, OPTIONAL = 1 << 11, PREFIX = 1 << 12, DELEGATE = 1 << 13,
            AWAIT = 1 << 14, DEFAULT = 1 << 15;

    public final Kind kind;
    public final int start;
    public final int end;
    public final String text;
    public final int flags;
    private final List<Node> kids;

    public Node(Kind kind, int start, int end, String text, int flags, List<Node> kids) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.text = text;
        this.flags = flags;
        this.kids = kids.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(kids));
    }

    public static Node leaf(Kind kind, int start, int end, String text) {
        return new Node(kind, start, end, text, 0, List.of());
    }

    public static Node empty(int at) {
        return new Node(Kind.EMPTY, at, at, null, 0, List.of());
    }

    public List<Node> kids() {
        return kids;
    }

    public Node kid(int i) {
        return kids.get(i);
    }

    public int size() {
        return kids.size();
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    public boolean isEmpty() {
        return kind == Kind.EMPTY;
    }

    /** Children from index {@code from} on (e.g. call arguments are {@code rest(1)}). */
    public List<Node> rest(int from) {
        return from >= kids.size() ? List.of() : kids.subList(from, kids.size());
    }

    /** Static property name of a MEMBER, or null when it is computed and not a string literal. */
    public String propertyName() {
        if (kind != Kind.MEMBER) return null;
        if (!has(COMPUTED)) return text;
        Node p = kids.get(1);
        return p.kind == Kind.STRING ? p.text : null;
    }

    /** Name of a PROPERTY key when it is static (identifier, string, number, private name). */
    public String keyName() {
        Node k = kids.get(0);
        if (has(COMPUTED)) return k.kind == Kind.STRING ? k.text : null;
        return k.text;
    }

    @Override
    public String toString() {
        return kind + (text != null ? "(" + text + ")" : "") + "@" + start + ".." + end;
    }

    /** A compact, range-free rendering used by tests and by the differential front-end tests. */
    public String shape() {
        StringBuilder sb = new StringBuilder();
        shape(sb);
        return sb.toString();
    }

    private void shape(StringBuilder sb) {
        sb.append(kind.name());
        if (text != null) sb.append('"').append(text).append('"');
        if (flags != 0) sb.append('#').append(flags);
        if (!kids.isEmpty()) {
            sb.append('(');
            for (int i = 0; i < kids.size(); i++) {
                if (i > 0) sb.append(' ');
                kids.get(i).shape(sb);
            }
            sb.append(')');
        }
    }
}
