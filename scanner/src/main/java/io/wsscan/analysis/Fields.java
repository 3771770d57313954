package io.wsscan.analysis;

/**
 * Names of the pseudo-fields the analysis keeps on abstract objects next to their real properties
 * (none of them is a valid JavaScript identifier, except the prototype links).
 */
final class Fields {
    /** Every element of an array (element positions are kept only for tuples, under "0", "1", ...). */
    static final String ELEMENTS = "[]";
    /** A write under an unknown key: every property read sees it. */
    static final String ANY = "*";
    /** What a promise resolves to. */
    static final String RESOLVED = "<resolved>";
    /** The promise a resolver function settles. */
    static final String PROMISE = "<promise>";
    /** The [state, setState] tuple a state setter writes. */
    static final String TUPLE = "<tuple>";
    /** A class's superclass value. */
    static final String SUPER = "<super>";
    /** Change cell of an object's serialised data ({@code Obj.data}, {@code Obj.children}); never a field. */
    static final String DATA = "<data>";
    static final String PROTO = "__proto__";
    static final String PROTOTYPE = "prototype";

    private Fields() {
    }

    /** Bookkeeping rather than data: not serialised, not copied by copy loops. */
    static boolean internal(String name) {
        return name.startsWith("__") || name.startsWith("<") || name.equals(PROTOTYPE);
    }
}
