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
import java.util.function.UnaryOperator;

/**
 * The part of a template's meaning that the masked text cannot say, added to the parsed program: what
 * an inline handler's {@code this} is, that {@code <body onmessage>} is the window's handler, and that
 * a Vue binding is an attribute of an element. It rewrites the top-level statements the extractor
 * wrote for inline code ({@link ScriptExtractor.Inline}); every new node has the offsets of the
 * template text it stands for, so findings land on the attribute.
 *
 * <ul>
 *   <li>{@link ScriptExtractor.Role#HANDLER}: {@code !function(event){…}} becomes
 *       {@code function(event){…}.call(el, {target: el, currentTarget: el})} where {@code el} is
 *       {@code @element('input[type=password][name=pw]')}, a global that no script can name. Models
 *       say what its value is ({@code Global[@element].ReturnValue}: an element hint by the
 *       descriptor, and a user-input {@code .value}).</li>
 *   <li>{@link ScriptExtractor.Role#WINDOW_HANDLER}: becomes {@code onmessage = function(event){…}},
 *       the assignment the browser makes, located at the attribute.</li>
 *   <li>{@link ScriptExtractor.Role#VUE_HANDLER} on a form field: called with an event whose
 *       {@code target} is the field ({@code $event.target.value}); in an Options API component its
 *       names read the instance.</li>
 *   <li>{@link ScriptExtractor.Role#VUE_MODEL}: {@code (x);} becomes {@code x = @element('…').value}:
 *       the model receives what the user types into the field.</li>
 *   <li>{@link ScriptExtractor.Role#VUE_FOR}: {@code for(let m of list){…}} iterates the ref's
 *       value ({@code list.value ?? list}, as the template unwraps refs) and binds the item of a
 *       tuple alias.</li>
 *   <li>{@link ScriptExtractor.Role#VUE_BINDING}: {@code (e);} becomes the JSX element
 *       {@code <tag attr={e}/>}, so that {@code Jsx.Attribute[v-html]} and
 *       {@code Jsx.Element[iframe].Attribute[src]} model rows apply to Vue templates too.</li>
 * </ul>
 * Statements it cannot find as written (the wrapper did not survive a parse) are left alone.
 *
 * <p>A Vue component written with the Options API is lowered by {@link VueOptions}: one instance
 * value for {@code this} and for the names its template reads.
 *
 * <p>In a Vue component, names imported from Vue itself under their own name
 * ({@code import { ref, reactive } from 'vue'}) are Vue's API, which models describe as globals
 * ({@code Global[ref]}, as Nuxt and unplugin-auto-import provide them): such imports are dropped, so
 * that the models apply to them; a renamed one ({@code ref as vueRef}) becomes
 * {@code const vueRef = ref}.
 */
final class TemplateLowering implements UnaryOperator<Node> {

    /** The global an inline handler's element is read from: not an identifier, so no script shadows it. */
    static final String ELEMENT = "@element";

    /** Modules whose named exports are Vue's API (the models' {@code Global[ref]} and so on). */
    static final Set<String> VUE_MODULES = Set.of("vue", "@vue/reactivity", "@vue/runtime-core",
            "@vue/runtime-dom", "@vue/composition-api", "vue-demi");

    private final List<ScriptExtractor.Inline> inline;
    private final boolean vue;

    TemplateLowering(List<ScriptExtractor.Inline> inline) {
        this(inline, false);
    }

    /** The lowering of a template's inline code; {@code vue} for a Vue component (see the class comment). */
    TemplateLowering(List<ScriptExtractor.Inline> inline, boolean vue) {
        this.vue = vue;
        List<ScriptExtractor.Inline> todo = new ArrayList<>();
        for (ScriptExtractor.Inline i : inline) {
            if (i.role() != ScriptExtractor.Role.SCRIPT_URL && (i.role() != ScriptExtractor.Role.VUE_FOR || i.blockEnd() > 0)) {
                todo.add(i);
            }
        }
        this.inline = todo;
    }

    @Override
    public Node apply(Node program) {
        if ((inline.isEmpty() && !vue) || program.kind != Kind.PROGRAM) return program;
        VueOptions options = vue ? VueOptions.find(program) : null;
        return statements(program, options, Set.of());
    }

