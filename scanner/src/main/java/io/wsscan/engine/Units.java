package io.wsscan.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Plans the units of work of a scan: most files are analysed alone; files that import each other, or
 * classic scripts that share a page's globals ({@link ScriptGroups}), with at least one of them relevant
 * on its own, are analysed together, so that values cross file boundaries. A linked group that is too large to analyse as one program is split: each relevant
 * file is analysed with its direct imports and importers beside it as context, keeping only its own
 * findings.
 */
final class Units {

    /** Bounds on one linked unit: files and bytes analysed as one program. */
    static final int MAX_FILES = 200;
    static final long MAX_BYTES = 3L * 1024 * 1024;
    /**
     * Files larger than this are analysed alone: they are bundles (UMD/CJS builds, vendored libraries)
     * whose links are an entry file choosing between builds; linking would only put several large
     * programs into one analysis without any value crossing between them.
     */
    static final long MAX_LINKED_FILE_BYTES = 256 * 1024;
    /** How far from a relevant file linked files join its unit, and when a file counts as a hub. */
    static final int NEAR_HOPS = 4, HUB_LINKS = 12;

    /**
     * Files analysed together; findings are kept for the files in {@code keep}. A unit of one file
     * has no analyzer ({@code linker} null): the file's own analyzer reads it.
     */
    record Unit(List<Discovery.Candidate> files, Set<String> keep, LinkingAnalyzer linker, Map<String, Set<String>> shares) {
        static Unit single(Discovery.Candidate c) {
            return new Unit(List.of(c), Set.of(c.relPath()), null, Map.of());
        }

        /** A unit of these files; the classic scripts among them share globals as {@code shares} says. */
        static Unit of(List<Discovery.Candidate> files, Set<String> keep, LinkingAnalyzer linker, Map<String, Set<String>> shares) {
            Set<String> in = new java.util.HashSet<>();
            for (Discovery.Candidate c : files) in.add(c.relPath());
            Map<String, Set<String>> own = new TreeMap<>();
            for (String f : in) {
                Set<String> peers = new TreeSet<>(shares.getOrDefault(f, Set.of()));
                peers.retainAll(in);
                if (!peers.isEmpty()) own.put(f, peers);
            }
            return new Unit(files, keep, linker, own);
        }
    }

    /** What the pre-pass reads of a file: its module links, relevance and, for a classic script, its globals. */
    record Facts(List<String> links, boolean relevant, GlobalNames globals) {
    }

    private Units() {
    }

    static List<Unit> plan(List<Discovery.Candidate> files, List<FileAnalyzer> analyzers, ScanOptions options,
                           ExecutorService pool) {
        return plan(files, analyzers, options, pool, null);
    }

