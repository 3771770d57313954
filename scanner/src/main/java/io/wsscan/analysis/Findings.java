package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Param;
import io.wsscan.analysis.Fact.Str;
import io.wsscan.analysis.Fact.Taint;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the analysis finds: sink reports, and the sites of modeled connections, handlers and
 * endpoints; also the summary sink hits, which are recorded only for sinks that some source kind
 * met so far can reach.
 */
final class Findings {

    /** Bounds on summaries: sink hits per function and calls between a parameter and its sink. */
    private static final int MAX_HITS = 48, MAX_HIT_STEPS = 16;
    /** The barrier (sanitizer block) that stops data before every sink kind. */
    static final String ALL = "all";

    private record ReportKey(Node at, Models.Sink sink, Taint taint) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ReportKey k && k.at == at && k.sink == sink && k.taint.equals(taint);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(at) * 31 + taint.hashCode();
        }
    }

    /** A connection call being analysed: the URL grows over the rounds. */
    private static final class Connection {
        final Models.Connection model;
        Value url = Value.EMPTY;

        Connection(Models.Connection model) {
            this.model = model;
        }
    }

    private final Heap heap;
    private final Engine.Joins joins;
    private final Models models;
    private final Map<ReportKey, Engine.SinkReport> reports = new LinkedHashMap<>();
    private final Map<Node, Connection> connections = new LinkedHashMap<>();
    private final Map<List<Node>, Engine.HandlerSite> handlers = new LinkedHashMap<>();
    private final Map<Node, Engine.EndpointSite> endpoints = new LinkedHashMap<>();
    private final Map<Node, Send> sends = new LinkedHashMap<>();

    /** A call into a sink, being analysed: the connections its receiver may be and the names of its message. */
    private static final class Send {
        final Set<Node> connections = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<String> messages = new TreeSet<>();
        boolean unknownMessage;
    }
    private final Set<String> seenKinds = new HashSet<>();
    private final Map<Models.Sink, Boolean> wantedSinks = new IdentityHashMap<>();
    private boolean hitsDeferred, reseed;

    Findings(Heap heap, Engine.Joins joins, Models models) {
        this.heap = heap;
        this.joins = joins;
        this.models = models;
    }

    Engine.Result result() {
        List<Engine.ConnectionSite> sites = new ArrayList<>(connections.size());
        for (Map.Entry<Node, Connection> e : connections.entrySet()) {
            sites.add(new Engine.ConnectionSite(e.getKey(), e.getValue().model, e.getValue().url));
        }
        Map<Node, Engine.SendSite> sendSites = new IdentityHashMap<>();
        for (Map.Entry<Node, Send> e : sends.entrySet()) {
            Send s = e.getValue();
            sendSites.put(e.getKey(), new Engine.SendSite(e.getKey(), List.copyOf(s.connections), Set.copyOf(s.messages),
                    s.unknownMessage));
        }
        return new Engine.Result(List.copyOf(reports.values()), List.copyOf(sites), List.copyOf(handlers.values()),
                List.copyOf(endpoints.values()), sendSites);
    }

    /** Debug: the state of this round. */
    String stats() {
        return String.format("sources %s, %d sink reports, %d summary sink hits", new TreeSet<>(seenKinds), reports.size(),
                heap.summaryHits());
    }

    // ------------------------------------------------------------------ sites

    /** A modeled connection call; {@code url} (null if none) is one more value its URL may be. */
    void connection(Node call, Models.Connection model, Value url) {
        Connection c = connections.get(call);
        if (c == null) connections.put(call, c = new Connection(model));
        if (url != null) c.url = c.url.join(url);
    }

    /**
     * A call into a sink on {@code recv}: the connection calls its receiver may come from, and, when the
     * sink's model names the message ({@code message}: the argument's value, EMPTY when absent), its
     * constant names. Grows over the rounds like everything else; read after the fixpoint.
     */
    void sendSite(Node call, Value recv, Value message) {
        Send s = sends.computeIfAbsent(call, k -> new Send());
        for (Fact.Conn c : recv.all(Fact.Conn.class)) s.connections.add(c.call());
        if (message == null) return;
        if (message.isEmpty()) s.unknownMessage = true;
        for (Fact f : message.items()) {
            if (f instanceof Str str && str.complete()) s.messages.add(str.prefix());
            else if (!(f instanceof Fact.Conn)) s.unknownMessage = true;
        }
    }

    void handler(Node registration, Node function, Models.Handler model) {
        handlers.putIfAbsent(List.of(registration, function), new Engine.HandlerSite(registration, function, model));
    }

    void endpoint(Node call, Models.Endpoint model) {
        // a class (construct: true) is only an endpoint where it is constructed: a plain call of a
        // value that merely may be it (a bundler helper's result shared by all its callers) is not
        if (model.construct() && call.kind != io.wsscan.ir.Kind.NEW) return;
        endpoints.putIfAbsent(call, new Engine.EndpointSite(call, model));
    }

    // ------------------------------------------------------------------ sources and sinks

    // Summary sink hits are recorded only for sinks that some source kind met so far can reach: in a
    // library with DOM sinks everywhere and no WebSocket or message source (most of a bundle), the
    // hits would be built and carried up every call chain for nothing. When a new source kind shows
    // up after hits were skipped, every unit is evaluated again (see Fixpoint.run).

    /** A source of this kind was created. */
    void sourceSeen(String kind) {
        if (seenKinds.add(kind)) {
            wantedSinks.clear();
            if (hitsDeferred) reseed = true;
        }
    }

    /** Whether every unit must be evaluated again; clears the request. */
    boolean takeReseed() {
        if (!reseed) return false;
        reseed = false;
        hitsDeferred = false;
        return true;
    }

    private boolean sinkWanted(Models.Sink sink) {
        Boolean w = wantedSinks.get(sink);
        if (w == null) {
            w = false;
            for (String k : seenKinds) for (String sk : sink.kinds()) w |= joins.joins(k, sk);
            wantedSinks.put(sink, w);
        }
        return w;
    }

    void addHit(Node fn, Summary.SinkHit h) {
        if (!sinkWanted(h.sink())) {
            hitsDeferred = true;
            return;
        }
        Summary s = heap.summary(fn);
        if (s.hits.size() >= MAX_HITS || h.steps().size() > MAX_HIT_STEPS) return;
        Set<String> b = relevant(h.barriers(), h.sink());
        if (h.barriers().stream().anyMatch(x -> x.startsWith(Fact.LEAD) || x.startsWith(Fact.AFTER))) {
            // keep where the parameter stands ("starts with unknown text", "after this text"): the
            // argument's lead decides at the call
            b = new TreeSet<>(b);
            for (String x : h.barriers()) if (x.equals(Fact.LEAD) || x.startsWith(Fact.AFTER)) b.add(x);
            b = Set.copyOf(b);
        }
        heap.addHit(s, new Summary.SinkHit(h.param(), h.at(), h.sink(), b, h.steps()));
    }

    /** Whether a hit like this one is known, or the function has no room for more. */
    static boolean knownOrFull(Summary target, Summary.SinkHit probe) {
        return target.hits.size() >= MAX_HITS || target.hits.contains(probe);
    }

    /** Barriers that matter for a sink: the sink's own kinds, or 'all'. */
    static Set<String> relevant(Set<String> barriers, Models.Sink sink) {
        if (barriers.isEmpty()) return barriers;
        if (barriers.contains(ALL)) return Set.of(ALL);
        Set<String> out = new TreeSet<>(barriers);
        out.retainAll(sink.kinds());
        return out.size() == barriers.size() ? barriers : Set.copyOf(out);
    }

    void report(Node at, Models.Sink sink, Taint t) {
        // a value that starts with a known text (the page's own origin, a '/' after a fixed host) is
        // blocked like data appended to that text
        String lead = Fact.lead(t.barriers());
        if (lead != null) t = t.withBarriers(models.prefixBarriers(lead));
        boolean wanted = false;
        for (String k : sink.kinds()) wanted |= joins.joins(t.kind(), k) && !t.barriers().contains(k);
        if (!wanted || t.barriers().contains(ALL)) return;
        Set<String> kept = relevant(t.barriers(), sink);
        if (lead != null) {
            // the lead stays on the report: a rule may judge data that starts the value differently
            kept = new TreeSet<>(kept);
            kept.add(Fact.LEAD + lead);
        }
        Taint n = new Taint(t.kind(), t.source(), kept, t.trace());
        reports.putIfAbsent(new ReportKey(at, sink, n), new Engine.SinkReport(at, sink, n));
    }

    /** A value reaches a sink: its taints are reported, its parameters become summary sink hits. */
    void sinkCheck(Value v, Models.Sink sink, Node at) {
        Models.Hardcoded hc = sink.hardcoded();
        if (hc != null && joins.wantsSource(hc.kind())) {
            for (Str str : v.all(Str.class)) {
                if (str.complete() && hc.pattern().matcher(str.prefix()).matches()) {
                    report(at, sink, new Taint(hc.kind(), str.origin(), Set.of(), Trace.start(str.origin(), hc.label()))
                            .step(at, "reaches " + sink.label()));
                }
            }
        }
        Value facts = sink.deep() ? heap.deepData(v, 3) : v;
        for (Fact f : facts.items()) {
            if (f instanceof Taint t) {
                report(at, sink, t.step(at, "reaches " + sink.label()));
            } else if (f instanceof Param p) {
                List<Trace.Step> steps = new ArrayList<>();
                if (p.trace() != null) steps.addAll(p.trace().steps());
                steps.add(new Trace.Step(at, "reaches " + sink.label()));
                addHit(p.function(), new Summary.SinkHit(p.index(), at, sink, p.barriers(), List.copyOf(steps)));
            }
        }
    }
}
