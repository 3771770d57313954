/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.rules.js;

import io.wsscan.analysis.Scopes;
import io.wsscan.analysis.Scopes.Binding;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a value was given to the page as a global: configuration the server wrote into the page
 * ({@code window.CONFIG.wsToken}, {@code config.csrf_token}) or a constant the build or dev server
 * defines ({@code __WS_TOKEN__}), read directly, through the global object (also a bundler's
 * {@code (() => typeof window < "u" ? window : globalThis)()}), through local names, or destructured.
 * Such a token is the page's own, issued to every load of it: what a rule makes of that is the rule's
 * {@code pageGlobals} verdict.
 */
public final class PageGlobals {
    private static final Set<String> GLOBAL_OBJECTS = Set.of("window", "globalThis", "self", "global", "top", "parent");
    /** Built-in globals that are sources of their own (storage, cookies, the URL), never server-given configuration. */
    private static final Set<String> BROWSER_STATE = Set.of("localStorage", "sessionStorage", "document", "location",
            "history", "navigator", "indexedDB", "caches", "name", "opener");
    /** Globals of a Node.js process: its environment and modules are the server's own, not the page's. */
    private static final Set<String> PROCESS_STATE = Set.of("process", "require", "module", "exports", "__dirname", "Buffer");
    private static final int MAX_DEPTH = 8;

    private final List<Node> programs;
    private final Scopes scopes;
    private Map<Node, Node> parents;

    public PageGlobals(List<Node> programs, Scopes scopes) {
        this.programs = programs;
        this.scopes = scopes;
    }

    /** Whether the value at {@code at} (a name read, a member, a key of a pattern or literal) is a page global. */
    public boolean holds(Node at) {
        Node p = parent(at);
        // the key of a property: { token: value } names the value; { token } = source destructures it
        if (p != null && p.kind == Kind.PROPERTY && p.size() > 1 && p.kid(0) == at && at != p.kid(1)) {
            Node outer = parent(p);
            if (outer != null && outer.kind == Kind.OBJECT) return from(p.kid(1), 0);
            return destructured(p, 0);
        }
        return from(at, 0);
    }

    private boolean from(Node n, int depth) {
        if (n == null || depth > MAX_DEPTH) return false;
        switch (n.kind) {
            case IDENT -> {
                Binding b = scopes.binding(n);
                if (b == null) return !BROWSER_STATE.contains(n.text) && !PROCESS_STATE.contains(n.text) && !"undefined".equals(n.text);
                if (!Set.of("var", "let", "const").contains(b.declKind)) return false;
                Node def = b.singleDefinition();
                if (def != null) return from(def, depth + 1);
                Node p = parent(b.declaration);
                return p != null && p.kind != Kind.DECLARATOR && destructured(b.declaration, depth + 1);
            }
            case MEMBER -> {
                return from(n.kid(0), depth + 1);
            }
            case LOGICAL -> {
                return from(n.kid(0), depth + 1); // CONFIG || {}
            }
            case CALL -> {
                return globalObject(n);
            }
            default -> {
                return false;
            }
        }
    }

    /** The source of the destructuring pattern that holds {@code inPattern}. */
    private boolean destructured(Node inPattern, int depth) {
        Node n = inPattern;
        for (Node p = parent(n); p != null; n = p, p = parent(p)) {
            switch (p.kind) {
                case PROPERTY, OBJECT_PATTERN, ARRAY_PATTERN, ASSIGN_PATTERN, REST -> {
                }
                case DECLARATOR, ASSIGN -> {
                    return p.kid(0) == n && p.size() > 1 && from(p.kid(1), depth + 1);
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    /** An immediately called function without parameters that hands out the global object. */
    private boolean globalObject(Node call) {
        Node fn = call.kid(0);
        if (fn.kind != Kind.FUNCTION || !fn.kid(0).kids().isEmpty() || call.size() > 1) return false;
        Deque<Node> todo = new ArrayDeque<>(List.of(fn.kid(1)));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.kind == Kind.IDENT && GLOBAL_OBJECTS.contains(n.text) && scopes.binding(n) == null) return true;
            if (n.kind == Kind.FUNCTION) continue;
            for (Node k : n.kids()) todo.push(k);
        }
        return false;
    }

    private Node parent(Node n) {
        if (parents == null) {
            parents = new IdentityHashMap<>();
            Deque<Node> todo = new ArrayDeque<>(programs);
            while (!todo.isEmpty()) {
                Node n2 = todo.pop();
                for (Node k : n2.kids()) {
                    parents.put(k, n2);
                    todo.push(k);
                }
            }
        }
        return parents.get(n);
    }
}