    /** With a cache, the pre-pass reads each file's facts from it when its bytes are those it was read from. */
    static List<Unit> plan(List<Discovery.Candidate> files, List<FileAnalyzer> analyzers, ScanOptions options,
                           ExecutorService pool, ScanCache cache) {
        Map<String, Discovery.Candidate> byPath = new HashMap<>();
        Map<String, LinkingAnalyzer> linkerOf = new HashMap<>();
        for (Discovery.Candidate c : files) {
            FileAnalyzer a = analyzers.stream().filter(x -> x.accepts(c.relPath())).findFirst().orElse(null);
            if (a instanceof LinkingAnalyzer l && c.size() <= MAX_LINKED_FILE_BYTES) {
                byPath.put(c.relPath(), c);
                linkerOf.put(c.relPath(), l);
            }
        }
        if (byPath.size() < 2) return files.stream().map(Unit::single).toList();

        Map<String, PageLoads> pages = new TreeMap<>();
        Map<String, Facts> facts = readFacts(files, byPath.keySet(), linkerOf, analyzers, options, pool, pages, cache);
        Map<String, GlobalNames> globals = new HashMap<>();
        facts.forEach((p, f) -> {
            if (f.globals() != null) globals.put(p, f.globals());
        });
        // classic scripts that share globals are linked like modules that import each other
        Map<String, Set<String>> shares = ScriptGroups.shares(globals, pages);
        Map<String, Set<String>> edges = new HashMap<>();
        shares.forEach((from, peers) -> {
            for (String to : peers) {
                if (linkerOf.get(to) != linkerOf.get(from)) continue;
                edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
            }
        });
        for (Map.Entry<String, Facts> e : facts.entrySet()) {
            for (String to : e.getValue().links()) {
                // an edge joins files of the same analyzer only (one program, one language)
                if (linkerOf.get(to) != linkerOf.get(e.getKey())) continue;
                edges.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(to);
                edges.computeIfAbsent(to, k -> new TreeSet<>()).add(e.getKey());
            }
        }

        List<Unit> units = new ArrayList<>();
        Set<String> placed = new java.util.HashSet<>();
        for (Discovery.Candidate c : files) {
            if (placed.contains(c.relPath())) continue;
            if (!edges.containsKey(c.relPath())) {
                placed.add(c.relPath());
                units.add(Unit.single(c));
                continue;
            }
            List<String> component = component(c.relPath(), edges);
            placed.addAll(component);
            List<String> relevant = component.stream().filter(p -> facts.get(p) != null && facts.get(p).relevant()).toList();
            if (relevant.isEmpty()) {
                for (String p : component) units.add(Unit.single(byPath.get(p)));
                continue;
            }
            LinkingAnalyzer linker = linkerOf.get(c.relPath());
            // Only the files near a relevant one take part: further away, a module of a large package
            // (d3, async, rxjs) would only add its own analysis time to the group.
            Set<String> near = near(relevant, edges);
            for (String p : component) if (!near.contains(p)) units.add(Unit.single(byPath.get(p)));
            List<String> group = component.stream().filter(near::contains).toList();
            if (group.size() == 1) {
                units.add(Unit.single(byPath.get(group.get(0))));
                continue;
            }
            if (fits(group, byPath)) {
                units.add(Unit.of(candidates(group, byPath), Set.copyOf(group), linker, shares));
                continue;
            }
            // too large as one program: each relevant file with its neighbours as context
            Set<String> relevantSet = Set.copyOf(relevant);
            for (String p : group) {
                if (!relevantSet.contains(p)) {
                    units.add(Unit.single(byPath.get(p)));
                    continue;
                }
                List<String> members = new ArrayList<>(List.of(p));
                long bytes = byPath.get(p).size();
                for (String n : edges.get(p)) {
                    long size = byPath.get(n).size();
                    if (members.size() >= MAX_FILES || bytes + size > MAX_BYTES) continue;
                    members.add(n);
                    bytes += size;
                }
                units.add(members.size() == 1 ? Unit.single(byPath.get(p))
                        : Unit.of(candidates(members, byPath), Set.of(p), linker, shares));
            }
        }
        if (Boolean.getBoolean("wsscan.debug")) {
            for (Unit u : units) {
                if (u.files().size() < 2) continue;
                long bytes = u.files().stream().mapToLong(Discovery.Candidate::size).sum();
                System.err.printf("wsscan.debug: unit of %d files, %d KB, keeps %d: %s%n", u.files().size(), bytes / 1024,
                        u.keep().size(), u.files().get(0).relPath());
            }
        }
        return units;
    }

