/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Vue component written with the Options API ({@code export default { data(), methods: {…},
 * computed: {…}, mounted() {…} }}), lowered so that its one instance is one value:
 *
 * <ul>
 *   <li>the options object is stored in the global {@code @vue-component} (a name no script can use);</li>
 *   <li>{@code this} in its methods, hooks, computed getters and watchers (and in arrow functions in
 *       them, not in nested plain functions) is that global;</li>
 *   <li>methods, computed values and the properties {@code data()} (or {@code setup()}) returns are
 *       copied onto it, as Vue proxies them ({@code @vue-component.send = @vue-component.methods.send},
 *       {@code @vue-component.total = @vue-component.computed.total()});</li>
 *   <li>template expressions read names they do not bind themselves from it
 *       ({@code v-html="message"} is {@code @vue-component.message}), except the globals Vue templates
 *       may use ({@code Math}, {@code JSON}, …) and names the component's script declares at the top
 *       level.</li>
 * </ul>
 * Components with {@code <script setup>} and no options object are not touched. Pages that mount an
 * app on their own markup ({@code new Vue({el: '#app', …})}, {@code createApp({…}).mount('#app')})
 * have their root options lowered the same way.
 */
final class VueOptions {

    /** The global the component instance is kept in. */
    static final String INSTANCE = "@vue-component";

    /** Globals Vue's template compiler leaves alone (Vue 3 {@code isGloballyAllowed}), and {@code $event}. */
    private static final Set<String> TEMPLATE_GLOBALS = Set.of("Infinity", "undefined", "NaN", "isFinite", "isNaN",
            "parseFloat", "parseInt", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "Math",
            "Number", "Date", "Array", "Object", "Boolean", "String", "RegExp", "Map", "Set", "JSON", "Intl", "BigInt",
            "console", "Error", "Symbol", "$event", "true", "false", "null", "this");
    /** Option groups whose functions run with the instance as {@code this}. */
    private static final Set<String> GROUPS = Set.of("methods", "computed", "watch");

    private final Node options;
    /** The top-level statement that holds the options object. */
    private final Node statement;
    /** Names the component's script declares at its top level. */
    private final Set<String> declared;

    private VueOptions(Node options, Node statement, Set<String> declared) {
        this.options = options;
        this.statement = statement;
        this.declared = declared;
    }

    /**
     * The Options API component of a program, or null when it has none: {@code export default {…}}
     * (or {@code defineComponent({…})}) of a single-file component, or, in a page with in-DOM
     * templates, the root {@code new Vue({…})} / {@code createApp({…})} of its top-level code.
     */
    static VueOptions find(Node program) {
        Node options = null, statement = null;
        Set<String> declared = new HashSet<>();
        for (Node st : program.kids()) {
            if (options == null) {
                Node o = st.kind == Kind.EXPORT && st.has(Node.DEFAULT) && st.size() == 1 ? optionsOf(st.kid(0)) : root(st);
                if (o != null) {
                    options = o;
                    statement = st;
                }
            }
            declare(st.kind == Kind.EXPORT && st.size() == 1 ? st.kid(0) : st, declared);
        }
        return options == null ? null : new VueOptions(options, statement, declared);
    }

    /** {@code {…}} or {@code defineComponent({…})} / {@code Vue.extend({…})}: the options object. */
    private static Node optionsOf(Node e) {
        if (e.kind == Kind.OBJECT) return e;
        if (e.kind == Kind.CALL && e.size() == 2 && e.kid(1).kind == Kind.OBJECT) {
            String name = calleeName(e);
            if ("defineComponent".equals(name) || "extend".equals(name) || "component".equals(name)) return e.kid(1);
        }
        return null;
    }

    /**
     * The options of an app created in a top-level statement: {@code new Vue({…})},
     * {@code createApp({…})}, {@code Vue.createApp({…}).mount('#app')}, also as a variable's value.
     */
    private static Node root(Node st) {
        Node e = st.kind == Kind.EXPR_STMT && st.size() == 1 ? st.kid(0)
                : st.kind == Kind.VAR_DECL && st.size() == 1 && st.kid(0).size() == 2 ? st.kid(0).kid(1) : null;
        for (int depth = 0; e != null && depth < 4; depth++) {
            if ((e.kind == Kind.NEW && "Vue".equals(calleeName(e))) || (e.kind == Kind.CALL && "createApp".equals(calleeName(e)))) {
                return e.size() >= 2 && e.kid(1).kind == Kind.OBJECT ? e.kid(1) : null;
            }
            // createApp({...}).use(router).mount('#app'): the receiver of the chained call
            e = e.kind == Kind.CALL && e.kid(0).kind == Kind.MEMBER ? e.kid(0).kid(0) : null;
        }
        return null;
    }

