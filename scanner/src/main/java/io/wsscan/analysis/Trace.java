package io.wsscan.analysis;

import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An immutable data-flow path, newest step last; bounded so loops cannot grow it without end. */
public final class Trace {

    static final int MAX_STEPS = 24;

    public record Step(Node at, String message) {
    }

    private final Trace previous;
    private final Step step;
    private final int length;

    private Trace(Trace previous, Step step) {
        this.previous = previous;
        this.step = step;
        this.length = previous == null ? 1 : previous.length + 1;
    }

    public static Trace start(Node at, String message) {
        return new Trace(null, new Step(at, message));
    }

    public Trace then(Node at, String message) {
        if (step.at == at) {
            // one step per node: the later description is the more specific one ("reaches innerHTML"),
            // except at the source, whose description names what the data is
            if (previous == null && length == 1) return this;
            return message.equals(step.message) ? this : new Trace(previous, new Step(at, message));
        }
        if (length >= MAX_STEPS) return this;
        return new Trace(this, new Step(at, message));
    }

    /** Appends the steps of {@code other} (a path recorded inside a callee). */
    public Trace then(List<Step> steps) {
        Trace t = this;
        for (Step s : steps) t = t.then(s.at, s.message);
        return t;
    }

    private List<Step> steps; // computed once; traces are immutable

    public List<Step> steps() {
        List<Step> s = steps;
        if (s == null) {
            List<Step> out = new ArrayList<>(length);
            for (Trace t = this; t != null; t = t.previous) out.add(t.step);
            Collections.reverse(out);
            steps = s = Collections.unmodifiableList(out);
        }
        return s;
    }

}