    /**
     * A program or block with the statements written for inline code lowered (Vue loops nest);
     * {@code options} is the Options API component (null: none), {@code bound} the names loops bind.
     */
    private Node statements(Node parent, VueOptions options, Set<String> bound) {
        List<Node> out = new ArrayList<>(parent.size());
        boolean changed = false;
        for (Node st : parent.kids()) {
            Node n = st;
            if (options != null && st == options.statement()) {
                // the component instance, and what Vue proxies onto it
                out.add(options.store());
                out.addAll(options.mirrors());
                changed = true;
                continue;
            } else if (st.kind == Kind.EXPR_STMT && st.size() == 1) {
                ScriptExtractor.Inline i = at(st.start, st.end, false);
                Node lowered = i == null ? null : lower(i, st.kid(0), options, bound);
                if (lowered != null) {
                    n = new Node(Kind.EXPR_STMT, Math.min(st.start, lowered.start), st.end, st.text, st.flags, List.of(lowered));
                }
            } else if (st.kind == Kind.FOR_OF && st.size() == 3 && at(st.start, st.end, true) != null) {
                n = loop(st, options, bound);
            } else if (vue && st.kind == Kind.IMPORT && VUE_MODULES.contains(st.text)) {
                List<Node> lowered = vueImport(st);
                if (lowered != null) {
                    out.addAll(lowered);
                    changed = true;
                    continue;
                }
            }
            changed |= n != st;
            out.add(n);
        }
        return changed ? new Node(parent.kind, parent.start, parent.end, parent.text, parent.flags, out) : parent;
    }

    /**
     * The inline code whose wrapper starts the statement {@code [start, end)}, or null; a loop's
     * statement ends at its block's end instead.
     */
    private ScriptExtractor.Inline at(int start, int end, boolean loop) {
        for (ScriptExtractor.Inline i : inline) {
            if (loop != (i.role() == ScriptExtractor.Role.VUE_FOR)) continue;
            if (start >= i.start() && start < i.end() && (loop ? end == i.blockEnd() : end <= i.end())) return i;
        }
        return null;
    }

    /**
     * {@code for(let item of list){…}} from a {@code v-for}: the template unwraps a ref list
     * ({@code list.value ?? list}), a tuple alias {@code [item, index]} binds the item, and the
     * bindings in the block are lowered too.
     */
    private Node loop(Node st, VueOptions options, Set<String> bound) {
        Node left = st.kid(0), right = st.kid(1), body = st.kid(2);
        if (left.kind == Kind.VAR_DECL && left.size() == 1 && left.kid(0).size() >= 1
                && left.kid(0).kid(0).kind == Kind.ARRAY_PATTERN && left.kid(0).kid(0).size() > 0
                && !left.kid(0).kid(0).kid(0).isEmpty()) {
            Node d = left.kid(0);
            List<Node> kids = new ArrayList<>(d.kids());
            kids.set(0, d.kid(0).kid(0));
            left = new Node(left.kind, left.start, left.end, left.text, left.flags,
                    List.of(new Node(d.kind, d.start, d.end, d.text, d.flags, kids)));
        }
        if (options != null) right = options.template(right, bound);
        Node unwrapped = new Node(Kind.LOGICAL, right.start, right.end, "??", 0,
                List.of(new Node(Kind.MEMBER, right.start, right.end, "value", 0, List.of(right)), right));
        Set<String> inner = new HashSet<>(bound);
        if (left.kind == Kind.VAR_DECL) for (Node d : left.kids()) if (d.size() > 0) VueOptions.names(d.kid(0), inner);
        Node block = body.kind == Kind.BLOCK ? statements(body, options, inner) : body;
        return new Node(st.kind, st.start, st.end, st.text, st.flags, List.of(left, unwrapped, block));
    }

