package io.wsscan.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one declaration of what a ruleset may say: the vocabulary (source, sink, barrier and handler
 * kinds, structural check names, endpoint policies) per language, and every key of rule files, index
 * files and model files with its type. {@link SchemaValidator} rejects anything else with the file and
 * line, so that a typo fails the scan instead of silently switching a rule off; the loaders read
 * model rows through {@link Row}, which only hands out keys declared here.
 */
public final class Schema {

    private Schema() {
    }

    public static final String JS = "js";
    public static final String JAVA = "java";
    public static final List<String> LANGUAGES = List.of(JS, JAVA);

    /** Closed sets of words whose members depend on the language. */
    public enum Vocab {
        SOURCE_KIND("source kind"), SINK_KIND("sink kind"), BARRIER_KIND("barrier kind"),
        CHECK("structural check");

        final String what;

        Vocab(String what) {
            this.what = what;
        }
    }

    /** Structural checks that also judge where a taint rule's data came from (a taint rule's {@code check}). */
    public static final Set<String> SENDER_CHECKS = Set.of("postmessage-origin");

    /** Sink kinds plus {@code all}: what a sanitizer or barrier can block. */
    public static final String ALL = "all";

    private static final Map<String, Map<Vocab, Set<String>>> VOCABULARY = Map.of(
            JS, Map.of(
                    Vocab.SOURCE_KIND, Set.of("ws-message", "user-input", "http-request", "postmessage", "cookie", "stored-secret", "secret",
                            "password", "card", "health", "geolocation"),
                    Vocab.SINK_KIND, Set.of("html", "html-selector", "code", "command", "navigation", "ws-url", "ws-url-data", "ws-send",
                            "postmessage-wildcard"),
                    Vocab.CHECK, Set.of("connection-cleartext", "url-credentials", "postmessage-origin", "server-origin",
                            "untrusted-host", "payment-script-integrity")),
            JAVA, Map.of(
                    // every Java payload source is a WebSocket message
                    Vocab.SOURCE_KIND, Set.of("ws-message"),
                    // ws-send-html: a send sink with markup: true reached by a value built with HTML markup
                    Vocab.SINK_KIND, Set.of("sql", "command", "deserialization", "path", "expression", "jndi", "ldap",
                            "reflection", "ws-send", "ws-send-html"),
                    Vocab.CHECK, Set.of("java-origin-missing", "java-origin-permissive")));

    /** The words of {@code vocab} in {@code language}. */
    public static Set<String> vocabulary(String language, Vocab vocab) {
        if (vocab == Vocab.BARRIER_KIND) {
            Set<String> out = new TreeSet<>(vocabulary(language, Vocab.SINK_KIND));
            out.add(ALL);
            return Collections.unmodifiableSet(out);
        }
        return VOCABULARY.get(language).get(vocab);
    }

    /** Word sets that model rows give and use: JS types ({@code Type[t]}) and name classes. */
    static final String TYPES = "type", NAME_CLASSES = "name class", HANDLER_KINDS = "handler kind", POLICIES = "server policy";

    /**
     * Words of a set that the scanner's own code uses, so that a model may give them without a model
     * using them ({@code window-message} and {@code channel-message} handlers are read by the postMessage
     * check and its taint rules); every other handler
     * kind a model gives must be used by some policy, or a misspelled kind would find functions nobody reads.
     */
    static final Map<String, Set<String>> BUILT_IN_USES = Map.of(HANDLER_KINDS, Set.of("window-message", "channel-message"));

    /** Sets whose every given word must also be used. */
    static final Set<String> MUST_BE_USED = Set.of(HANDLER_KINDS);

    /** First steps of a JS access path, and the steps that may follow. */
    static final Set<String> PATH_ROOTS = Set.of("Global", "Module", "Type", "Any", "Jsx");
    static final Set<String> PATH_STEPS = Set.of("Member", "Argument", "WhenArgument", "ReturnValue", "Instance",
            "Parameter", "Element", "Attribute");