    private static String calleeName(Node call) {
        Node callee = call.kid(0);
        return callee.kind == Kind.IDENT || callee.kind == Kind.MEMBER ? callee.text : null;
    }

    private static void declare(Node st, Set<String> out) {
        switch (st.kind) {
            case VAR_DECL -> {
                for (Node d : st.kids()) if (d.size() > 0) names(d.kid(0), out);
            }
            case FUNCTION, CLASS -> {
                if (st.text != null) out.add(st.text);
            }
            case IMPORT -> {
                for (Node spec : st.kids()) if (spec.size() > 0) names(spec.kid(0), out);
            }
            default -> {
            }
        }
    }

    /** The names a binding pattern declares. */
    static void names(Node p, Set<String> out) {
        switch (p.kind) {
            case IDENT -> out.add(p.text);
            case OBJECT_PATTERN -> {
                for (Node k : p.kids()) names(k.kind == Kind.PROPERTY ? k.kid(1) : k, out);
            }
            case ARRAY_PATTERN -> {
                for (Node k : p.kids()) if (!k.isEmpty()) names(k, out);
            }
            case ASSIGN_PATTERN, REST -> names(p.kid(0), out);
            default -> {
            }
        }
    }

    /** The top-level statement that holds the options object. */
    Node statement() {
        return statement;
    }

    /**
     * That statement with the options object stored in the instance global
     * ({@code @vue-component = {…}}, also inside {@code defineComponent(…)} or {@code new Vue(…)},
     * whose results the models do not know) and {@code this} of the option functions replaced by it.
     */
    Node store() {
        Node stored = new Node(Kind.ASSIGN, options.start, options.end, "=", 0,
                List.of(ident(options.start, options.start), instanceThis(options, false)));
        return replace(statement, options, stored);
    }

    /** {@code n} with the node {@code old} (found by identity) replaced by {@code now}. */
    private static Node replace(Node n, Node old, Node now) {
        if (n == old) return now;
        List<Node> out = null;
        for (int i = 0; i < n.size(); i++) {
            Node k = n.kid(i);
            Node r = replace(k, old, now);
            if (r != k) {
                if (out == null) out = new ArrayList<>(n.kids());
                out.set(i, r);
            }
        }
        return out == null ? n : new Node(n.kind, n.start, n.end, n.text, n.flags, out);
    }

    /** Statements that copy methods, computed values and data properties onto the instance. */
    List<Node> mirrors() {
        List<Node> out = new ArrayList<>();
        for (Node p : options.kids()) {
            String key = p.kind == Kind.PROPERTY ? p.keyName() : null;
            if (key == null) continue;
            Node value = p.kid(1);
            if ((key.equals("methods") || key.equals("computed")) && value.kind == Kind.OBJECT) {
                for (Node m : value.kids()) {
                    String name = m.kind == Kind.PROPERTY ? m.keyName() : null;
                    if (name == null) continue;
                    Node read = member(member(ident(m.start, m.end), key, m), name, m);
                    if (key.equals("computed")) {
                        // a getter function, or { get() {…}, set(v) {…} }
                        if (m.kid(1).kind == Kind.OBJECT) read = member(read, "get", m);
                        read = new Node(Kind.CALL, m.start, m.end, null, 0, List.of(read));
                    }
                    out.add(copy(name, read, m));
                }
            } else if (key.equals("data") && value.kind == Kind.OBJECT) {
                // a root instance's data: { … }
                for (Node d : value.kids()) {
                    String name = d.kind == Kind.PROPERTY ? d.keyName() : null;
                    if (name != null) out.add(copy(name, member(member(ident(p.start, p.end), "data", p), name, d), d));
                }
            } else if ((key.equals("data") || key.equals("setup")) && value.kind == Kind.FUNCTION) {
                // data() { return {…} }, and setup() { …; return { msg } } whose refs the template unwraps
                Node returned = returnedObject(value);
                if (returned == null) continue;
                Node call = new Node(Kind.CALL, p.start, p.end, null, 0, List.of(member(ident(p.start, p.end), key, p)));
                for (Node d : returned.kids()) {
                    String name = d.kind == Kind.PROPERTY ? d.keyName() : null;
                    if (name != null) out.add(copy(name, member(call, name, d), d));
                }
            }
        }
        return out;
    }

    /** {@code @vue-component.name = value;} located at {@code at}. */
    private static Node copy(String name, Node value, Node at) {
        Node target = member(ident(at.start, at.end), name, at);
        return new Node(Kind.EXPR_STMT, at.start, at.end, null, 0,
                List.of(new Node(Kind.ASSIGN, at.start, at.end, "=", 0, List.of(target, value))));
    }

