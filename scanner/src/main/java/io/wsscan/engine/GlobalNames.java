package io.wsscan.engine;

import java.util.Set;

/**
 * What a classic (non-module) script shares through the page's global scope, read from its text
 * before analysis: the global names it defines (top-level {@code var}/{@code let}/{@code const},
 * functions and classes, top-level assignments to undeclared names, {@code window.X = …}), those
 * among them it opens as a namespace ({@code var App = App || {}}), and every name it mentions.
 */
public record GlobalNames(Set<String> declared, Set<String> namespaces, Set<String> mentioned) {

    public GlobalNames {
        declared = declared == null ? Set.of() : Set.copyOf(declared);
        namespaces = namespaces == null ? Set.of() : Set.copyOf(namespaces);
        mentioned = mentioned == null ? Set.of() : Set.copyOf(mentioned);
    }

    /**
     * Whether this script may read the global {@code name} that {@code other} defines: it mentions the
     * name and does not define it itself, or one of the two opens it as a namespace that both extend.
     */
    public boolean reads(GlobalNames other, String name) {
        if (!mentioned.contains(name) || !other.declared.contains(name)) return false;
        return !declared.contains(name) || namespaces.contains(name) || other.namespaces.contains(name);
    }
}
