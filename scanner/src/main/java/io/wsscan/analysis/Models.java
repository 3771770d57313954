package io.wsscan.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.rules.Row;
import io.wsscan.rules.RulesetException;
import io.wsscan.rules.Schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The JS API models of all loaded model files, indexed by access path for the engine. Paths are
 * written in access-path notation ({@code Global[WebSocket].Instance},
 * {@code Type[ws-connection].Member[send].Argument[0]}); a step may list alternatives
 * ({@code Member[innerHTML,outerHTML]}), which expand into one row each.
 */
public final class Models {

    /**
     * A source; {@code windowOnly}: not in a dedicated worker, where message events come from the page
     * that started the worker.
     */
    public record Source(String kind, String label, String nameFrom, List<String> nameClasses, boolean windowOnly,
                         String lead) {
    }

    /**
     * A sink. {@code hardcoded}, when set, also makes a constant string of that shape reaching it a
     * finding: a credential written into the code ({@code new Ably.Realtime({key: 'app.id:secret'})}).
     */
    /**
     * {@code message}: the argument that names the message sent (socket.io {@code emit(event, ...)}),
     * or -1; js/ws-sensitive-send reads it to tell an authentication message ({@code authMessages}).
     */
    public record Sink(Set<String> kinds, String label, boolean deep, Hardcoded hardcoded, int message) {
        public Sink(Set<String> kinds, String label, boolean deep) {
            this(kinds, label, deep, null, -1);
        }
    }

    /** A constant string matching {@code pattern} counts as data of source {@code kind}. */
    public record Hardcoded(String kind, Pattern pattern, String label) {
    }

    public record Sanitizer(Set<String> blocks) {
    }

    /**
     * A call that opens a connection. Its URL is argument {@code urlArgument}, or the property
     * {@code urlMember} of that argument when set ({@code new Client({brokerURL})}: {@code url: "0.brokerURL"}).
     */
    /**
     * {@code defaultPath}: for libraries whose URL path names a namespace (socket.io), the URL path the
     * handshake goes to unless a {@code path} option moves it; null when the URL's path is the path.
     * {@code pageOrigin}: without a URL argument (none, or an options object in its place) the library
     * connects to the page's own origin ({@code io()}, {@code io({transports})}).
     */
    public record Connection(String library, int urlArgument, String urlMember, List<String> cleartextSchemes, String defaultPath,
                             boolean pageOrigin) {
    }

    public record Handler(String kind) {
    }

    /**
     * A call whose result holds argument {@code argument}: as property {@code field} of a new object
     * ({@code ref(x).value}), or, without a field, as the result itself ({@code reactive(o)} is a
     * proxy of {@code o}). With {@code call}, what it holds is what the argument (a function) returns
     * ({@code computed(() => x).value}).
     */
    public record Wrapper(String field, int argument, boolean call) {
    }

    /**
     * A call that creates a server-side WebSocket endpoint ({@code new WebSocketServer(opts)},
     * {@code app.ws(path, handler)}). {@code policy} names how the endpoint decides which origins it
     * accepts, for the structural checks that judge it.
     */
    /** {@code defaultPath}: the URL path the server answers on when no option names one (socket.io's {@code /socket.io/}), or null. */
    /**
     * {@code pathFrom}: where the URL path is set after the server is made, as {@code method.option}: the
     * {@code option} property of an object argument of {@code server.method(…)} (sockjs's
     * {@code installHandlers(http, {prefix: '/echo'})}), or null.
     */
    public record Endpoint(String library, String policy, String defaultPath, boolean construct, String pathFrom) {
    }

    /**
     * How a Node server library lets an application decide which origins may open connections (the
     * {@code policies} section): the {@code deciders} in order (the first that reaches a verdict decides),
     * {@code permissive} option values, and what holds {@code otherwise}. {@code options} are the argument
     * indices where the options object may be (the first object in sight is used); {@code middleware}
     * says where {@code use(...)} attaches middleware (the server itself or the app whose method created
     * the endpoint); {@code authentication} lists more functions that see the handshake, read for the
     * origin threat model; {@code receives} the handler kinds of message listeners (an endpoint without
     * any only sends).
     */
    public record ServerPolicy(String name, List<Integer> options, String middleware, List<Decider> deciders,
                               List<Permissive> permissive, Otherwise otherwise, List<HandlerSource> authentication,
                               List<String> receives) {
    }

