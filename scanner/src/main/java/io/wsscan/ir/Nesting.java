package io.wsscan.ir;

/**
 * A depth count for the recursive lowerings (and their check for interruption), so that how deeply nested code is handled depends on
 * the code and not on the JVM: a stack overflow happens at a depth that varies with the JIT's frame
 * sizes, while this limit is the same on every run. Analysis threads have a stack large enough for
 * any tree within the limit (see {@code Scanner.ANALYSIS_STACK_BYTES} and {@code DeepNestingTest}),
 * so a file is either lowered whole or refused with {@link #MESSAGE}, which a parser's own stack
 * overflow also reports.
 */
public final class Nesting {

    /** Deepest nesting of statements and expressions a lowering accepts. */
    public static final int MAX = 2000;

    public static final String MESSAGE = "the code is nested more deeply than " + MAX + " levels";

    private int depth;
    private int entered;

    /**
     * Called on entering a nested statement or expression; throws past {@link #MAX}, and when the
     * thread is interrupted (the file's time budget ended: the lowering stops, not only the wait).
     */
    public void enter() {
        if (++depth > MAX) throw new TooDeep();
        if ((++entered & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) throw new Interrupted();
    }

    public void exit() {
        depth--;
    }

    /** Thrown by {@link #enter()}; no stack trace (it is an expected outcome for hostile input). */
    public static final class TooDeep extends RuntimeException {
        public TooDeep() {
            super(MESSAGE, null, false, false);
        }
    }

    /** Thrown by {@link #enter()} when the thread was interrupted. */
    public static final class Interrupted extends RuntimeException {
        public Interrupted() {
            super("lowering interrupted", null, false, false);
        }
    }
}
