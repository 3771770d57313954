package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Param;
import io.wsscan.analysis.Fact.Taint;
import io.wsscan.ir.Node;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-file abstract interpreter behind every taint rule. Flow-insensitive: the program and every
 * function body are evaluated in rounds until no variable, field or summary grows; after the first
 * round a body is evaluated again only if something it read has changed.
 *
 * <ul>
 *   <li>Objects are abstracted by allocation site; variables by their scope binding.</li>
 *   <li>Functions get summaries: what they return in terms of their parameters
 *       ({@link Param} facts), and which parameters reach which sinks. A call applies the summary to
 *       its actual arguments, so a helper called once with tainted and once with clean data only
 *       reports the tainted call. Objects flow into callees directly (context-insensitively).</li>
 *   <li>API models ({@link Models}) turn access paths into types, sources, sinks, sanitizers and
 *       callbacks; unknown calls pass their arguments' data on (string operations propagate).</li>
 * </ul>
 *
 * The parts: {@link Fixpoint} (rounds, change tracking), {@link Heap} (the abstract state),
 * {@link Transfer} and {@link Calls} (transfer functions), {@link ModelBinding} (the models),
 * {@link Builtins} (arrays, promises, React state), {@link Modules}, {@link StringFolding} and
 * {@link Findings}; {@link Analysis} wires them for one run.
 */
public final class Engine {

    private final List<Node> programs;
    private final Scopes scopes;
    private final Models models;
    private final Joins joins;
    private final Linker linker;

    /** Where tainted data met a sink. */
    public record SinkReport(Node at, Models.Sink sink, Taint taint) {
    }

    /** A connection call ({@code new WebSocket(url)}) and every string its URL may be. */
    public static final class ConnectionSite {
        public final Node call;
        public final Models.Connection model;
        private final Value url;

        ConnectionSite(Node call, Models.Connection model, Value url) {
            this.call = call;
            this.model = model;
            this.url = url;
        }

        public Value url() {
            return url;
        }
    }

    /** A function registered as a handler of a modeled event (e.g. window 'message'). */
    public record HandlerSite(Node registration, Node function, Models.Handler model) {
    }

    /** A call that creates a modeled server endpoint ({@code new WebSocketServer(...)}). */
    public record EndpointSite(Node call, Models.Endpoint model) {
    }

    /**
     * A call into a sink: the connection calls its receiver may have come from (empty: not known) and,
     * when the sink's model names its message, the constant names it may have ({@code unknownMessage}:
     * or a name constant folding does not know).
     */
    public record SendSite(Node call, List<Node> connections, Set<String> messages, boolean unknownMessage) {
    }

    /** What one run found, in the order found; {@code sends} by call node (identity). */
    public record Result(List<SinkReport> reports, List<ConnectionSite> connections, List<HandlerSite> handlers,
                         List<EndpointSite> endpoints, Map<Node, SendSite> sends) {
        public Result {
            reports = List.copyOf(reports);
            connections = List.copyOf(connections);
            handlers = List.copyOf(handlers);
            endpoints = List.copyOf(endpoints);
            sends = sends == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.IdentityHashMap<>(sends));
        }

        /** The send site of a sink call, or null when none was recorded. */
        public SendSite send(Node call) {
            return sends.get(call);
        }
    }

    /** Resolves module specifiers between the programs of one engine. */
    public interface Linker {
        Linker NONE = (from, specifier) -> null;

        /** The program that {@code specifier}, imported or required in {@code from}, names; null if none. */
        Node resolve(Node from, String specifier);

        /** The scan-relative path of a program's file; null when not known. */
        default String pathOf(Node program) {
            return null;
        }

        /** The program an AMD module id ({@code define(['app/chat'], …)}) in {@code from} names; null if none. */
        default Node resolveAmd(Node from, String id) {
            return id.startsWith(".") ? resolve(from, id) : null;
        }
    }

    /** The source and sink kinds the active taint rules connect. */
    public interface Joins {
        boolean wantsSource(String sourceKind);

        boolean joins(String sourceKind, String sinkKind);
    }

    /** Thrown when the scan's time budget interrupts the analysis of a file. */
    public static final class AnalysisInterrupted extends RuntimeException {
        AnalysisInterrupted() {
            super("analysis interrupted", null, false, false);
        }
    }

    /**
     * @param joins which (source kind, sink kind) pairs some active rule reports; taints of other
     *              kinds are never created and sinks of other kinds never checked for them
     */
    public Engine(Node program, Scopes scopes, Models models, Joins joins) {
        this(List.of(program), scopes, models, joins, Linker.NONE);
    }

    /**
     * Several programs analysed as one: {@code scopes} must cover all of them, and {@code linker}
     * says which program a module specifier ({@code './socket'}) names.
     */
    public Engine(List<Node> programs, Scopes scopes, Models models, Joins joins, Linker linker) {
        this.programs = List.copyOf(programs);
        this.scopes = scopes;
        this.models = models;
        this.joins = joins;
        this.linker = linker;
    }

    /**
     * Runs to a fixpoint (or the round bound) and returns what was found; each call analyses afresh.
     * Throws {@link AnalysisInterrupted} if the thread is interrupted (time budget).
     */
    public Result run() {
        return new Analysis(programs, scopes, models, joins, linker).run();
    }
}
