package io.wsscan.analysis;

import java.util.Locale;

/** What an abstract object ({@link Fact.Obj}) stands for: the kind of its allocation site. */
public enum ObjKind {
    /** An object literal, or a box made by a modeled wrapper ({@code ref(x)}). */
    OBJECT,
    ARRAY,
    FUNCTION,
    /** The object {@code new} makes, or the one that stands for a class's instances. */
    INSTANCE,
    CLASS,
    PROTOTYPE,
    PROMISE,
    /** The resolve/reject functions a {@code new Promise} executor receives. */
    RESOLVER,
    /** The setter of a React {@code useState} tuple. */
    STATE_SETTER,
    /** A program's CommonJS {@code exports} and {@code module} objects, and its ES namespace. */
    EXPORTS,
    MODULE,
    NAMESPACE;

    private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

    @Override
    public String toString() {
        return label; // debug output names objects 'array@120'
    }
}