    /** The object literal {@code data()} returns ({@code return {…}} at its top level, or an arrow's body). */
    private static Node returnedObject(Node fn) {
        Node body = fn.kid(1);
        if (fn.has(Node.EXPRESSION_BODY)) return body.kind == Kind.OBJECT ? body : null;
        for (Node st : body.kids()) {
            if (st.kind == Kind.RETURN && st.size() == 1 && st.kid(0).kind == Kind.OBJECT) return st.kid(0);
        }
        return null;
    }

    /**
     * A template expression with the names it reads from the instance made reads of
     * {@code @vue-component}; {@code bound} are names the template binds ({@code v-for} aliases).
     */
    Node template(Node e, Set<String> bound) {
        switch (e.kind) {
            case IDENT -> {
                if (bound.contains(e.text) || declared.contains(e.text) || TEMPLATE_GLOBALS.contains(e.text)) return e;
                return member(ident(e.start, e.start), e.text, e);
            }
            case MEMBER -> {
                if (!e.has(Node.COMPUTED)) {
                    Node o = template(e.kid(0), bound);
                    return o == e.kid(0) ? e : new Node(e.kind, e.start, e.end, e.text, e.flags, List.of(o));
                }
                return kids(e, bound, 0);
            }
            case PROPERTY -> {
                return kids(e, bound, e.has(Node.COMPUTED) ? 0 : 1);
            }
            case FUNCTION -> {
                Set<String> inner = new HashSet<>(bound);
                for (Node p : e.kid(0).kids()) names(p, inner);
                Node body = template(e.kid(1), inner);
                return body == e.kid(1) ? e : new Node(e.kind, e.start, e.end, e.text, e.flags, List.of(e.kid(0), body));
            }
            default -> {
                return kids(e, bound, 0);
            }
        }
    }

    /** {@code e} with its children from index {@code from} on lowered as template expressions. */
    private Node kids(Node e, Set<String> bound, int from) {
        List<Node> out = null;
        for (int i = from; i < e.size(); i++) {
            Node k = e.kid(i);
            Node t = template(k, bound);
            if (t != k) {
                if (out == null) out = new ArrayList<>(e.kids());
                out.set(i, t);
            }
        }
        return out == null ? e : new Node(e.kind, e.start, e.end, e.text, e.flags, out);
    }

    /**
     * The options object (or, {@code inGroup}, a method group, a computed {@code {get, set}} or a
     * watcher {@code {handler}}) with {@code this} of its functions made the instance.
     */
    private static Node instanceThis(Node obj, boolean inGroup) {
        List<Node> out = new ArrayList<>(obj.size());
        boolean changed = false;
        for (Node p : obj.kids()) {
            Node n = p;
            if (p.kind == Kind.PROPERTY && p.size() == 2) {
                Node v = p.kid(1);
                Node nv = v;
                if (v.kind == Kind.FUNCTION && !v.has(Node.ARROW)) {
                    nv = replaceThisIn(v);
                } else if (v.kind == Kind.OBJECT && (inGroup || GROUPS.contains(p.keyName()))) {
                    nv = instanceThis(v, true);
                }
                if (nv != v) n = new Node(p.kind, p.start, p.end, p.text, p.flags, List.of(p.kid(0), nv));
            }
            changed |= n != p;
            out.add(n);
        }
        return changed ? new Node(obj.kind, obj.start, obj.end, obj.text, obj.flags, out) : obj;
    }

    /** A method with {@code this} replaced in its parameters and body. */
    private static Node replaceThisIn(Node fn) {
        List<Node> kids = new ArrayList<>(fn.size());
        boolean changed = false;
        for (Node k : fn.kids()) {
            Node r = replaceThis(k);
            changed |= r != k;
            kids.add(r);
        }
        return changed ? new Node(fn.kind, fn.start, fn.end, fn.text, fn.flags, kids) : fn;
    }

    /** {@code this} made the instance, down to (not into) plain functions and classes, which bind their own. */
    private static Node replaceThis(Node n) {
        if (n.kind == Kind.THIS) return ident(n.start, n.end);
        if ((n.kind == Kind.FUNCTION && !n.has(Node.ARROW)) || n.kind == Kind.CLASS) return n;
        List<Node> out = null;
        for (int i = 0; i < n.size(); i++) {
            Node k = n.kid(i);
            Node r = replaceThis(k);
            if (r != k) {
                if (out == null) out = new ArrayList<>(n.kids());
                out.set(i, r);
            }
        }
        return out == null ? n : new Node(n.kind, n.start, n.end, n.text, n.flags, out);
    }

    private static Node ident(int start, int end) {
        return Node.leaf(Kind.IDENT, start, end, INSTANCE);
    }

    private static Node member(Node object, String name, Node at) {
        return new Node(Kind.MEMBER, at.start, at.end, name, 0, List.of(object));
    }
}