    /**
     * Functions of handler kind {@code handlers}: {@code registered} at the endpoint's own call,
     * {@code listeners} on a receiver that may be the endpoint, {@code callers} (functions passing their
     * own parameter to a registration, or to a {@code method} call of that name), or {@code all} in the
     * program; parameter {@code parameter} of each holds what {@code holds} says.
     */
    public record HandlerSource(String handlers, String find, String method, int parameter, String holds) {
    }

    /**
     * One place where the application decides. With {@code every}, each function found must check (the
     * weakest decides), else one suffices (the strongest decides). {@code when}: an option that must be
     * true for this decider to apply (the decision is then out of sight if nothing is found);
     * {@code option}: the option that holds the decider, whose presence out of sight makes the verdict
     * unknown. Messages: {@code weak} ({@code {why}} and {@code {label}} filled), {@code none} (no
     * comparison; without it a decider that compares nothing passes the decision on) and
     * {@code acceptsAll} (a function that cannot say no).
     */
    public record Decider(List<HandlerSource> sources, String when, String option, boolean every, String label,
                          String weak, String none, String acceptsAll) {
    }

    /**
     * An option whose value can admit every origin: a constant of {@code values}, a fallback to one, a
     * regular expression (or a list holding one) that matches too much, or a {@code function} graded like
     * a decider; {@code missing}: the message when the option is absent. Only with {@code when} true, and
     * with {@code majorBelow} only when the project declares the endpoint's library below that major
     * version (a default that a later version changed).
     */
    public record Permissive(String option, String label, List<String> values, String when, HandlerSource function,
                             String missing, Integer majorBelow) {
    }

    /** When no decider decides: {@code detail} is reported, only with ambient credentials when {@code requires} says so. */
    public record Otherwise(String detail, String requires) {
    }

    public record NameClass(String kind, Pattern include, Pattern exclude) {
    }

    public record PrefixBarrier(Set<String> blocks, Pattern prefix) {
    }

    private final Set<String> prefixes = new HashSet<>();
    /** Options that some {@code WhenArgument[i.option=v]} step tests (postMessage's {@code targetOrigin}). */
    private final Set<String> options = new HashSet<>();
    private static final Pattern OPTION_STEP = Pattern.compile("WhenArgument\\[\\d+\\.([^=\\]]+)=");
    final Map<String, String> aliases = new HashMap<>();
    final Map<String, List<String>> types = new HashMap<>();
    final Map<String, List<Source>> sources = new HashMap<>();
    final Map<String, List<Sink>> sinks = new HashMap<>();
    final Map<String, Sanitizer> sanitizers = new HashMap<>();
    final Map<String, Connection> connections = new HashMap<>();
    /** Functions whose result is their arguments serialised, nested data included (JSON.stringify). */
    final Set<String> serializers = new HashSet<>();
    /** Calls returning {@code [state, setState]} (React's useState): what the setter gets, the state holds. */
    final Set<String> stateHooks = new HashSet<>();
    /** Global functions whose call marks a file as a worker script ({@code importScripts}). */
    final Set<String> workerMarkers = new HashSet<>();
    /** TypeScript type names (as written) and the API path a value of that type is. */
    final Map<String, List<String>> typeHints = new HashMap<>();
    final Map<String, Handler> handlers = new HashMap<>();
    final Map<String, Wrapper> wrappers = new HashMap<>();
    final Map<String, Endpoint> endpoints = new HashMap<>();
    /**
     * A class of the program with all of these methods is a copy of the API at {@code path} (shapes rows);
     * {@code forwards}: method -> the member its body calls with the method's first parameter first
     * ({@code ws(route, ...h) { this.router.get(route, ...) }}), when the names alone say too little.
     */
    record Shape(Set<String> methods, Map<String, String> forwards, String path) {
    }

    final List<Shape> shapes = new ArrayList<>();

