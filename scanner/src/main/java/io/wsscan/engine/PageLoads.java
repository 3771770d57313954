package io.wsscan.engine;

import java.util.List;

/**
 * The scripts of the scan that a page loads with {@code <script src>}, in document order: classic
 * scripts share the page's global scope, module scripts ({@code type="module"}) have their own.
 */
public record PageLoads(List<String> classic, List<String> modules) {
    public static final PageLoads NONE = new PageLoads(List.of(), List.of());

    public boolean isEmpty() {
        return classic.isEmpty() && modules.isEmpty();
    }
}