    /**
     * Links, relevance and globals of every linkable file, read in parallel; unreadable files have none.
     * The script lists of pages (files some linking analyzer reads as pages) go to {@code pages}.
     */
    private static Map<String, Facts> readFacts(List<Discovery.Candidate> files, Set<String> linkable,
                                                Map<String, LinkingAnalyzer> linkerOf, List<FileAnalyzer> analyzers,
                                                ScanOptions options, ExecutorService pool, Map<String, PageLoads> pages,
                                                ScanCache cache) {
        Set<String> scanned = Set.copyOf(linkable);
        List<Discovery.Candidate> todo = files.stream().filter(c -> linkable.contains(c.relPath())).toList();
        // links resolve against the set of linkable files: facts are stored for this set
        ScanCache.FactStore store = cache == null ? null : cache.facts(new java.util.TreeSet<>(scanned));
        List<Future<Facts>> futures = new ArrayList<>();
        for (Discovery.Candidate c : todo) {
            futures.add(pool.submit(() -> {
                LinkingAnalyzer a = linkerOf.get(c.relPath());
                if (store == null) return facts(a, Discovery.load(c, options.maxFileSize()), scanned);
                byte[] bytes = java.nio.file.Files.readAllBytes(c.path());
                String digest = cache.digest(c.relPath(), bytes);
                Facts known = store.get(c.relPath(), a.getClass().getName(), digest);
                if (known != null) return known;
                Facts f = facts(a, Discovery.load(c, bytes, options.maxFileSize()), scanned);
                store.put(c.relPath(), a.getClass().getName(), digest, f);
                return f;
            }));
        }
        List<Discovery.Candidate> pageFiles = new ArrayList<>();
        List<Future<PageLoads>> pageFutures = new ArrayList<>();
        for (Discovery.Candidate c : files) {
            if (linkable.contains(c.relPath())) continue;
            for (FileAnalyzer fa : analyzers) {
                if (!(fa instanceof LinkingAnalyzer a) || !a.isPage(c.relPath())) continue;
                pageFiles.add(c);
                pageFutures.add(pool.submit(() -> {
                    Discovery.Loaded l = Discovery.load(c, options.maxFileSize());
                    return l.source() == null ? PageLoads.NONE : a.pageScripts(l.source(), scanned);
                }));
                break;
            }
        }
        Map<String, Facts> out = new HashMap<>();
        for (int i = 0; i < todo.size(); i++) {
            Facts f = await(futures.get(i));
            // a file whose links cannot be read is analysed alone; its analysis reports the problem
            out.put(todo.get(i).relPath(), f != null ? f : new Facts(List.of(), false, null));
        }
        if (store != null) store.save();
        for (int i = 0; i < pageFiles.size(); i++) {
            PageLoads scripts = await(pageFutures.get(i));
            if (scripts != null && !scripts.isEmpty()) pages.put(pageFiles.get(i).relPath(), scripts);
        }
        return out;
    }

    private static Facts facts(LinkingAnalyzer a, Discovery.Loaded l, Set<String> scanned) {
        if (l.source() == null) return new Facts(List.of(), false, null);
        return new Facts(a.links(l.source(), scanned), a.relevant(l.source()), a.globals(l.source()));
    }

    /** The task's value; null when it failed. */
    private static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    /**
     * Files within {@link #NEAR_HOPS} links of a relevant file. A hub (a barrel or index module that
     * links to more than {@link #HUB_LINKS} files) is included but not walked through: every module of
     * its package would otherwise be two steps from anything.
     */
    private static Set<String> near(List<String> relevant, Map<String, Set<String>> edges) {
        Set<String> seen = new java.util.HashSet<>(relevant);
        List<String> frontier = new ArrayList<>(relevant);
        for (int hop = 0; hop < NEAR_HOPS && !frontier.isEmpty(); hop++) {
            List<String> next = new ArrayList<>();
            for (String f : frontier) {
                Set<String> links = edges.getOrDefault(f, Set.of());
                if (links.size() > HUB_LINKS && !relevant.contains(f)) continue;
                for (String n : links) if (seen.add(n)) next.add(n);
            }
            frontier = next;
        }
        return seen;
    }

    /** The connected files, in path order (deterministic units). */
    private static List<String> component(String start, Map<String, Set<String>> edges) {
        Set<String> seen = new LinkedHashSet<>(List.of(start));
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            for (String n : edges.getOrDefault(todo.pop(), Set.of())) if (seen.add(n)) todo.add(n);
        }
        return new ArrayList<>(new TreeSet<>(seen));
    }

    private static boolean fits(List<String> component, Map<String, Discovery.Candidate> byPath) {
        if (component.size() > MAX_FILES) return false;
        long bytes = 0;
        for (String p : component) bytes += byPath.get(p).size();
        return bytes <= MAX_BYTES;
    }

    private static List<Discovery.Candidate> candidates(List<String> paths, Map<String, Discovery.Candidate> byPath) {
        return paths.stream().map(byPath::get).toList();
    }
}