    /** Server policies by name (the endpoints' {@code policy}). */
    public final Map<String, ServerPolicy> policies = new java.util.TreeMap<>();
    final Map<String, String> knownStrings = new HashMap<>();
    /** Paths whose value is a DOM element named by a string argument (getElementById('password')). */
    final Map<String, String> elementHints = new HashMap<>();
    final Set<String> globalObjects = new HashSet<>();
    /** Parameter names a dependency injector fills by name (AngularJS {@code $compile}): such a parameter is that global. */
    final Set<String> injectedParameters = new HashSet<>();
    final Map<String, NameClass> nameClasses = new LinkedHashMap<>();
    final List<PrefixBarrier> prefixBarriers = new ArrayList<>();
    final List<NameClass> sanitizerNames = new ArrayList<>();
    Pattern credentialParams = Pattern.compile("$^");
    /** Names of messages that authenticate a connection ({@code login}, {@code loginByToken}); matches nothing until loaded. */
    Pattern authMessages = Pattern.compile("$^");
    Pattern namesExclude;
    /** Hosts whose traffic never leaves the machine, as policy host patterns ({@code *.localhost}). */
    final List<io.wsscan.inventory.HostPattern> loopbackHosts = new ArrayList<>();
    /** Documentation and test names (RFC 2606, RFC 6761): no real server answers there. */
    final List<io.wsscan.inventory.HostPattern> reservedHosts = new ArrayList<>();
    /** Worker code (heuristics.workerFiles, workerGlobals): its message events do not come from other windows. */
    Pattern workerFiles;
    public final Set<String> workerGlobals = new HashSet<>();
    /** Options of Node WebSocket servers that bound a message's size (inventory). */
    final Set<String> serverSizeOptions = new java.util.TreeSet<>();
    /** Names whose read in a server's handshake handler shows how it authenticates (inventory): name -> pattern. */
    /** How JavaScript compares an Origin (heuristics.originLogic); the sets grow with every heuristics section. */
    public static final class OriginVocab {
        public final Set<String> substring = new HashSet<>(), prefix = new HashSet<>(), suffix = new HashSet<>(),
                regex = new HashSet<>(), normalisers = new HashSet<>(), lookups = new HashSet<>(), regexTests = new HashSet<>(),
                headerGetters = new HashSet<>(), parts = new HashSet<>(), parsers = new HashSet<>(), ipTests = new HashSet<>();
        private Pattern deciders;

        /** Whether a callee name out of sight says it makes an access decision. */
        public boolean decider(String name) {
            return name != null && deciders != null && deciders.matcher(name).find();
        }
    }

    public final OriginVocab originLogic = new OriginVocab();
    /** Callee names that show a token deciding in a handshake handler ({@code hasValidToken}, {@code jwt.verify}). */
    public Pattern tokenCalls;
    /** Names of middleware that authenticates by cookie session (express-session, cookie-session, passport). */
    public Pattern sessionMiddleware;

    /** Names read in a server's handshake handlers that show how it authenticates: cookie, header or token. */
    public final Map<String, String> handshakeAuth = new java.util.TreeMap<>();
    /** Inventory: option names of a connect call that carry credentials, and the pattern each means. */
    final Map<String, String> authOptions = new java.util.TreeMap<>();
    /** Inventory: library -> index of the argument that lists WebSocket subprotocols. */
    final Map<String, Integer> subprotocolArguments = new java.util.TreeMap<>();

    /**
     * Texts one of which a file must contain for any model to apply; null when some model always
     * applies. A trigger with a regular expression ({@code {near: message, regex: "on\\(\\s*'message'"}})
     * needs the expression to match around an occurrence of its word.
     */
    private List<Triggers.Trigger> triggers = new ArrayList<>();
    private Triggers triggerScan;

    public static Models load(List<JsonNode> docs) {
        Models m = new Models();
        for (JsonNode d : docs) m.add(d);
        if (m.triggers != null) m.triggerScan = new Triggers(m.triggers);
        m.indexSteps();
        return m;
    }

    /**
     * False when the text contains none of the models' triggers, so that no connection, handler or
     * sink of any model can occur in it and the analysis can be skipped (a prefilter in the spirit of
     * Semgrep's). Model files without {@code triggers} make every text relevant.
     */
    public boolean relevant(CharSequence text) {
        return triggers(text).any();
    }

    /** The triggers a text holds ({@link #relevant}), with the globals some of them depend on. */
    Triggers.Found triggers(CharSequence text) {
        return triggerScan == null ? Triggers.Found.CERTAIN : triggerScan.in(text.toString());
    }

    /** True when some model row starts with (or is) this path: only such API facts are worth keeping. */
    boolean known(String path) {
        return prefixes.contains(path);
    }