    // ---- key declarations ------------------------------------------------------------------------

    /** How a key's value is written. */
    public enum Type {
        /** a scalar */
        TEXT,
        /** a scalar or a list of scalars */
        TEXTS,
        /** true or false */
        FLAG,
        /** an integer */
        NUMBER,
        /** a Java regular expression */
        PATTERN,
        /** a JS access path or a list of them */
        PATHS,
        /** a mapping of free names to scalars */
        TABLE,
        /** a mapping with declared keys */
        ROW,
        /** a list of mappings with declared keys (with {@code scalars}: items may also be plain scalars) */
        ROWS
    }

    /**
     * One declared key. {@code vocab} or {@code values}, when set, close the set of words a TEXT or
     * TEXTS value may hold; {@code keys} are the nested keys of a ROW or ROWS. {@code defines} and
     * {@code refersTo} name a set of words that model rows give and others use (a type, a name class):
     * a use that no loaded model gives is an error. Built by copying ({@link #required()} and friends).
     */
    public static final class Key implements Cloneable {
        final String name;
        final Type type;
        final Map<String, Key> keys;
        boolean required;
        /** Required unless the row's key {@code unless[0]} is {@code unless[1]}. */
        String[] unless;
        Vocab vocab;
        Set<String> values;
        boolean scalars;
        /** For a ROW or ROWS key: at least one of these keys must be present (the row's shape). */
        List<String> anyOf = List.of();
        String defines;
        String refersTo;
        /** Set when a loader asks for this key (the schema test checks that every key is read). */
        volatile boolean read;

        private Key(String name, Type type, Map<String, Key> keys) {
            this.name = name;
            this.type = type;
            this.keys = keys;
        }

