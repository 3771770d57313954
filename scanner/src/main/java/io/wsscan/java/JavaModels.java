package io.wsscan.java;

import com.fasterxml.jackson.databind.JsonNode;
import io.wsscan.rules.Row;
import io.wsscan.rules.RulesetException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Java framework facts of all model files with {@code language: java}: endpoint declarations and
 * their check points, permissive configurations, payload sources, sinks, sanitizers and library type
 * facts (known types, supertypes, method result types, callback parameter types). The analysis code
 * knows the shapes; these rows name the APIs.
 */
public final class JavaModels {

    /** How a framework declares an endpoint and where a check of the Origin can live. */
    public record Endpoint(String framework, Set<String> annotations, Set<String> extendsTypes, Set<String> newTypes,
                           Set<String> callTypes, Set<String> callMethods, boolean untyped, String creator,
                           String configuratorElement, Set<String> configuratorMethods, Set<String> chainConfigurator,
                           Set<String> chainCheck, boolean checkArgs, Set<String> checkMethods, Set<String> lateMethods,
                           Set<String> lateAnnotations, Set<String> alsoImplements, Set<String> projectCalls,
                           List<ProjectCheck> projectChecks, Set<String> projectTypes, Set<String> siblingHandlers,
                           Set<String> siblingCalls, Set<String> wrappers, int optionsArg, Set<String> optionsMethods,
                           String config, Set<String> insideAnnotated, Set<String> plainConfigurators,
                           int classArg, Set<String> registrationTypes, Set<String> registrationMethods,
                           boolean servlet) {
    }

    /** A project class that, when it checks the Origin, guards every endpoint of a framework. */
    public record ProjectCheck(Set<String> extendsTypes, Set<String> annotated, Set<String> methods) {
    }

    /** An explicitly permissive configuration. */
    /**
     * A registration that creates an endpoint whose framework checks the Origin by default (Spring's
     * registries): an inventory entry only. Paths are the string arguments from {@code pathArg} on;
     * {@code originMethods} chained on the registration set the allowed origins.
     */
    public record Registration(String framework, Set<String> types, Set<String> methods, int pathArg, Set<String> originMethods,
                               boolean servlet) {
    }

    public record Permissive(Set<String> types, Set<String> methods, Set<String> newTypes, boolean wildcardArgs,
                             boolean always, boolean noArgs, String context, Set<String> extendsTypes, String method,
                             boolean alwaysTrue, Set<String> alwaysPermit, String noOpBean, Set<String> unlessChained,
                             String what) {
    }

    /** A framework setting read from application.properties / application.yml. */
    public record Setting(String name, List<String> files, List<String> enabled, List<String> origins,
                          String enabledWithoutOrigins, List<String> requiresKeys, String requiresValue, String what) {
    }

    /** An attribute of Spring XML configuration that makes the origin policy permissive. */
    public record XmlAttribute(String attribute, boolean wildcard, String equalsValue, String what) {
    }

    /** Where payload data enters. Exactly one of the shapes is set. */
    public record Source(Set<String> annotations, boolean payloadParams, Set<String> paramAnnotations,
                         Set<String> overrideTypes, Set<String> overrideMethods, int param, Set<String> whenTyped,
                         Set<String> callbackTypes, Set<String> callbackMethods, String callbackArg,
                         Set<String> callTypes, Set<String> callMethods, boolean untyped, String label) {
    }

    public record Sink(Set<String> types, Set<String> methods, Set<String> newTypes, Set<String> returnOf,
                       List<Integer> args, boolean allArgs, Set<String> kinds, boolean markup, boolean untyped,
                       String label) {
        boolean argument(int i) {
            return allArgs || args.contains(i);
        }
    }

    public record Sanitizer(Set<String> types, Set<String> methods, boolean anyReceiver, Set<String> blocks) {
    }

    public record Callback(Set<String> types, Set<String> methods, int arg, int param, String paramType) {
    }

    /** The origin threat model's evidence vocabulary; header names are compared ignoring case. */
    public record Authentication(Set<String> ambientMethods, Set<String> ambientRequestMethods, Set<String> ambientHeaders,
                                 Set<String> ambientTypes, Map<String, String> ambientXml, Set<String> tokenHeaders, Set<String> tokenParameters,
                                 Set<String> tokenTypes) {
    }

    public record OriginLogic(Set<String> headerNames, Set<String> headerConstants, Set<String> accessors,
                              Set<String> strong, Set<String> lookups, Set<String> weak, Set<String> wildcards) {
    }