    /** Whether a model describes the package of this specifier ({@code jquery}: {@code Module[jquery]}). */
    boolean knownPackage(String specifier) {
        String path = ApiPath.module(specifier);
        return known(aliases.getOrDefault(path, path));
    }

    /** Whether a model tests this option of an options argument ({@code WhenArgument[1.targetOrigin=*]}). */
    boolean knownOption(String name) {
        return options.contains(name);
    }

    /**
     * The {@code Parameter[k]} and {@code Member[name]} steps that some model row takes after a path,
     * so that the engine asks for these instead of building every candidate path's string.
     */
    record Steps(int[] parameters, Set<String> members) {
        static final Steps NONE = new Steps(new int[0], Set.of());
    }

    private Map<String, Steps> steps;

    Steps stepsAfter(String path) {
        return steps.getOrDefault(path, Steps.NONE);
    }

    private void indexSteps() {
        Map<String, java.util.TreeSet<Integer>> params = new HashMap<>();
        Map<String, Set<String>> members = new HashMap<>();
        for (String p : prefixes) {
            if (!p.endsWith("]")) continue;
            int dot = p.length() - 1;
            while (dot >= 0 && (p.charAt(dot) != '.' || bracketDepth(p, dot) != 0)) dot--;
            if (dot < 0) continue;
            String base = p.substring(0, dot), last = p.substring(dot + 1);
            if (last.startsWith("Parameter[")) {
                try {
                    params.computeIfAbsent(base, k -> new java.util.TreeSet<>())
                            .add(Integer.parseInt(last.substring("Parameter[".length(), last.length() - 1)));
                } catch (NumberFormatException e) {
                    // not a single index: the engine never builds such a path
                }
            } else if (last.startsWith("Member[")) {
                members.computeIfAbsent(base, k -> new HashSet<>()).add(last.substring("Member[".length(), last.length() - 1));
            }
        }
        Set<String> bases = new HashSet<>(params.keySet());
        bases.addAll(members.keySet());
        steps = new HashMap<>();
        for (String base : bases) {
            int[] ps = params.getOrDefault(base, new java.util.TreeSet<>()).stream().mapToInt(Integer::intValue).toArray();
            steps.put(base, new Steps(ps, Set.copyOf(members.getOrDefault(base, Set.of()))));
        }
    }