        private Key copy(java.util.function.Consumer<Key> change) {
            try {
                Key k = (Key) clone();
                change.accept(k);
                return k;
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        Key required() {
            return copy(k -> k.required = true);
        }

        /** Required unless the row's {@code other} key has {@code value}. */
        Key requiredUnless(String other, String value) {
            return copy(k -> k.unless = new String[] {other, value});
        }

        Key in(Vocab v) {
            return copy(k -> k.vocab = v);
        }

        Key oneOf(String... words) {
            return copy(k -> k.values = Set.of(words));
        }

        Key orScalar() {
            return copy(k -> k.scalars = true);
        }

        /** Rows must have at least one of these keys: a row of none of the shapes would match nothing. */
        Key shapes(String... shapeKeys) {
            for (String k : shapeKeys) if (!keys.containsKey(k)) throw new IllegalArgumentException(k);
            return copy(k -> k.anyOf = List.of(shapeKeys));
        }

        /** The value gives a word of {@code set} (a type, a name class) that other rows may use. */
        Key defines(String set) {
            return copy(k -> k.defines = set);
        }

        /** The value uses words of {@code set}: each must be given by some loaded model. */
        Key refersTo(String set) {
            return copy(k -> k.refersTo = set);
        }

        public String name() {
            return name;
        }

        public Type type() {
            return type;
        }

        public boolean isRequired() {
            return required;
        }

        /** Nested keys of a ROW or ROWS key, in declaration order. */
        public Map<String, Key> keys() {
            return keys;
        }

        Key key(String k) {
            return keys.get(k);
        }
    }

    static Key text(String name) {
        return new Key(name, Type.TEXT, Map.of());
    }

    static Key texts(String name) {
        return new Key(name, Type.TEXTS, Map.of());
    }

    static Key flag(String name) {
        return new Key(name, Type.FLAG, Map.of());
    }

    static Key number(String name) {
        return new Key(name, Type.NUMBER, Map.of());
    }

    static Key pattern(String name) {
        return new Key(name, Type.PATTERN, Map.of());
    }

    static Key table(String name) {
        return new Key(name, Type.TABLE, Map.of());
    }

    static Key row(String name, Key... keys) {
        return new Key(name, Type.ROW, index(keys));
    }

    static Key rows(String name, Key... keys) {
        return new Key(name, Type.ROWS, index(keys));
    }

    /** Where a server policy finds functions of a handler kind, and what their parameter holds. */
    private static Key[] handlerSource() {
        return new Key[] {text("handlers").refersTo(HANDLER_KINDS).requiredUnless("find", "enclosing"),
                text("find").oneOf("registered", "listeners", "callers", "all", "enclosing"), text("method"), number("parameter"),
                text("holds").oneOf("origin", "request", "info", "headers", "socket")};
    }

    private static Key[] with(Key[] a, Key... b) {
        List<Key> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(Key[]::new);
    }

    /** A JS model row: a {@code path} (or a list of them) plus its own keys. */
    private static Key jsRows(String name, Key... keys) {
        List<Key> all = new ArrayList<>();
        all.add(new Key("path", Type.PATHS, Map.of()).required().refersTo(TYPES));
        all.addAll(List.of(keys));
        return rows(name, all.toArray(Key[]::new));
    }

    private static Map<String, Key> index(Key... keys) {
        Map<String, Key> m = new LinkedHashMap<>();
        for (Key k : keys) m.put(k.name, k);
        return Collections.unmodifiableMap(m);
    }

    // ---- rule and index files --------------------------------------------------------------------

    /** A rule file ({@code rules/<lang>/<name>.yml}, or an item of an index's {@code rules}). */
    public static final Key RULE = row("rule",
            text("id").required(),
            text("language").required().oneOf(JS, JAVA),
            text("name").required(),
            text("shortDescription").required(),
            text("fullDescription").required(),
            text("help").required(),
            text("level").required().oneOf("error", "warning", "note"),
            text("securitySeverity").required(),
            text("precision").required().oneOf("very-high", "high", "medium", "low"),
            texts("tags"),
            table("compliance"),
            text("kind").required().oneOf("taint", "structural"),
            texts("sources").in(Vocab.SOURCE_KIND),
            texts("sinks").in(Vocab.SINK_KIND),
            texts("authenticationSources").in(Vocab.SOURCE_KIND),
            text("check").in(Vocab.CHECK),
            text("message").required(),
            table("advice"),
            rows("leads", text("lead").required(), text("level").required().oneOf("error", "warning", "note"),
                    text("message").required()),
            row("pageGlobals", texts("sources").required().in(Vocab.SOURCE_KIND), level("level"), text("message").required()),
            row("originLevels", level("none"), level("weak"), level("channel")));

    private static Key level(String name) {
        return text(name).required().oneOf("error", "warning", "note");
    }

    /** What a rule's {@code message} may ask to be filled per finding. */
    public static final Set<String> PLACEHOLDERS = Set.of("source", "sink", "detail", "advice", "threat");

    /** An index file: the rule and model files of a ruleset (items may also be written inline). */
    public static final Key INDEX = row("index",
            rows("rules").orScalar(),
            rows("models").orScalar());

    // ---- model files -----------------------------------------------------------------------------

    private static Key language() {
        return text("language").oneOf(JS, JAVA);
    }

    /** A JS model file: its top-level keys are the sections. */
    public static final Key JS_MODEL = row("js model",
            language(),
            text("library"),
            rows("triggers", text("near").required(), pattern("regex"), text("global")).orScalar(),
            texts("globalObjects"),
            texts("injectedParameters"),
            texts("workerMarkers"),
            jsRows("aliases", text("to").required()),
            jsRows("types", text("type").required().defines(TYPES)),
            jsRows("sources", text("kind").required().in(Vocab.SOURCE_KIND), text("label").required(),
                    text("nameFrom").oneOf("argument", "member"), texts("names").in(Vocab.SOURCE_KIND).refersTo(NAME_CLASSES),
                    flag("windowOnly"), text("lead")),
            jsRows("sinks", texts("kinds").required().in(Vocab.SINK_KIND), text("label").required(), flag("deep"), number("message"),
                    row("hardcoded", text("kind").required().in(Vocab.SOURCE_KIND), pattern("pattern").required(),
                            text("label").required())),
            jsRows("sanitizers", texts("blocks").required().in(Vocab.BARRIER_KIND)),
            jsRows("serializers"),
            jsRows("connections", text("library").required(), text("url"), texts("cleartext"), text("defaultPath"),
                    text("defaultUrl").oneOf("page")),
            jsRows("handlers", text("kind").required().defines(HANDLER_KINDS)),
            jsRows("elementHints", text("nameFrom").required().oneOf("argument")),
            jsRows("wrappers", text("field"), number("argument"), flag("call")),
            jsRows("knownStrings", text("value").required()),
            jsRows("endpoints", text("library").required(), text("policy").required().refersTo(POLICIES), text("defaultPath"), flag("construct"),
                    text("pathFrom")),
            rows("policies", text("name").required().defines(POLICIES), texts("options"), text("middleware").oneOf("server", "app"),
                    rows("deciders", with(handlerSource(), text("when"), text("option"), flag("every"), text("label").required(),
                            text("weak").required(), text("none"), text("acceptsAll"),
                            rows("also", handlerSource()))),
                    rows("permissive", text("option").required(), text("label").required(), texts("values"), text("when"),
                            row("function", handlerSource()), text("missing"), number("majorBelow")),
                    row("otherwise", text("detail").required(), text("requires").oneOf("ambient")),
                    rows("authentication", handlerSource()),
                    texts("receives").refersTo(HANDLER_KINDS)),
            jsRows("typeHints", texts("names").required()),
            rows("shapes", new Key("path", Type.PATHS, Map.of()).refersTo(TYPES), text("type").defines(TYPES),
                    texts("methods").required(), table("forwards")).shapes("path", "type"),
            jsRows("stateHooks"),
            row("heuristics",
                    pattern("namesExclude"),
                    rows("names", text("kind").required().in(Vocab.SOURCE_KIND).defines(NAME_CLASSES), pattern("include").required(),
                            pattern("exclude")),
                    rows("sanitizerNames", pattern("include").required(), pattern("exclude"),
                            texts("blocks").required().in(Vocab.BARRIER_KIND)),
                    rows("prefixBarriers", pattern("prefix").required(), texts("blocks").required().in(Vocab.BARRIER_KIND)),
                    pattern("credentialParams"),
                    pattern("authMessages"),
                    texts("loopbackHosts"),
                    texts("reservedHosts"),
                    pattern("workerFiles"),
                    pattern("sessionMiddleware"),
                    pattern("tokenCalls"),
                    texts("workerGlobals"),
                    texts("serverSizeOptions"),
                    table("handshakeAuth"),
                    row("originLogic", texts("substring"), texts("prefix"), texts("suffix"), texts("regex"), texts("normalisers"),
                            texts("lookups"), texts("regexTests"), texts("headerGetters"), texts("parts"), texts("parsers"), texts("ipTests"), pattern("deciders")),
                    table("authOptions"),
                    table("subprotocolArguments")));

    /** A Java model file ({@code language: java}). */
    public static final Key JAVA_MODEL = row("java model",
            language().required(),
            text("library"),
            rows("packageAliases", text("from").required(), text("to").required()),
            rows("types", text("type").required(), texts("supertypes")),
            rows("returns", texts("type").required(), texts("methods").required(), text("returns").required()),
            rows("fields", text("type").required(), text("field").required(), text("fieldType").required()),
            rows("callbacks", texts("type").required(), texts("methods").required(), number("arg"), number("param"),
                    text("paramType").required()),
            rows("functional", text("type").required(), texts("params")),
            rows("constants", text("name").required(), text("value").required()),
            row("originLogic", texts("headerNames"), texts("headerConstants"), texts("accessors"), texts("strong"),
                    texts("lookups"), texts("weak"), texts("wildcards"),
                    row("authentication",
                            row("ambient", texts("methods"), texts("requestMethods"), texts("headers"), texts("types"),
                                    rows("xml", text("contains").required(), text("what").required())),
                            row("token", texts("headers"), texts("parameters"), texts("types"))),
                    row("sizeLimits", texts("methods"), texts("elements")), pattern("messageMethods")),
            rows("endpoints", text("framework").required(), texts("annotation"), texts("extends"), texts("new"),
                    row("call", texts("type"), texts("methods"), flag("untyped"), text("creator"), number("classArg")),
                    row("registration", texts("type"), texts("methods")),
                    row("configurator", text("element"), texts("method"), texts("plain")),
                    row("chain", texts("check"), texts("configurator")),
                    flag("checkArgs"), texts("checkMethods"),
                    row("late", texts("methods"), texts("annotations")),
                    texts("alsoImplements"), texts("projectCalls"),
                    rows("projectChecks", texts("extends"), texts("annotated"), texts("method")),
                    texts("projectTypes"), texts("siblingHandlers"), texts("siblingCalls"), texts("wrappers"),
                    row("options", number("arg"), texts("methods")),
                    text("config"), texts("insideAnnotated"), flag("servlet")).shapes("annotation", "extends", "new", "call"),
            rows("registrations", text("framework").required(), texts("type").required(), texts("methods").required(),
                    number("pathArg"), texts("originMethods"), flag("servlet")),
            row("servletMappings", texts("calls"), texts("chained"), texts("serve"), texts("with"), texts("contextPath"), texts("settings")),
            rows("permissive", texts("type"), texts("methods"), texts("new"), flag("wildcardArgs"), flag("always"),
                    flag("noArgs"), text("context").oneOf("any", "websocket-file"), texts("extends"), text("method"),
                    flag("alwaysTrue"), texts("alwaysPermit"), text("noOpBean"), texts("unlessChained"), text("what"))
                    .shapes("methods", "new", "extends", "noOpBean"),
            rows("settings", text("name").required(), texts("files"), texts("enabled"), texts("origins"),
                    text("enabledWithoutOrigins").oneOf("checked", "permissive"),
                    row("requires", texts("keys"), text("value")), text("what")),
            rows("xml", text("attribute").required(), flag("wildcard"), text("equals"), text("what").required()),
            rows("sources", texts("annotation"), text("params").oneOf("payload"), texts("paramAnnotation"),
                    texts("override"), texts("method"), number("param"), texts("whenTyped"), texts("callback"),
                    texts("methods"), text("arg"), texts("call"), flag("untyped"), flag("message"), text("label").required())
                    .shapes("annotation", "paramAnnotation", "override", "callback", "call"),
            rows("sinks", texts("type"), texts("methods"), texts("new"), texts("returnOf"), texts("args"),
                    texts("kinds").required().in(Vocab.SINK_KIND), flag("markup"), flag("untyped"), text("label").required())
                    .shapes("methods", "new", "returnOf"),
            rows("sanitizers", texts("type"), texts("methods").required(), flag("anyReceiver"),
                    texts("blocks").required().in(Vocab.BARRIER_KIND)).shapes("type", "anyReceiver"),
            texts("storeInReceiver"),
            texts("fillArgument"),
            texts("lookupMethods"),
            texts("allowListChecks"),
            pattern("contextTypeNames"));

    /** The model schema of a language. */
    public static Key model(String language) {
        return JAVA.equals(language) ? JAVA_MODEL : JS_MODEL;
    }

    /** The language a model document is written for ({@code language:}, default js). */
    public static String languageOf(com.fasterxml.jackson.databind.JsonNode doc) {
        return doc.path("language").asText(JS);
    }
}