    public final List<Endpoint> endpoints = new ArrayList<>();
    public final List<Permissive> permissive = new ArrayList<>();
    public final List<Setting> settings = new ArrayList<>();
    public final List<XmlAttribute> xmlAttributes = new ArrayList<>();
    public final List<Source> sources = new ArrayList<>();
    /** Simple names of annotations on message handlers (@OnMessage), from the payload sources. */
    public final Set<String> messageAnnotations = new java.util.TreeSet<>();
    /** Names of overridden message handler methods (onMessage, handleTextMessage, channelRead0). */
    public final Set<String> messageMethods = new java.util.TreeSet<>();
    /** Method names of message handlers of APIs without payload source models (Tomcat 7's onTextMessage). */
    public java.util.regex.Pattern messageMethodNames;
    /** Names of calls that register or read messages (addMessageHandler, textMessageHandler, receive). */
    public final Set<String> messageCalls = new java.util.TreeSet<>();
    public final List<Sink> sinks = new ArrayList<>();
    public final List<Sanitizer> sanitizers = new ArrayList<>();
    public final List<Callback> callbacks = new ArrayList<>();
    public final Set<String> storeInReceiver = new LinkedHashSet<>();
    public final Set<String> allowListChecks = new LinkedHashSet<>();
    public final Set<String> fillArgument = new LinkedHashSet<>();
    public final Set<String> lookupMethods = new LinkedHashSet<>();
    /** Calls and header names that show a handshake authenticated by session, principal or cookie. */
    /** What authenticates a handshake, ambient and token (originLogic.authentication). */
    public Authentication authentication = new Authentication(Set.of(), Set.of(), Set.of(), Set.of(), Map.of(), Set.of(), Set.of(), Set.of());
    public final List<Registration> registrations = new ArrayList<>();
    /**
     * Where code maps servlets to paths (inventory): {@code calls} with a servlet (class, instance or
     * holder) and a path argument, {@code chained} calls adding paths to their result, Guice's
     * {@code serve("/x").with(S.class)}, the calls setting a context's path, and the settings that name
     * the servlet context path of a Spring Boot module.
     */
    public record ServletMappings(Set<String> calls, Set<String> chained, Set<String> serve, Set<String> with,
                                  Set<String> contextPath, List<String> settings) {
    }

    public ServletMappings servletMappings = new ServletMappings(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of());

    /** Calls and annotation elements that bound the size of a message (inventory). */
    public final Set<String> sizeLimitMethods = new LinkedHashSet<>();
    public final Set<String> sizeLimitElements = new LinkedHashSet<>();
    public java.util.regex.Pattern contextTypeNames = java.util.regex.Pattern.compile("$^");
    /** Known library types (for wildcard imports) and their supertypes. */
    public final Set<String> libraryTypes = new LinkedHashSet<>();
    public final Map<String, List<String>> hierarchy = new HashMap<>();
    /** "type#method" -> result type. */
    public final Map<String, String> returns = new HashMap<>();
    /** "type#field" -> field type (inherited fields of library superclasses). */
    public final Map<String, String> fields = new HashMap<>();
    /** Functional interfaces of the frameworks: type -> parameter types of its method. */
    public final Map<String, List<String>> functional = new HashMap<>();
    /** Library constants: qualified field name -> value (CorsConfiguration.ALL = "*"). */
    public final Map<String, String> constants = new HashMap<>();
    /** Package prefix aliases: javax.websocket -> jakarta.websocket. */
    public final Map<String, String> packageAliases = new LinkedHashMap<>();
    public OriginLogic origin = new OriginLogic(Set.of("Origin"), Set.of("ORIGIN"), Set.of("getOrigin"),
            Set.of("equals"), Set.of("contains"), Set.of(), Set.of("*"));

    public static JavaModels load(List<JsonNode> docs) {
        JavaModels m = new JavaModels();
        for (JsonNode d : docs) if ("java".equals(d.path("language").asText(""))) m.add(d);
        return m;
    }

    /** Applies the package aliases to a qualified name (javax.websocket.Session -> jakarta.websocket.Session). */
    public String canonical(String fqn) {
        if (fqn == null) return null;
        for (Map.Entry<String, String> a : packageAliases.entrySet()) {
            if (fqn.startsWith(a.getKey() + ".")) return a.getValue() + fqn.substring(a.getKey().length());
        }
        return fqn;
    }

