package io.wsscan.analysis;

import io.wsscan.ir.Node;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scheduler: evaluates the programs and every function body in rounds until nothing grows (or
 * the round bound). Rounds are incremental: every state cell (variable binding, object, field,
 * summary, global name) has the clock value of its last change; each evaluation unit (a program, a
 * function body) remembers the cells it read and when it started, and is skipped in a round where
 * none of them changed.
 */
final class Fixpoint {

    /**
     * Evaluation rounds before giving up on a fixpoint (what was found so far is still reported). The
     * corpus needs 4; files that need more are mostly large bundles whose strings and hub objects
     * keep growing for a dozen rounds — 8 halves the difference in time (EngineBench: -18 % CPU).
     */
    static final int MAX_ITERATIONS = 8;
    /** {@code -Dwsscan.debug=true}: per-round statistics on stderr, for tuning. */
    static final boolean DEBUG = Boolean.getBoolean("wsscan.debug");

    /** What the scheduler runs: the transfer functions over units, and the round's bookkeeping. */
    interface Units {
        /** A round starts (per-round caches are dropped). */
        void beginRound();

        void evaluateProgram(Node program);

        void evaluateFunction(Node fn);

        /** Whether every unit must be evaluated again (a source kind appeared late); clears the request. */
        boolean takeReseed();

        /** Debug: what the round found so far. */
        String roundStats();
    }

    private int clock;
    private final Map<Object, Integer> versions = new IdentityHashMap<>();
    private final Map<Node, Object[]> unitReads = new IdentityHashMap<>();
    private final Map<Node, Integer> unitStart = new IdentityHashMap<>();
    /** The cells the unit being evaluated has read; null outside a unit. */
    private Set<Object> reads;
    private boolean changed;

    // debug counters
    private long evaluations;
    private final Map<String, Integer> dirtyBy = new HashMap<>();
    private final Map<Node, Long> unitNanos = new IdentityHashMap<>();
    private final Map<Node, Integer> unitCount = new IdentityHashMap<>();

    /** Runs rounds to a fixpoint. Throws if the thread is interrupted (the scan's time budget). */
    void run(List<Node> programs, List<Node> functions, Units units) {
        long t0 = System.nanoTime();
        int limit = MAX_ITERATIONS;
        for (int iteration = 1; iteration <= limit; iteration++) {
            changed = false;
            units.beginRound();
            for (Node program : programs) {
                if (dirty(program)) evaluateUnit(program, true, units);
            }
            for (Node fn : functions) {
                if (Thread.currentThread().isInterrupted()) throw new Engine.AnalysisInterrupted();
                if (dirty(fn)) evaluateUnit(fn, false, units);
            }
            if (DEBUG) {
                dirtyBy.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
                        .forEach(e -> System.err.println("   dirty by " + e.getValue() + " x " + e.getKey()));
                dirtyBy.clear();
                System.err.printf("wsscan.debug: iteration %d at %d ms: %d evaluations, %d functions, %s%n", iteration,
                        (System.nanoTime() - t0) / 1_000_000, evaluations, functions.size(), units.roundStats());
            }
            if (units.takeReseed()) {
                // a source kind appeared after sink hits were skipped: evaluate everything again
                unitReads.clear();
                changed = true;
                limit = Math.min(Math.max(limit, iteration + MAX_ITERATIONS / 2), 2 * MAX_ITERATIONS);
            }
            if (!changed) break;
        }
        if (DEBUG) {
            unitNanos.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(12)
                    .forEach(e -> System.err.printf("   unit %s at %d, %d chars: %d evaluations, %.1f ms%n", e.getKey().kind,
                            e.getKey().start, e.getKey().end - e.getKey().start, unitCount.get(e.getKey()), e.getValue() / 1e6));
        }
    }

    private boolean dirty(Node unit) {
        Object[] r = unitReads.get(unit);
        if (r == null) return true;
        int start = unitStart.get(unit);
        for (Object cell : r) {
            if (versions.getOrDefault(cell, 0) > start) {
                if (DEBUG) dirtyBy.merge(cell.getClass().getSimpleName() + " " + cell, 1, Integer::sum);
                return true;
            }
        }
        return false;
    }

    private void evaluateUnit(Node unit, boolean program, Units units) {
        evaluations++;
        Set<Object> r = Collections.newSetFromMap(new IdentityHashMap<>());
        unitStart.put(unit, clock);
        reads = r;
        long t0 = DEBUG ? System.nanoTime() : 0;
        try {
            if (program) units.evaluateProgram(unit);
            else units.evaluateFunction(unit);
        } finally {
            reads = null;
        }
        if (DEBUG) {
            unitNanos.merge(unit, System.nanoTime() - t0, Long::sum);
            unitCount.merge(unit, 1, Integer::sum);
        }
        unitReads.put(unit, r.toArray()); // an array: dirty() only walks it
    }

    /** The unit being evaluated depends on {@code cell}. */
    void read(Object cell) {
        if (reads != null) reads.add(cell);
    }

    /** Whether a unit is being evaluated (reads are recorded). */
    boolean recording() {
        return reads != null;
    }

    /** Records a read; false if the unit had read the cell already (or no unit is recording). */
    boolean readOnce(Object cell) {
        return reads != null && reads.add(cell);
    }

    /** {@code cell} changed: units that read it are evaluated again. */
    void bump(Object cell) {
        versions.put(cell, ++clock);
    }

    /** The clock value of the cell's last change (0: never changed). */
    int version(Object cell) {
        return versions.getOrDefault(cell, 0);
    }

    /** Something grew this round: another round follows. */
    void changed() {
        changed = true;
    }
}