    private static Node lower(ScriptExtractor.Inline i, Node e, VueOptions options, Set<String> bound) {
        return switch (i.role()) {
            case HANDLER -> {
                Node fn = wrapped(e);
                if (fn == null) yield null;
                int s = i.at(), t = i.at() + i.name().length();
                Node el = element(i, s, t);
                Node event = new Node(Kind.OBJECT, s, t, null, 0, List.of(
                        new Node(Kind.PROPERTY, s, t, null, 0, List.of(Node.leaf(Kind.IDENT, s, t, "target"), el)),
                        new Node(Kind.PROPERTY, s, t, null, 0, List.of(Node.leaf(Kind.IDENT, s, t, "currentTarget"), el))));
                Node callee = new Node(Kind.MEMBER, e.start, e.end, "call", 0, List.of(fn));
                yield new Node(Kind.CALL, e.start, e.end, null, 0, List.of(callee, el, event));
            }
            case WINDOW_HANDLER -> {
                Node fn = wrapped(e);
                if (fn == null) yield null;
                Node target = Node.leaf(Kind.IDENT, i.at(), i.at() + i.name().length(), i.name());
                yield new Node(Kind.ASSIGN, i.at(), e.end, "=", 0, List.of(target, fn));
            }
            case VUE_HANDLER -> {
                // an Options API component's handler reads the instance
                Node fn = e.kind == Kind.FUNCTION ? e : null;
                if (fn == null) yield null;
                if (options != null) fn = options.template(fn, bound);
                if (!ScriptExtractor.FORM_FIELDS.contains(i.tag()) || fn.kid(0).size() == 0) yield fn == e ? null : fn;
                // on a form field, $event is a DOM event whose target is the field
                int s = i.at(), t = i.at() + i.name().length();
                Node el = element(i, s, t);
                Node event = new Node(Kind.OBJECT, s, t, null, 0, List.of(
                        new Node(Kind.PROPERTY, s, t, null, 0, List.of(Node.leaf(Kind.IDENT, s, t, "target"), el)),
                        new Node(Kind.PROPERTY, s, t, null, 0, List.of(Node.leaf(Kind.IDENT, s, t, "currentTarget"), el))));
                yield new Node(Kind.CALL, fn.start, fn.end, null, 0, List.of(fn, event));
            }
            case VUE_MODEL -> {
                // v-model="x" on a form field: x = the field's value, as an inline handler's this.value
                if (options != null) e = options.template(e, bound);
                if (e.kind != Kind.IDENT && e.kind != Kind.MEMBER) yield null;
                int s = i.at(), t = i.at() + i.name().length();
                Node value = new Node(Kind.MEMBER, s, t, "value", 0, List.of(element(i, s, t)));
                yield new Node(Kind.ASSIGN, s, e.end, "=", 0, List.of(e, value));
            }
            case VUE_BINDING -> {
                if (options != null) e = options.template(e, bound);
                int s = i.at();
                Node value = new Node(Kind.JSX_EXPR, e.start, e.end, null, 0, List.of(e));
                Node attr = new Node(Kind.JSX_ATTR, s, e.end, i.name(), 0, List.of(value));
                yield new Node(Kind.JSX_ELEMENT, s, e.end, i.tag(), 0, List.of(attr));
            }
            default -> null;
        };
    }

    /**
     * A Vue import as Vue's globals: a name imported as is is dropped (the global of that name is
     * meant), a renamed one becomes {@code const local = name;}; other specifiers (default, namespace)
     * stay an import. Null when nothing changes.
     */
    private static List<Node> vueImport(Node st) {
        List<Node> keep = new ArrayList<>();
        List<Node> out = new ArrayList<>();
        for (Node spec : st.kids()) {
            boolean named = spec.kind == Kind.IMPORT_SPEC && spec.size() == 1 && spec.kid(0).kind == Kind.IDENT
                    && spec.text != null && !spec.text.equals("default") && !spec.text.equals("*");
            if (!named) {
                keep.add(spec);
            } else if (!spec.kid(0).text.equals(spec.text)) {
                Node local = spec.kid(0);
                Node decl = new Node(Kind.DECLARATOR, spec.start, spec.end, null, 0,
                        List.of(local, Node.leaf(Kind.IDENT, spec.start, spec.end, spec.text)));
                out.add(new Node(Kind.VAR_DECL, spec.start, spec.end, "const", 0, List.of(decl)));
            }
        }
        if (keep.size() == st.size()) return null;
        if (!keep.isEmpty()) out.add(0, new Node(st.kind, st.start, st.end, st.text, st.flags, keep));
        return out;
    }

    /** {@code @element('input[type=password]…')}, located at the attribute {@code [s, t)}. */
    private static Node element(ScriptExtractor.Inline i, int s, int t) {
        return new Node(Kind.CALL, s, t, null, 0, List.of(Node.leaf(Kind.IDENT, s, t, ELEMENT), Node.leaf(Kind.STRING, s, t, i.element())));
    }

    /**
     * The function of a {@code !function(…){…}} or {@code (()=>{…})} wrapper, or null. The short
     * arrow wrapper (written where the longer one does not fit) stands for the same handler function,
     * so it becomes a plain function with its own {@code this}.
     */
    private static Node wrapped(Node e) {
        if (e.kind == Kind.UNARY && "!".equals(e.text) && e.size() == 1) e = e.kid(0);
        if (e.kind != Kind.FUNCTION) return null;
        if (e.has(Node.ARROW) && !e.has(Node.EXPRESSION_BODY)) return new Node(e.kind, e.start, e.end, e.text, e.flags & ~Node.ARROW, e.kids());
        return e;
    }
}
