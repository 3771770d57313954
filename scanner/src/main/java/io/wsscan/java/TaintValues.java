/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.java;

import com.github.javaparser.ast.body.CallableDeclaration;
import io.wsscan.findings.Step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values {@link JavaTaint} computes with: a taint (source, trace, blocked sink kinds), a value
 * (taint and markup), the variable environments of nested scopes and the frame of a method being
 * evaluated. Kept apart from the interpreter so that its statement and expression rules read alone.
 */
final class TaintValues {

    private TaintValues() {
    }

    /** Tainted data: its source kind and label, the steps so far, and the sink kinds it can no longer reach. */
    record Taint(String kind, String label, List<Step> trace, Set<String> blocked) {
        Taint block(Set<String> kinds) {
            Set<String> b = new HashSet<>(blocked);
            b.addAll(kinds);
            return new Taint(kind, label, trace, b);
        }

        Taint step(Step s) {
            if (trace.size() > 12) return this;
            List<Step> t = new ArrayList<>(trace);
            t.add(s);
            return new Taint(kind, label, t, blocked);
        }
    }

    /** A value: its taint (null when clean) and whether HTML markup went into it. */
    record Val(Taint taint, boolean markup) {
        static final Val CLEAN = new Val(null, false);
        static final Val MARKUP = new Val(null, true);

        boolean tainted() {
            return taint != null;
        }

        Val merge(Val o) {
            if (o == null) return this;
            Taint t = taint != null ? taint : o.taint;
            if (taint != null && o.taint != null && taint.blocked().size() > o.taint.blocked().size()) t = o.taint;
            return new Val(t, markup || o.markup);
        }
    }

    static final class Env {
        final Env parent;
        final Map<String, Val> vars = new HashMap<>();

        Env(Env parent) {
            this.parent = parent;
        }

        Val get(String name) {
            for (Env e = this; e != null; e = e.parent) {
                Val v = e.vars.get(name);
                if (v != null) return v;
            }
            return null;
        }

        boolean has(String name) {
            for (Env e = this; e != null; e = e.parent) if (e.vars.containsKey(name)) return true;
            return false;
        }

        void set(String name, Val v) {
            for (Env e = this; e != null; e = e.parent) {
                if (e.vars.containsKey(name)) {
                    e.vars.put(name, v);
                    return;
                }
            }
            vars.put(name, v);
        }
    }

    /** One method being evaluated: its declaration (for reply sinks), call depth, and the merged return value. */
    static final class Frame {
        final CallableDeclaration<?> method;
        final int depth;
        final String owner;
        Val ret = Val.CLEAN;

        Frame(CallableDeclaration<?> method, int depth, String owner) {
            this.method = method;
            this.depth = depth;
            this.owner = owner;
        }
    }
}
