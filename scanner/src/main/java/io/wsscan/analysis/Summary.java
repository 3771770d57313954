package io.wsscan.analysis;

import io.wsscan.ir.Node;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a function does in terms of its inputs: the values callers pass (parameters, 'this'), what it
 * returns ({@link Fact.Param} facts stand for the parameters), and which parameters reach which sinks.
 */
final class Summary {
    /** Parameters tracked per function; later ones are passed to nothing. */
    static final int MAX_PARAMS = 4;

    /**
     * Change cells: {@code in} (what callers pass: parameters, 'this') is read by the function's
     * own body, {@code out} (return value, sink hits) by its callers — so a caller passing one
     * more object does not make every other caller evaluate again.
     */
    final Object in = new Object(), out = new Object();
    Value ret = Value.EMPTY;
    Value thisVal = Value.EMPTY;
    final Value[] paramIn = new Value[MAX_PARAMS];
    final LinkedHashSet<SinkHit> hits = new LinkedHashSet<>();

    Summary() {
        java.util.Arrays.fill(paramIn, Value.EMPTY);
    }

    /** Parameter {@code param} (-1: 'this') reaches {@code sink} at {@code at}, through {@code steps}. */
    record SinkHit(int param, Node at, Models.Sink sink, Set<String> barriers, List<Trace.Step> steps) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SinkHit h && h.param == param && h.at == at && h.sink == sink && h.barriers.equals(barriers);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(at) * 31 + param + barriers.hashCode();
        }
    }
}
