package io.wsscan.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Which classic scripts share global names. The scripts of one page share its global scope; a
 * script that some page loads is linked only to the scripts of its pages, so two unrelated pages
 * stay apart. Scripts that no page of the scan loads are linked within their folder tree (a script
 * and those in its folder or below it), the way a legacy {@code js/} folder is written. Two scripts
 * are linked when one reads a global the other defines ({@link GlobalNames#reads}).
 */
final class ScriptGroups {

    /** A name that more scripts than this define is too common to say which one a reader means. */
    static final int MAX_DEFINERS = 16;
    private static final boolean DEBUG = Boolean.getBoolean("wsscan.debug");

    private ScriptGroups() {
    }

    /**
     * For each classic script (keys of {@code globals}), the scripts whose globals it shares; symmetric.
     * {@code pages}: each page's scripts, in order. A file that a page loads as a module is no classic script.
     */
    static Map<String, Set<String>> shares(Map<String, GlobalNames> globals, Map<String, PageLoads> pages) {
        Map<String, Set<String>> out = new TreeMap<>();
        Set<String> onPage = new HashSet<>();
        for (PageLoads page : pages.values()) {
            onPage.addAll(page.modules());
            List<String> classic = page.classic().stream().filter(globals::containsKey).distinct().toList();
            onPage.addAll(classic);
            link(classic, globals, (a, b) -> true, out);
        }
        List<String> rest = new ArrayList<>(new TreeSet<>(globals.keySet()));
        rest.removeAll(onPage);
        link(rest, globals, ScriptGroups::sameTree, out);
        return out;
    }

    private static void link(List<String> files, Map<String, GlobalNames> globals, BiPredicate<String, String> near,
                             Map<String, Set<String>> out) {
        if (files.size() < 2) return;
        Map<String, List<String>> definers = new HashMap<>();
        for (String f : files) for (String name : globals.get(f).declared()) definers.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
        for (String reader : files) {
            GlobalNames r = globals.get(reader);
            for (String name : r.mentioned()) {
                List<String> ds = definers.get(name);
                if (ds == null || ds.size() > MAX_DEFINERS) continue;
                for (String definer : ds) {
                    if (definer.equals(reader) || !near.test(definer, reader) || !r.reads(globals.get(definer), name)) continue;
                    if (DEBUG) System.err.printf("wsscan.debug: %s reads global %s of %s%n", reader, name, definer);
                    out.computeIfAbsent(definer, k -> new TreeSet<>()).add(reader);
                    out.computeIfAbsent(reader, k -> new TreeSet<>()).add(definer);
                }
            }
        }
    }

    /** Whether one file's folder contains the other's (the same folder or one below it). */
    static boolean sameTree(String a, String b) {
        String da = folder(a), db = folder(b);
        return db.startsWith(da) || da.startsWith(db);
    }

    private static String folder(String relPath) {
        int slash = relPath.lastIndexOf('/');
        return slash < 0 ? "" : relPath.substring(0, slash + 1);
    }
}
