package io.wsscan.analysis;

import io.wsscan.analysis.Scopes.Binding;
import io.wsscan.ir.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The flow-sensitive state of one evaluation of a function body: the value each of the function's
 * own locals ({@link Binding#slot}) holds at the current point. An assignment replaces the value (a
 * strong update); where paths meet (after a branch, at a loop head, at a catch) the values are
 * joined. Everything else (captured and module variables, fields) stays in the {@link Heap}.
 *
 * <p>The state is an array by slot, owned by this object and changed in place; {@code null} means
 * the current point cannot be reached (after a return, throw, break or continue). Jumps are routed
 * through {@link Frame}s to the state where they land.
 */
final class Locals {

    private static final Value[] NONE = new Value[0];

    /** The function (or program) evaluated; only its own bindings have slots here. */
    final Node owner;
    private final int size;
    /** The current state; null: unreachable. */
    Value[] state;
    private final Deque<Frame> frames = new ArrayDeque<>();
    /** Per enclosing try block: every value a local took inside it (what a catch or finally may see). */
    private final List<Value[]> tries = new ArrayList<>(2);

    Locals(Node owner, int size) {
        this.owner = owner;
        this.size = size;
        this.state = fresh();
    }

    /** A state where every local holds nothing (undefined). */
    Value[] fresh() {
        if (size == 0) return NONE;
        Value[] s = new Value[size];
        Arrays.fill(s, Value.EMPTY);
        return s;
    }

    /** Whether reads and writes of {@code b} go through this state. */
    boolean tracks(Binding b) {
        return b.slot >= 0 && b.function == owner;
    }

    /** The value of a tracked local here; null if this point is unreachable (the caller falls back). */
    Value get(Binding b) {
        return state == null ? null : state[b.slot];
    }

    /** Inside {@code with} blocks: a name may be the object's property, so an assignment may miss the local. */
    int weak;

    /** A tracked local is assigned: its value here is {@code v} only (also its old one inside {@code with}). */
    void set(Binding b, Value v) {
        if (state == null) return;
        state[b.slot] = weak > 0 ? state[b.slot].join(v) : v;
        for (Value[] t : tries) t[b.slot] = t[b.slot].join(v);
    }

    /** A copy of the current state (null stays null). */
    Value[] save() {
        return copy(state);
    }

    static Value[] copy(Value[] s) {
        return s == null || s.length == 0 ? s : s.clone();
    }

    /** Joins {@code from} into the owned state {@code into}; returns the result (owned). */
    static Value[] join(Value[] into, Value[] from) {
        if (from == null) return into;
        if (into == null) return copy(from);
        for (int i = 0; i < into.length; i++) into[i] = into[i].join(from[i]);
        return into;
    }

    /** The current state joined with another path's state. */
    void merge(Value[] other) {
        state = join(state, other);
    }

    // ------------------------------------------------------------------ try blocks

    /** A try (or catch) block starts: values taken inside it are collected for the handlers. */
    Value[] enterTry() {
        Value[] t = fresh();
        tries.add(t);
        return t;
    }

    void exitTry(Value[] t) {
        Value[] top = tries.remove(tries.size() - 1);
        assert top == t;
    }

    // ------------------------------------------------------------------ jumps

    /** Where break and continue land: a loop, a switch, a labelled statement, or a finally block in between. */
    static final class Frame {
        enum Type { LOOP, SWITCH, BLOCK, FINALLY }

        final Type type;
        final List<String> labels;
        Value[] breaks, continues;
        /** Jumps that leave through a finally block: they continue after it runs. */
        final List<Node> pending = new ArrayList<>(0);
        Value[] pendingState;

        Frame(Type type, List<String> labels) {
            this.type = type;
            this.labels = labels;
        }
    }

    Frame push(Frame.Type type, List<String> labels) {
        Frame f = new Frame(type, labels);
        frames.push(f);
        return f;
    }

    void pop(Frame f) {
        Frame top = frames.pop();
        assert top == f;
    }

    /** A break or continue ({@code jump}, with its label or null): the state goes to its target; here is unreachable. */
    void jump(Node jump, boolean isBreak) {
        if (state == null) return;
        String label = jump.text;
        for (Frame f : frames) {
            if (f.type == Frame.Type.FINALLY) {
                f.pending.add(jump);
                f.pendingState = join(f.pendingState, state);
                state = null;
                return;
            }
            boolean target = label != null ? f.labels.contains(label) && (isBreak || f.type == Frame.Type.LOOP)
                    : f.type == Frame.Type.LOOP || isBreak && f.type == Frame.Type.SWITCH;
            if (target) {
                if (isBreak) f.breaks = join(f.breaks, state);
                else f.continues = join(f.continues, state);
                state = null;
                return;
            }
        }
        // no target in this function (malformed code): carry on as if it fell through
    }

    int size() {
        return size;
    }
}
