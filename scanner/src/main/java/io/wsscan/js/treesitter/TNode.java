package io.wsscan.js.treesitter;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java-side copy of one tree-sitter node, made in a single iterative cursor pass so that the
 * lowering never calls into native code (and never holds native objects). Offsets are already
 * converted to UTF-16 character offsets into the file text.
 */
final class TNode {

    static final TNode[] NONE = new TNode[0];

    final String type;     // grammar symbol name, interned per language ("ERROR" for error nodes)
    final boolean named;
    final String field;    // field name in the parent, or null
    final int start;
    final int end;
    final boolean missing;
    TNode[] kids = NONE;
    List<TNode> building;  // used while the tree is being copied

    TNode(String type, boolean named, String field, int start, int end, boolean missing) {
        this.type = type;
        this.named = named;
        this.field = field;
        this.start = start;
        this.end = end;
        this.missing = missing;
    }

    void add(TNode kid) {
        if (building == null) building = new ArrayList<>(4);
        building.add(kid);
    }

    void seal() {
        if (building != null) {
            kids = building.toArray(NONE);
            building = null;
        }
    }

    boolean is(String t) {
        return type.equals(t);
    }

    /** First child with the given field name, or null. */
    TNode field(String name) {
        for (TNode k : kids) if (name.equals(k.field)) return k;
        return null;
    }

    /** All children with the given field name. */
    List<TNode> fields(String name) {
        List<TNode> out = new ArrayList<>(2);
        for (TNode k : kids) if (name.equals(k.field)) out.add(k);
        return out;
    }

    /** Whether an anonymous child token with this text/type exists. */
    boolean hasToken(String token) {
        for (TNode k : kids) if (!k.named && k.type.equals(token)) return true;
        return false;
    }

    TNode token(String token) {
        for (TNode k : kids) if (!k.named && k.type.equals(token)) return k;
        return null;
    }

    /** Named children that are not comments. */
    List<TNode> named() {
        List<TNode> out = new ArrayList<>(kids.length);
        for (TNode k : kids) if (k.named && !TreeSitterLowering.isComment(k)) out.add(k);
        return out;
    }

    TNode firstNamed() {
        for (TNode k : kids) if (k.named && !TreeSitterLowering.isComment(k)) return k;
        return null;
    }

    @Override
    public String toString() {
        return type + "@" + start + ".." + end;
    }
}