    private void add(JsonNode json) {
        // model files of other languages (language: java) are read by their own analyzers
        if (!Schema.JS.equals(Schema.languageOf(json))) return;
        Row doc = Row.model(json);
        String file = doc.path("library").asText("model file");
        if (doc.has("triggers")) {
            if (triggers != null) {
                for (Row row : doc.rows("triggers")) {
                    JsonNode t = row.node();
                    String word = t.isObject() ? row.path("near").asText("") : t.asText();
                    if ((!t.isObject() || !word.isEmpty()) && (word.length() < 2 || !word.chars().allMatch(c -> c < 128))) {
                        throw new RulesetException(file + ": a trigger must be at least two ASCII characters: " + t);
                    }
                    if (t.isObject()) {
                        Pattern p = regex(file, row.path("regex"));
                        String global = row.path("global").asText(null);
                        if ((p == null && global == null) || word.isEmpty()) {
                            throw new RulesetException(file + ": a trigger object needs 'near' and 'regex' or 'global': " + t);
                        }
                        triggers.add(new Triggers.Trigger(word, p, global));
                    } else {
                        triggers.add(new Triggers.Trigger(word, null, null));
                    }
                }
            }
        } else if (doc.has("sources") || doc.has("sinks") || doc.has("connections") || doc.has("handlers") || doc.has("endpoints")) {
            triggers = null;
        }
        for (JsonNode g : doc.path("globalObjects")) globalObjects.add(g.asText());
        for (JsonNode g : doc.path("injectedParameters")) injectedParameters.add(g.asText());
        for (Row r : doc.rows("aliases")) for (String p : expand(file, r)) aliases.put(p, text(file, r, "to"));
        for (Row r : doc.rows("types")) {
            for (String p : expand(file, r)) types.computeIfAbsent(p, k -> new ArrayList<>()).add(text(file, r, "type"));
        }
        for (Row r : doc.rows("sources")) {
            Source s = new Source(text(file, r, "kind"), text(file, r, "label"), r.path("nameFrom").asText(null),
                    strings(r.path("names")), r.path("windowOnly").asBoolean(false), r.path("lead").asText(null));
            for (String p : expand(file, r)) sources.computeIfAbsent(p, k -> new ArrayList<>()).add(s);
        }
        for (Row r : doc.rows("sinks")) {
            Row h = r.row("hardcoded");
            Hardcoded hardcoded = null;
            if (r.has("hardcoded")) {
                Pattern shape = regex(file, h.path("pattern"));
                if (shape == null) throw new RulesetException(file + ": 'hardcoded' without 'pattern': " + r);
                hardcoded = new Hardcoded(text(file, h, "kind"), shape, text(file, h, "label"));
            }
            Sink s = new Sink(Set.copyOf(strings(r.path("kinds"))), text(file, r, "label"), r.path("deep").asBoolean(false), hardcoded,
                    r.path("message").asInt(-1));
            for (String p : expand(file, r)) sinks.computeIfAbsent(p, k -> new ArrayList<>()).add(s);
        }
        for (Row r : doc.rows("sanitizers")) {
            Sanitizer s = new Sanitizer(Set.copyOf(strings(r.path("blocks"))));
            for (String p : expand(file, r)) sanitizers.put(p, s);
        }
        for (Row r : doc.rows("connections")) {
            String url = r.path("url").asText("0");
            int dot = url.indexOf('.');
            int index;
            try {
                index = Integer.parseInt(dot < 0 ? url : url.substring(0, dot));
            } catch (NumberFormatException e) {
                throw new RulesetException(file + ": connection 'url' must be an argument index or INDEX.member: " + url);
            }
            Connection c = new Connection(text(file, r, "library"), index, dot < 0 ? null : url.substring(dot + 1),
                    strings(r.path("cleartext")), r.path("defaultPath").asText(null), "page".equals(r.path("defaultUrl").asText(null)));
            for (String p : expand(file, r)) connections.put(p, c);
        }
        for (Row r : doc.rows("serializers")) serializers.addAll(expand(file, r));
        for (Row r : doc.rows("stateHooks")) stateHooks.addAll(expand(file, r));
        for (JsonNode r : doc.path("workerMarkers")) workerMarkers.add(r.asText());
        for (Row r : doc.rows("typeHints")) {
            List<String> paths = expand(file, r);
            if (!r.has("names")) throw new RulesetException(file + ": typeHints row without 'names': " + r);
            for (JsonNode n : r.path("names")) typeHints.computeIfAbsent(n.asText(), k -> new ArrayList<>()).addAll(paths);
        }
        for (Row r : doc.rows("handlers")) {
            Handler h = new Handler(text(file, r, "kind"));
            for (String p : expand(file, r)) handlers.put(p, h);
        }
        for (Row r : doc.rows("wrappers")) {
            Wrapper w = new Wrapper(r.path("field").asText(null), r.path("argument").asInt(0), r.path("call").asBoolean(false));
            for (String p : expand(file, r)) wrappers.put(p, w);
        }
        for (Row r : doc.rows("endpoints")) {
            Endpoint e = new Endpoint(text(file, r, "library"), text(file, r, "policy"), r.path("defaultPath").asText(null),
                    r.path("construct").asBoolean(false), r.path("pathFrom").asText(null));
            for (String p : expand(file, r)) endpoints.put(p, e);
        }
        for (Row r : doc.rows("shapes")) {
            Set<String> methods = Set.copyOf(strings(r.path("methods")));
            Map<String, String> forwards = new java.util.TreeMap<>();
            r.path("forwards").fields().forEachRemaining(e -> forwards.put(e.getKey(), e.getValue().asText()));
            if (r.has("type")) {
                // a class of the project's own (no library to be a copy of): its instances are of the type
                String cls = "Shape[" + r.path("type").asText() + "]";
                prefixes.add(cls);
                prefixes.add(cls + ".Instance");
                types.computeIfAbsent(cls + ".Instance", k -> new ArrayList<>()).add(r.path("type").asText());
                shapes.add(new Shape(methods, Map.copyOf(forwards), cls));
                continue;
            }
            for (String p : expand(file, r)) shapes.add(new Shape(methods, Map.copyOf(forwards), p));
        }
        for (Row r : doc.rows("policies")) policies.put(text(file, r, "name"), policy(file, r));
        for (Row r : doc.rows("elementHints")) for (String p : expand(file, r)) elementHints.put(p, text(file, r, "nameFrom"));
        for (Row r : doc.rows("knownStrings")) for (String p : expand(file, r)) knownStrings.put(p, text(file, r, "value"));
        Row h = doc.row("heuristics");
        if (h.has("namesExclude")) namesExclude = regex(file, h.path("namesExclude"));
        for (Row r : h.rows("names")) {
            String kind = text(file, r, "kind");
            nameClasses.put(kind, new NameClass(kind, regex(file, r.path("include")), regex(file, r.path("exclude"))));
        }
        for (Row r : h.rows("sanitizerNames")) {
            sanitizerNames.add(new NameClass(String.join(",", strings(r.path("blocks"))), regex(file, r.path("include")),
                    regex(file, r.path("exclude"))));
        }
        for (Row r : h.rows("prefixBarriers")) {
            prefixBarriers.add(new PrefixBarrier(Set.copyOf(strings(r.path("blocks"))), regex(file, r.path("prefix"))));
        }
        if (h.has("credentialParams")) credentialParams = regex(file, h.path("credentialParams"));
        if (h.has("authMessages")) authMessages = regex(file, h.path("authMessages"));
        hostPatterns(file, h.path("loopbackHosts"), loopbackHosts);
        hostPatterns(file, h.path("reservedHosts"), reservedHosts);
        if (h.has("tokenCalls")) tokenCalls = regex(file, h.path("tokenCalls"));
        if (h.has("sessionMiddleware")) sessionMiddleware = regex(file, h.path("sessionMiddleware"));
        if (h.has("workerFiles")) workerFiles = regex(file, h.path("workerFiles"));
        for (JsonNode x : h.path("workerGlobals")) workerGlobals.add(x.asText());
        for (JsonNode r : h.path("serverSizeOptions")) serverSizeOptions.add(r.asText());
        h.path("handshakeAuth").fields().forEachRemaining(e -> handshakeAuth.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().asText()));
        Row ol = h.row("originLogic");
        for (JsonNode x : ol.path("substring")) originLogic.substring.add(x.asText());
        for (JsonNode x : ol.path("prefix")) originLogic.prefix.add(x.asText());
        for (JsonNode x : ol.path("suffix")) originLogic.suffix.add(x.asText());
        for (JsonNode x : ol.path("regex")) originLogic.regex.add(x.asText());
        for (JsonNode x : ol.path("normalisers")) originLogic.normalisers.add(x.asText());
        for (JsonNode x : ol.path("lookups")) originLogic.lookups.add(x.asText());
        for (JsonNode x : ol.path("regexTests")) originLogic.regexTests.add(x.asText());
        for (JsonNode x : ol.path("headerGetters")) originLogic.headerGetters.add(x.asText());
        for (JsonNode x : ol.path("parts")) originLogic.parts.add(x.asText());
        for (JsonNode x : ol.path("parsers")) originLogic.parsers.add(x.asText());
        for (JsonNode x : ol.path("ipTests")) originLogic.ipTests.add(x.asText());
        if (ol.has("deciders")) originLogic.deciders = regex(file, ol.path("deciders"));
        h.path("authOptions").fields().forEachRemaining(e -> authOptions.put(e.getKey(), e.getValue().asText()));
        h.path("subprotocolArguments").fields().forEachRemaining(e -> subprotocolArguments.put(e.getKey(), e.getValue().asInt()));
    }

    private static ServerPolicy policy(String file, Row r) {
        List<Integer> options = new ArrayList<>();
        for (String o : strings(r.path("options"))) {
            try {
                options.add(Integer.parseInt(o));
            } catch (NumberFormatException e) {
                throw new RulesetException(file + ": policy " + r.path("name").asText() + ": 'options' must list argument indices: " + o);
            }
        }
        List<Decider> deciders = new ArrayList<>();
        for (Row d : r.rows("deciders")) {
            List<HandlerSource> sources = new ArrayList<>(List.of(source(d)));
            for (Row a : d.rows("also")) sources.add(source(a));
            deciders.add(new Decider(sources, d.path("when").asText(null), d.path("option").asText(null), d.path("every").asBoolean(false),
                    text(file, d, "label"), text(file, d, "weak"), d.path("none").asText(null), d.path("acceptsAll").asText(null)));
        }
        List<Permissive> permissive = new ArrayList<>();
        for (Row p : r.rows("permissive")) {
            permissive.add(new Permissive(text(file, p, "option"), text(file, p, "label"), strings(p.path("values")),
                    p.path("when").asText(null), p.has("function") ? source(p.row("function")) : null, p.path("missing").asText(null),
                    p.has("majorBelow") ? p.path("majorBelow").asInt() : null));
        }
        Row o = r.row("otherwise");
        Otherwise otherwise = r.has("otherwise") ? new Otherwise(text(file, o, "detail"), o.path("requires").asText(null)) : null;
        List<HandlerSource> auth = new ArrayList<>();
        for (Row a : r.rows("authentication")) auth.add(source(a));
        return new ServerPolicy(text(file, r, "name"), List.copyOf(options), r.path("middleware").asText(null), List.copyOf(deciders),
                List.copyOf(permissive), otherwise, List.copyOf(auth), strings(r.path("receives")));
    }

    private static HandlerSource source(Row r) {
        String find = r.path("find").asText("registered");
        return new HandlerSource(r.path("handlers").asText(null), find, r.path("method").asText(null),
                r.path("parameter").asInt(0), r.path("holds").asText("request"));
    }

    private static void hostPatterns(String file, JsonNode list, List<io.wsscan.inventory.HostPattern> out) {
        for (JsonNode r : list) {
            String problem = io.wsscan.inventory.HostPattern.problem(r.asText());
            if (problem != null) throw new RulesetException(file + ": " + problem);
            out.add(new io.wsscan.inventory.HostPattern(r.asText()));
        }
    }

    private static String text(String file, Row r, String key) {
        JsonNode v = r.path(key);
        if (v.asText().isEmpty()) throw new RulesetException(file + ": model row without '" + key + "': " + r);
        return v.asText();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(x -> out.add(x.asText()));
        else if (!n.isMissingNode() && !n.isNull()) out.add(n.asText());
        return out;
    }

    private static Pattern regex(String file, JsonNode n) {
        if (n.isMissingNode() || n.isNull()) return null;
        try {
            return Pattern.compile(n.asText());
        } catch (PatternSyntaxException e) {
            throw new RulesetException(file + ": bad regular expression " + n.asText() + ": " + e.getDescription());
        }
    }

    /** Expands a row's {@code path} (one string or a list) into concrete paths and records their prefixes. */
    private List<String> expand(String file, Row row) {
        List<String> out = new ArrayList<>();
        JsonNode p = row.path("path");
        if (p.isMissingNode()) throw new RulesetException(file + ": model row without 'path': " + row);
        List<String> paths = p.isArray() ? strings(p) : List.of(p.asText());
        for (String path : paths) {
            List<String> acc = List.of("");
            for (String step : steps(file, path)) {
                List<String> next = new ArrayList<>();
                for (String alt : alternatives(step)) {
                    for (String a : acc) next.add(a.isEmpty() ? alt : a + "." + alt);
                }
                acc = next;
            }
            for (String a : acc) {
                out.add(a);
                java.util.regex.Matcher option = OPTION_STEP.matcher(a);
                while (option.find()) options.add(option.group(1));
                int i = -1;
                while ((i = a.indexOf('.', i + 1)) >= 0) {
                    if (bracketDepth(a, i) == 0) prefixes.add(a.substring(0, i));
                }
                prefixes.add(a);
            }
        }
        return out;
    }

    private static int bracketDepth(String s, int upTo) {
        int d = 0;
        for (int i = 0; i < upTo; i++) {
            if (s.charAt(i) == '[') d++;
            else if (s.charAt(i) == ']') d--;
        }
        return d;
    }

    private static List<String> steps(String file, String path) {
        List<String> out = new ArrayList<>();
        int depth = 0, from = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == '.' && depth == 0) {
                out.add(path.substring(from, i));
                from = i + 1;
            }
        }
        out.add(path.substring(from));
        if (depth != 0) throw new RulesetException(file + ": unbalanced brackets in path " + path);
        return out;
    }

    /** {@code Member[a,b]} -> {@code Member[a]}, {@code Member[b]}; ranges like {@code Argument[1..]} stay. */
    private static List<String> alternatives(String step) {
        int b = step.indexOf('[');
        if (b < 0 || !step.endsWith("]")) return List.of(step);
        String name = step.substring(0, b);
        String inner = step.substring(b + 1, step.length() - 1);
        if (name.equals("WhenArgument")) {
            int eq = inner.indexOf('=');
            if (eq < 0 || !inner.contains("|")) return List.of(step);
            List<String> out = new ArrayList<>();
            for (String v : inner.substring(eq + 1).split("\\|")) out.add(name + "[" + inner.substring(0, eq + 1) + v + "]");
            return out;
        }
        if (!inner.contains(",")) return List.of(step);
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = List.of(inner.split(",")).iterator(); it.hasNext(); ) {
            out.add(name + "[" + it.next().trim() + "]");
        }
        return out;
    }

    /** Sensitive-data kinds a name (variable, property, key, element id) suggests, by the name heuristics. */
    List<String> nameKinds(String name) {
        List<String> out = new ArrayList<>(1);
        for (NameClass c : nameClasses.values()) {
            if (c.include() != null && c.include().matcher(name).find()
                    && (c.exclude() == null || !c.exclude().matcher(name).find())
                    && (namesExclude == null || !namesExclude.matcher(name).find())) {
                out.add(c.kind());
            }
        }
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    /** Sink kinds a call's result can no longer reach, judged by the called function's name. */
    Set<String> sanitizerBlocks(String calleeName) {
        Set<String> out = null;
        for (NameClass c : sanitizerNames) {
            if (c.include() != null && c.include().matcher(calleeName).find()
                    && (c.exclude() == null || !c.exclude().matcher(calleeName).find())) {
                if (out == null) out = new HashSet<>();
                out.addAll(List.of(c.kind().split(",")));
            }
        }
        return out == null ? Set.of() : out;
    }

    /** The sink kinds a value that starts with this known text can no longer reach ({@code prefixBarriers}). */
    public Set<String> prefixBarriers(String prefix) {
        Set<String> mine = new java.util.TreeSet<>();
        for (PrefixBarrier b : prefixBarriers) if (b.prefix().matcher(prefix).find()) mine.addAll(b.blocks());
        return mine;
    }

    /** A loopback host: a {@code loopbackHosts} pattern or an address in 127.0.0.0/8. */
    public boolean isLoopback(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return io.wsscan.inventory.HostPattern.any(loopbackHosts, h) || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** Whether a file's path (relative to the scan root, '/' separators) names worker code. */
    public boolean isWorkerFile(String relPath) {
        return relPath != null && workerFiles != null && workerFiles.matcher(relPath).find();
    }

    /**
     * Whether a program is worker code, whose message events come from the page that started it (or
     * same-origin clients), not from other windows: its path names a worker ({@code workerFiles}), it
     * reads a global only workers have ({@code workerGlobals}, also as {@code self.NAME}), or it calls a
     * {@code workerMarkers} function.
     */
    public boolean isWorker(String relPath, Node program, Scopes scopes) {
        if (isWorkerFile(relPath)) return true;
        ArrayDeque<Node> todo = new ArrayDeque<>();
        todo.push(program);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.kind == Kind.IDENT && (workerGlobals.contains(n.text) || workerMarkers.contains(n.text))
                    && scopes.binding(n) == null) {
                return true;
            }
            if (n.kind == Kind.MEMBER && !n.has(Node.COMPUTED) && n.kid(0).kind == Kind.IDENT
                    && "self".equals(n.kid(0).text) && workerGlobals.contains(n.propertyName())) {
                return true; // self.skipWaiting(), self.clients
            }
            for (Node k : n.kids()) todo.push(k);
        }
        return false;
    }

    /** A documentation or test name reserved by RFC 2606 / RFC 6761 ({@code reservedHosts}). */
    public boolean isReserved(String host) {
        return host != null && io.wsscan.inventory.HostPattern.any(reservedHosts, host);
    }

    /** Whether a message name (a socket.io event) says the message authenticates the connection. */
    public boolean authMessage(String name) {
        return authMessages.matcher(name).find();
    }

    public Pattern credentialParams() {
        return credentialParams;
    }

    public Map<String, String> authOptions() {
        return authOptions;
    }

    public Map<String, Integer> subprotocolArguments() {
        return subprotocolArguments;
    }

    private final Map<String, String> anyMembers = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code Any.Member[name]} when some model uses it (a sink or source on any receiver), else null. */
    String anyMember(String name) {
        String p = anyMembers.computeIfAbsent(name, n -> {
            String path = "Any.Member[" + n + "]";
            return prefixes.contains(path) ? path : "";
        });
        return p.isEmpty() ? null : p;
    }
}