    private void add(JsonNode json) {
        Row d = Row.model(json);
        String file = d.path("library").asText("java model");
        for (Row r : d.rows("packageAliases")) packageAliases.put(req(file, r, "from"), req(file, r, "to"));
        for (Row r : d.rows("types")) {
            String t = req(file, r, "type");
            libraryTypes.add(t);
            // outer types of nested ones (MessageHandler of MessageHandler.Whole) resolve through wildcard imports too
            String[] parts = t.split("\\.");
            StringBuilder prefix = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length - 1; i++) {
                prefix.append('.').append(parts[i]);
                if (Character.isUpperCase(parts[i].charAt(0))) libraryTypes.add(prefix.toString());
            }
            List<String> sup = strings(r.path("supertypes"));
            if (!sup.isEmpty()) hierarchy.computeIfAbsent(t, k -> new ArrayList<>()).addAll(sup);
        }
        for (Row r : d.rows("returns")) {
            for (String t : strings(r.path("type"))) for (String mm : strings(r.path("methods"))) returns.put(t + "#" + mm, req(file, r, "returns"));
        }
        for (Row r : d.rows("functional")) functional.put(req(file, r, "type"), strings(r.path("params")));
        for (Row r : d.rows("constants")) constants.put(req(file, r, "name"), req(file, r, "value"));
        for (Row r : d.rows("fields")) fields.put(req(file, r, "type") + "#" + req(file, r, "field"), req(file, r, "fieldType"));
        for (Row r : d.rows("callbacks")) {
            callbacks.add(new Callback(set(r, "type"), set(r, "methods"), r.path("arg").asInt(0), r.path("param").asInt(0), req(file, r, "paramType")));
        }
        Row o = d.row("originLogic");
        if (o.has("authentication")) {
            Row amb = o.row("authentication").row("ambient");
            Row tok = o.row("authentication").row("token");
            Map<String, String> xml = new LinkedHashMap<>();
            for (Row x : amb.rows("xml")) xml.put(req(file, x, "contains"), req(file, x, "what"));
            authentication = new Authentication(set(amb, "methods"), set(amb, "requestMethods"), set(amb, "headers"), set(amb, "types"),
                    xml, set(tok, "headers"), set(tok, "parameters"), set(tok, "types"));
        }
        if (o.has("messageMethods")) messageMethodNames = java.util.regex.Pattern.compile(o.path("messageMethods").asText());
        for (JsonNode x : o.row("sizeLimits").path("methods")) sizeLimitMethods.add(x.asText());
        for (JsonNode x : o.row("sizeLimits").path("elements")) sizeLimitElements.add(x.asText());
        if (d.has("originLogic")) {
            origin = new OriginLogic(set(o, "headerNames"), set(o, "headerConstants"), set(o, "accessors"), set(o, "strong"),
                    set(o, "lookups"), set(o, "weak"), set(o, "wildcards"));
        }
        if (d.has("servletMappings")) {
            Row sm = d.row("servletMappings");
            servletMappings = new ServletMappings(set(sm, "calls"), set(sm, "chained"), set(sm, "serve"), set(sm, "with"),
                    set(sm, "contextPath"), strings(sm.path("settings")));
        }
        for (Row r : d.rows("endpoints")) {
            Row call = r.row("call");
            Row conf = r.row("configurator");
            Row chain = r.row("chain");
            Row late = r.row("late");
            List<ProjectCheck> checks = new ArrayList<>();
            for (Row c : r.rows("projectChecks")) checks.add(new ProjectCheck(set(c, "extends"), set(c, "annotated"), set(c, "method")));
            Row opts = r.row("options");
            endpoints.add(new Endpoint(req(file, r, "framework"), set(r, "annotation"), set(r, "extends"), set(r, "new"),
                    set(call, "type"), set(call, "methods"), call.path("untyped").asBoolean(false), call.path("creator").asText(null),
                    conf.path("element").asText(null), set(conf, "method"), set(chain, "configurator"), set(chain, "check"),
                    r.path("checkArgs").asBoolean(false), set(r, "checkMethods"), set(late, "methods"), set(late, "annotations"),
                    set(r, "alsoImplements"), set(r, "projectCalls"), checks, set(r, "projectTypes"), set(r, "siblingHandlers"),
                    set(r, "siblingCalls"), set(r, "wrappers"), opts.path("arg").asInt(-1), set(opts, "methods"),
                    r.path("config").asText(null), set(r, "insideAnnotated"), set(conf, "plain"),
                    call.path("classArg").asInt(-1), set(r.row("registration"), "type"), set(r.row("registration"), "methods"),
                    r.path("servlet").asBoolean(false)));
        }
        for (Row r : d.rows("registrations")) {
            registrations.add(new Registration(req(file, r, "framework"), set(r, "type"), set(r, "methods"),
                    r.path("pathArg").asInt(0), set(r, "originMethods"), r.path("servlet").asBoolean(false)));
        }
        for (Row r : d.rows("permissive")) {
            permissive.add(new Permissive(set(r, "type"), set(r, "methods"), set(r, "new"), r.path("wildcardArgs").asBoolean(false),
                    r.path("always").asBoolean(false), r.path("noArgs").asBoolean(false), r.path("context").asText("any"),
                    set(r, "extends"), r.path("method").asText(null), r.path("alwaysTrue").asBoolean(false),
                    set(r, "alwaysPermit"), r.path("noOpBean").asText(null), set(r, "unlessChained"),
                    r.path("what").asText("allows every origin")));
        }
        for (Row r : d.rows("settings")) {
            settings.add(new Setting(req(file, r, "name"), strings(r.path("files")), strings(r.path("enabled")),
                    strings(r.path("origins")), r.path("enabledWithoutOrigins").asText("checked"),
                    strings(r.row("requires").path("keys")), r.row("requires").path("value").asText(".*"), r.path("what").asText("")));
        }
        for (Row r : d.rows("xml")) {
            xmlAttributes.add(new XmlAttribute(req(file, r, "attribute"), r.path("wildcard").asBoolean(false),
                    r.path("equals").asText(null), req(file, r, "what")));
        }
        for (Row r : d.rows("sources")) {
            // what shows that an endpoint receives messages (an endpoint without any only sends)
            if (r.has("annotation") && "payload".equals(r.path("params").asText(""))) {
                for (String a : set(r, "annotation")) messageAnnotations.add(a.substring(a.lastIndexOf('.') + 1));
            }
            if (r.has("override")) messageMethods.addAll(set(r, "method"));
            if (r.has("callback") || r.has("call") && r.path("message").asBoolean(false)) messageCalls.addAll(set(r, "methods"));
            sources.add(new Source(set(r, "annotation"), "payload".equals(r.path("params").asText("")), set(r, "paramAnnotation"),
                    set(r, "override"), set(r, "method"), r.path("param").asInt(0), set(r, "whenTyped"),
                    set(r, "callback"), r.has("callback") ? set(r, "methods") : Set.of(), r.path("arg").asText("0"),
                    set(r, "call"), r.has("call") ? set(r, "methods") : Set.of(), r.path("untyped").asBoolean(false),
                    req(file, r, "label")));
        }
        for (Row r : d.rows("sinks")) {
            List<Integer> args = new ArrayList<>();
            boolean all = "all".equals(r.path("args").asText(""));
            for (JsonNode a : r.path("args")) args.add(a.asInt());
            if (args.isEmpty() && !all) args.add(0);
            sinks.add(new Sink(set(r, "type"), set(r, "methods"), set(r, "new"), set(r, "returnOf"), List.copyOf(args), all,
                    set(r, "kinds"), r.path("markup").asBoolean(false), r.path("untyped").asBoolean(false), req(file, r, "label")));
        }
        for (Row r : d.rows("sanitizers")) {
            sanitizers.add(new Sanitizer(set(r, "type"), set(r, "methods"), r.path("anyReceiver").asBoolean(false), set(r, "blocks")));
        }
        for (JsonNode s : d.path("storeInReceiver")) storeInReceiver.add(s.asText());
        for (JsonNode s : d.path("allowListChecks")) allowListChecks.add(s.asText());
        for (JsonNode s : d.path("fillArgument")) fillArgument.add(s.asText());
        for (JsonNode s : d.path("lookupMethods")) lookupMethods.add(s.asText());
        if (d.has("contextTypeNames")) contextTypeNames = java.util.regex.Pattern.compile(d.path("contextTypeNames").asText());
    }

    private static String req(String file, Row r, String key) {
        JsonNode v = r.path(key);
        if (v.asText().isBlank()) throw new RulesetException(file + ": row without '" + key + "': " + r);
        return v.asText();
    }

    private static Set<String> set(Row r, String key) {
        return new LinkedHashSet<>(strings(r.path(key)));
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(x -> out.add(x.asText()));
        else if (!n.isMissingNode() && !n.isNull()) out.add(n.asText());
        return out;
    }
}
