package io.wsscan.report;

import io.wsscan.engine.Classification;
import io.wsscan.engine.ScanResult;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.findings.Region;
import io.wsscan.findings.Step;
import io.wsscan.inventory.Endpoint;
import io.wsscan.inventory.Inventory;
import io.wsscan.inventory.InventoryReport;
import io.wsscan.inventory.PageScript;
import io.wsscan.inventory.PaymentScripts;
import io.wsscan.html.PaymentPages;
import io.wsscan.rules.Compliance;
import io.wsscan.rules.RuleMeta;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The HTML report: one self-contained page (inline CSS, inline script, inline SVG; nothing is loaded
 * from the network) with the summary by severity and rule, the findings with code snippets and
 * data-flow traces, the endpoint map, the compliance view, the inventory and the files not analysed.
 * Everything taken from the scanned code or the scan (paths, messages, snippets, URLs) is escaped:
 * the report shows attacker-controlled text. Equal scans give equal bytes (no time stamps).
 */
public final class HtmlReport {

    /** Lines shown before and after a finding's region. */
    private static final int CONTEXT = 2;
    /** Longest snippet line shown; longer lines (minified code) are cut. */
    private static final int MAX_LINE = 240;
    /** Most lines shown for one trace step's statement. */
    private static final int MAX_STEP_LINES = 12;
    /** Most links from one compliance row to its findings. */
    private static final int MAX_ROW_LINKS = 25;

    private HtmlReport() {
    }

    public static void write(ScanResult scan, Inventory inventory, Writer out) throws IOException {
        if (inventory == null) inventory = Inventory.of(scan, List.of());
        StringBuilder h = new StringBuilder(64 * 1024);
        new Page(scan, inventory, h).render();
        out.write(h.toString());
        out.flush();
    }

    /** The findings in the order the report shows them: by level, rule, then the report order. */
    public static List<Finding> order(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparing(Finding::level).thenComparing(Finding::ruleId).thenComparing(Finding.ORDER));
        return List.copyOf(sorted);
    }

    /** The element id of the finding at {@code index} of {@link #order}: {@code f1}, {@code f2}, ... */
    public static String findingId(int index) {
        return "f" + (index + 1);
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // control characters (other than tab) would make the document invalid
                    if (c < 0x20 && c != '\t' && c != '\n') sb.append('\uFFFD');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    private static final class Page {
        private final ScanResult scan;
        private final Inventory inv;
        private final StringBuilder h;
        private final Map<String, List<String>> fileLines = new HashMap<>();
        /** The findings in the order shown: level, rule, then the report order. */
        private final List<Finding> shown;
        /** Each finding's element id ({@code f1}, {@code f2}, ...), for links from the compliance view. */
        private final Map<Finding, String> ids = new IdentityHashMap<>();
        private final Map<String, String> fixes = new HashMap<>();
        /** Short labels that tell files apart (the endpoint map and the compliance links). */
        private final Map<String, String> labels;

        Page(ScanResult scan, Inventory inv, StringBuilder h) {
            this.scan = scan;
            this.inv = inv;
            this.h = h;
            this.shown = order(scan.findings());
            for (Finding f : shown) ids.put(f, findingId(ids.size()));
            TreeSet<String> files = new TreeSet<>();
            for (Finding f : shown) files.add(f.file());
            for (Endpoint e : inv.clients()) files.add(e.file());
            for (Endpoint e : inv.servers()) files.add(e.file());
            this.labels = pathLabels(files);
        }

        private String shortName(String file) {
            return labels.getOrDefault(file, file);
        }

        private Page a(String s) {
            h.append(s);
            return this;
        }

        private Page t(String s) {
            h.append(esc(s));
            return this;
        }

        void render() {
            a("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    // how a later scan knows this file for a report, not source (engine.OwnReports)
                    .a("<meta name=\"generator\" content=\"wsscan ").t(Version.get()).a("\">\n")
                    .a("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    // no network at view time, and no script other than the page's own
                    .a("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                            + "script-src 'unsafe-inline'; img-src data:\">\n")
                    .a("<title>wsscan report</title>\n<style>\n").a(CSS).a("</style>\n</head>\n<body>\n");
            a("<header><h1>wsscan report</h1><p class=\"meta\">wsscan ").t(Version.get()).a(" &middot; ")
                    .t(String.valueOf(scan.stats().filesAnalysed())).a(" files analysed, ")
                    .t(String.valueOf(scan.stats().filesSkipped())).a(" not analysed &middot; root <code>")
                    .t(scan.root() == null ? "" : scan.root().toString()).a("</code></p>\n");
            a("<nav><a href=\"#summary\">Summary</a><a href=\"#map\">Endpoint map</a><a href=\"#compliance\">Compliance</a>"
                    + "<a href=\"#findings\">Findings</a><a href=\"#inventory\">Inventory</a><a href=\"#not-analysed\">Not analysed</a></nav></header>\n<main>\n");
            summary();
            map();
            compliance();
            findings();
            inventory();
            notAnalysed();
            a("</main>\n<script>\n").a(SCRIPT).a("</script>\n</body>\n</html>\n");
        }

        private List<Finding> active() {
            return scan.findings().stream().filter(f -> !f.suppressed()).toList();
        }

        // ---- summary ---------------------------------------------------------------------------

        private void summary() {
            Map<Finding.Level, Integer> byLevel = new EnumMap<>(Finding.Level.class);
            for (Finding.Level l : Finding.Level.values()) byLevel.put(l, 0);
            Map<String, int[]> byRule = new TreeMap<>();
            int suppressed = 0;
            for (Finding f : scan.findings()) {
                if (f.suppressed()) {
                    suppressed++;
                    continue;
                }
                byLevel.merge(f.level(), 1, Integer::sum);
                byRule.computeIfAbsent(f.ruleId(), k -> new int[1])[0]++;
            }
            a("<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\">");
            for (Map.Entry<Finding.Level, Integer> e : byLevel.entrySet()) {
                String l = e.getKey().sarifName();
                a("<div class=\"card sev-").a(l).a("\"><span class=\"n\">").a(String.valueOf(e.getValue()))
                        .a("</span><span>").a(l).a(e.getValue() == 1 ? "" : "s").a("</span></div>");
            }
            a("<div class=\"card\"><span class=\"n\">").a(String.valueOf(suppressed)).a("</span><span>suppressed</span></div>");
            a("<div class=\"card\"><span class=\"n\">").a(String.valueOf(inv.clients().size() + inv.servers().size()))
                    .a("</span><span>endpoints</span></div></div>\n");
            String outside = scan.outsideProductionSummary();
            if (outside != null) a("<p class=\"outside\">").t(outside).a("</p>\n");
            a("<table class=\"rules\"><thead><tr><th>Rule</th><th>Level</th><th>Findings</th><th>Description</th></tr></thead><tbody>\n");
            for (Map.Entry<String, int[]> e : byRule.entrySet()) {
                RuleMeta r = scan.catalog().rule(e.getKey());
                String level = r == null ? "" : r.level().sarifName();
                a("<tr><td><a href=\"#rule-").t(anchor(e.getKey())).a("\"><code>").t(e.getKey()).a("</code></a></td><td><span class=\"badge sev-")
                        .t(level).a("\">").t(level).a("</span></td><td class=\"num\">").a(String.valueOf(e.getValue()[0]))
                        .a("</td><td>").t(r == null ? "" : r.shortDescription()).a("</td></tr>\n");
            }
            if (byRule.isEmpty()) a("<tr><td colspan=\"4\">No findings.</td></tr>\n");
            a("</tbody></table></section>\n");
        }

        // ---- findings --------------------------------------------------------------------------

        private void findings() {
            a("<section id=\"findings\"><h2>Findings</h2>\n");
            filters();
            String lastRule = null;
            for (Finding f : shown) {
                String level = f.suppressed() ? "suppressed" : f.level().sarifName();
                boolean firstOfRule = !f.ruleId().equals(lastRule);
                lastRule = f.ruleId();
                a("<article class=\"finding sev-").a(f.level().sarifName()).a("\" data-level=\"").a(level).a("\" data-rule=\"")
                        .t(f.ruleId()).a("\" data-file=\"").t(f.file()).a("\" id=\"").a(ids.get(f)).a("\"");
                if (firstOfRule) a(" data-rule-anchor=\"rule-").t(anchor(f.ruleId())).a("\"");
                a(">\n");
                if (firstOfRule) a("<span id=\"rule-").t(anchor(f.ruleId())).a("\"></span>");
                a("<header><span class=\"badge sev-").a(f.level().sarifName()).a("\">").a(f.level().sarifName()).a("</span> <code class=\"rule\">")
                        .t(f.ruleId()).a("</code> <span class=\"loc\">").t(f.file()).a(":").a(String.valueOf(f.region().startLine()))
                        .a("</span>");
                RuleMeta rule = scan.catalog().rule(f.ruleId());
                for (String cwe : rule == null ? List.<String>of() : rule.cwes()) a(" <span class=\"badge cwe\">").t(cwe).a("</span>");
                Classification.Kind kind = scan.classOf(f.file());
                if (!kind.production()) {
                    a(" <span class=\"badge class\" title=\"not production code: shown as a note\" data-classification=\"")
                            .a(kind.id()).a("\">").a(kind.id()).a("</span>");
                }
                if (f.suppressed()) a(" <span class=\"badge\">suppressed</span>");
                a("</header>\n<p class=\"msg\">").t(f.message()).a("</p>\n");
                if (f.suppressed() && f.suppression().reason() != null) {
                    a("<p class=\"why\">Suppressed: ").t(f.suppression().reason()).a("</p>\n");
                }
                snippet(f.file(), f.region());
                if (!f.trace().isEmpty()) {
                    a("<details class=\"trace\" open><summary>Data flow (").a(String.valueOf(f.trace().size())).a(" steps)</summary><ol>\n");
                    for (Step s : f.trace()) {
                        a("<li><span class=\"loc\">").t(s.file()).a(":").a(String.valueOf(s.region().startLine())).a("</span> ")
                                .t(s.message());
                        statement(s.file(), s.region());
                        a("</li>\n");
                    }
                    a("</ol></details>\n");
                }
                String fix = rule == null ? "" : fixes.computeIfAbsent(rule.id(), k -> HelpHtml.fix(rule.helpMarkdown()));
                if (!fix.isEmpty()) a("<div class=\"fix\"><strong>How to fix</strong>").a(fix).a("</div>\n");
                a("</article>\n");
            }
            if (shown.isEmpty()) a("<p>No findings.</p>\n");
            a("</section>\n");
        }

        /** The filter bar: level, rule and file selects, a text search, and the count of findings shown. */
        private void filters() {
            if (shown.isEmpty()) return;
            TreeSet<String> rules = new TreeSet<>();
            TreeSet<String> files = new TreeSet<>();
            for (Finding f : shown) {
                rules.add(f.ruleId());
                files.add(f.file());
            }
            a("<form class=\"filters no-print\" id=\"filters\" role=\"search\" aria-label=\"Filter findings\">");
            a("<label>Level <select id=\"filter-level\"><option value=\"\">any</option>");
            for (String l : List.of("error", "warning", "note", "suppressed")) a("<option value=\"").a(l).a("\">").a(l).a("</option>");
            a("<option value=\"active\">not suppressed</option></select></label>");
            a("<label>Rule <select id=\"filter-rule\"><option value=\"\">any</option>");
            for (String r : rules) a("<option value=\"").t(r).a("\">").t(r).a("</option>");
            a("</select></label><label>File <select id=\"filter-file\"><option value=\"\">any</option>");
            for (String f : files) a("<option value=\"").t(f).a("\">").t(f).a("</option>");
            a("</select></label><label>Search <input type=\"search\" id=\"filter-text\" placeholder=\"message, path, code\"></label>");
            a("<button type=\"reset\" id=\"filter-clear\">Clear</button> <output id=\"filter-count\" aria-live=\"polite\">")
                    .a(String.valueOf(shown.size())).a(" of ").a(String.valueOf(shown.size())).a(" findings</output></form>\n");
        }

        /**
         * A trace step's statement with line numbers: the step's lines, continued while brackets opened
         * on them are still open (a call over several lines), at most {@link #MAX_STEP_LINES}.
         */
        private void statement(String file, Region r) {
            List<String> lines = lines(file);
            int from = r.startLine();
            if (from < 1 || from > lines.size()) return;
            int to = Math.min(lines.size(), Math.max(r.endLine(), from));
            int depth = 0;
            for (int i = from; i <= to; i++) depth += bracketDepth(lines.get(i - 1));
            while (depth > 0 && to < lines.size() && to - from + 1 < MAX_STEP_LINES) {
                to++;
                depth += bracketDepth(lines.get(to - 1));
            }
            to = Math.min(to, from + MAX_STEP_LINES - 1);
            int indent = Integer.MAX_VALUE;
            for (int i = from; i <= to; i++) {
                String l = lines.get(i - 1);
                if (!l.isBlank()) indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
            a("<pre class=\"step\"><code>");
            for (int i = from; i <= to; i++) {
                String l = lines.get(i - 1);
                a("<span class=\"ln\"><span class=\"no\">").a(String.valueOf(i)).a("</span>")
                        .t(clip(l.isBlank() ? "" : l.substring(Math.min(indent, l.length())))).a("</span>");
            }
            a("</code></pre>");
        }

        private void snippet(String file, Region r) {
            List<String> lines = lines(file);
            if (lines.isEmpty() || r.startLine() < 1 || r.startLine() > lines.size()) return;
            int from = Math.max(1, r.startLine() - CONTEXT);
            int to = Math.min(lines.size(), Math.max(r.endLine(), r.startLine()) + CONTEXT);
            a("<pre class=\"snippet\"><code>");
            for (int i = from; i <= to; i++) {
                boolean hit = i >= r.startLine() && i <= Math.max(r.endLine(), r.startLine());
                a("<span class=\"ln").a(hit ? " hit" : "").a("\"><span class=\"no\">").a(String.valueOf(i)).a("</span>")
                        .t(clip(lines.get(i - 1))).a("</span>");
            }
            a("</code></pre>\n");
        }

        private static String clip(String s) {
            return s.length() > MAX_LINE ? s.substring(0, MAX_LINE) + " …" : s;
        }

        private List<String> lines(String file) {
            return fileLines.computeIfAbsent(file, f -> {
                if (scan.root() == null) return List.of();
                try {
                    Path p = scan.root().resolve(f).normalize();
                    if (!p.startsWith(scan.root().normalize()) || !Files.isRegularFile(p)) return List.of();
                    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).lines().toList();
                } catch (IOException | InvalidPathException e) {
                    return List.of();
                }
            });
        }

        // ---- endpoint map (inline SVG) ---------------------------------------------------------

        private void map() {
            a("<section id=\"map\"><h2>Endpoint map</h2>\n");
            a("<p class=\"legend\"><span class=\"sw cleartext\"></span>cleartext (ws:, http:) <span class=\"sw third\"></span>third party "
                    + "<span class=\"sw first\"></span>first party / relative <span class=\"sw unknown\"></span>unknown host "
                    + "<span class=\"sw permissive\"></span>origin permissive or missing <span class=\"sw checked\"></span>origin checked "
                    + "<span class=\"sw default\"></span>framework default</p>\n");
            // columns: client files -> targets (hosts, this site) -> server endpoints
            TreeSet<String> files = new TreeSet<>();
            for (Endpoint c : inv.clients()) files.add(clientNode(c));
            Map<String, String> targetClass = new TreeMap<>();
            for (Endpoint c : inv.clients()) {
                String t = target(c);
                String cls = switch (c.party()) {
                    case THIRD_PARTY -> "third";
                    case FIRST_PARTY, RELATIVE -> "first";
                    case UNKNOWN -> "unknown";
                };
                targetClass.merge(t, cls, (x, y) -> x);
            }
            List<Endpoint> servers = inv.servers();
            int rows = Math.max(Math.max(files.size(), targetClass.size()), Math.max(servers.size(), 1));
            int rowH = 34;
            int height = rows * rowH + 40;
            int width = 1000;
            int colW = 250;
            int[] x = {10, 375, 740};
            Map<String, Integer> fileY = new LinkedHashMap<>();
            Map<String, Integer> targetY = new LinkedHashMap<>();
            Map<Endpoint, Integer> serverY = new LinkedHashMap<>();
            int i = 0;
            for (String f : files) fileY.put(f, 30 + i++ * rowH);
            i = 0;
            for (String t : targetClass.keySet()) targetY.put(t, 30 + i++ * rowH);
            i = 0;
            for (Endpoint s : servers) serverY.put(s, 30 + i++ * rowH);

            a("<svg id=\"endpoint-map\" role=\"img\" aria-label=\"WebSocket endpoint map\" viewBox=\"0 0 ").a(String.valueOf(width))
                    .a(" ").a(String.valueOf(height)).a("\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">\n");
            a("<text class=\"colh\" x=\"").a(String.valueOf(x[0])).a("\" y=\"16\">Client files</text>")
                    .a("<text class=\"colh\" x=\"").a(String.valueOf(x[1])).a("\" y=\"16\">Hosts</text>")
                    .a("<text class=\"colh\" x=\"").a(String.valueOf(x[2])).a("\" y=\"16\">Server endpoints</text>\n");
            // edges first, so boxes are drawn over them
            TreeSet<String> drawn = new TreeSet<>();
            for (Endpoint c : inv.clients()) {
                int y1 = fileY.get(clientNode(c)) + 12;
                int y2 = targetY.get(target(c)) + 12;
                String cls = c.cleartext() ? "cleartext" : targetClass.get(target(c));
                String key = clientNode(c) + "|" + target(c) + "|" + cls;
                if (!drawn.add(key)) continue;
                a("<path class=\"edge ").a(cls).a("\" d=\"M").a(String.valueOf(x[0] + colW)).a(" ").a(String.valueOf(y1))
                        .a(" C").a(String.valueOf(x[0] + colW + 60)).a(" ").a(String.valueOf(y1)).a(" ")
                        .a(String.valueOf(x[1] - 60)).a(" ").a(String.valueOf(y2)).a(" ").a(String.valueOf(x[1])).a(" ")
                        .a(String.valueOf(y2)).a("\"><title>").t(clientNode(c) + " -> " + InventoryReport.target(c)).a("</title></path>\n");
            }
            for (Inventory.Match m : inv.matches()) {
                int y1 = targetY.get(target(m.client())) + 12;
                for (Endpoint s : m.servers()) {
                    int y2 = serverY.get(s) + 12;
                    String key = target(m.client()) + "|" + s.file() + ":" + s.region().startLine() + "|" + s.path();
                    if (!drawn.add(key)) continue;
                    a("<path class=\"edge first\" d=\"M").a(String.valueOf(x[1] + colW)).a(" ").a(String.valueOf(y1))
                            .a(" C").a(String.valueOf(x[1] + colW + 60)).a(" ").a(String.valueOf(y1)).a(" ")
                            .a(String.valueOf(x[2] - 60)).a(" ").a(String.valueOf(y2)).a(" ").a(String.valueOf(x[2])).a(" ")
                            .a(String.valueOf(y2)).a("\"/>\n");
                }
            }
            for (Map.Entry<String, Integer> e : fileY.entrySet()) {
                box(x[0], e.getValue(), colW, "client", shortName(e.getKey()), e.getKey());
            }
            // servers at the same path in different files (modules) are told apart by their file
            Map<String, Integer> pathUses = new HashMap<>();
            for (Endpoint s : servers) pathUses.merge(String.valueOf(s.path()), 1, Integer::sum);
            for (Map.Entry<String, Integer> e : targetY.entrySet()) {
                box(x[1], e.getValue(), colW, "host " + targetClass.get(e.getKey()), e.getKey(), e.getKey());
            }
            for (Map.Entry<Endpoint, Integer> e : serverY.entrySet()) {
                Endpoint s = e.getKey();
                String policy = s.originPolicy() == null ? "unknown" : switch (s.originPolicy()) {
                    case CHECKED -> "checked";
                    case PERMISSIVE, MISSING -> "permissive";
                    case FRAMEWORK_DEFAULT -> "default";
                };
                boolean hidden = inv.hiddenServers().contains(s);
                String label = s.path() + (pathUses.get(String.valueOf(s.path())) > 1 ? " · " + shortName(s.file()) : "")
                        + (hidden ? " (no client)" : "");
                box(x[2], e.getValue(), colW, "server " + policy, label, s.framework() + " " + s.path() + " in "
                        + s.file() + ":" + s.region().startLine() + ", origin " + (s.originPolicy() == null ? "?" : s.originPolicy().id()));
            }
            if (servers.isEmpty()) {
                a("<text class=\"none\" x=\"").a(String.valueOf(x[2])).a("\" y=\"46\">none in this scan</text>\n");
            }
            if (files.isEmpty()) a("<text class=\"none\" x=\"").a(String.valueOf(x[0])).a("\" y=\"46\">no client connections</text>\n");
            a("</svg>\n</section>\n");
        }

        /** The map's node of a client: its file, or for third-party code its package (all of a package's files are one node). */
        private static String clientNode(Endpoint c) {
            return c.pkg() == null ? c.file() : "package " + InventoryReport.packageText(c.pkg());
        }

        /** The host node a client connects to: its host, "this site" for relative URLs, or unknown. */
        private static String target(Endpoint c) {
            if (c.party() == Endpoint.Party.RELATIVE) return "this site (relative URL)";
            if (c.host() == null) return "unknown host";
            if (c.host().startsWith("{page-host}")) return "this site ({page-host})";
            return c.host();
        }

        private void box(int x, int y, int w, String cls, String label, String title) {
            // about 7 px per monospace character at 12 px: keep the label inside its box
            int max = (w - 16) / 7;
            String shown = label;
            if (label.length() > max) {
                // keep the first segment (the one that tells files apart) and the end
                int slash = label.indexOf('/');
                String head = slash > 0 && slash < max / 2 ? label.substring(0, slash + 1) : "";
                shown = head + "…" + label.substring(label.length() - (max - head.length() - 1));
            }
            a("<g class=\"node ").a(cls).a("\"><title>").t(title).a("</title><rect x=\"").a(String.valueOf(x)).a("\" y=\"")
                    .a(String.valueOf(y)).a("\" width=\"").a(String.valueOf(w)).a("\" height=\"24\" rx=\"4\"/><text x=\"")
                    .a(String.valueOf(x + 8)).a("\" y=\"").a(String.valueOf(y + 16)).a("\">").t(shown).a("</text></g>\n");
        }

        // ---- compliance ------------------------------------------------------------------------

        private void compliance() {
            a("<section id=\"compliance\"><h2>Compliance view</h2>\n<p>Unsuppressed findings grouped by the requirements their rules are tagged with.</p>\n");
            Map<String, Map<String, List<Finding>>> by = complianceGroups(scan);
            for (Compliance.Standard s : Compliance.standards().values()) {
                Map<String, List<Finding>> reqs = by.getOrDefault(s.key(), Map.of());
                a("<h3>").t(s.title()).a("</h3>\n<table class=\"compliance\"><thead><tr><th>Requirement</th><th>Title</th><th>Findings</th><th>Rules</th></tr></thead><tbody>\n");
                for (Map.Entry<String, String> r : s.requirements().entrySet()) {
                    List<Finding> fs = reqs.getOrDefault(r.getKey(), List.of());
                    TreeSet<String> rules = new TreeSet<>();
                    for (RuleMeta m : scan.catalog().rules().values()) {
                        if (m.compliance().getOrDefault(s.key(), List.of()).contains(r.getKey())) rules.add(m.id());
                    }
                    if (rules.isEmpty()) continue;
                    a("<tr class=\"").a(fs.isEmpty() ? "clean" : "hit").a("\"><td><code>").t(r.getKey()).a("</code></td><td>").t(r.getValue())
                            .a("</td><td class=\"num\">").a(String.valueOf(fs.size()));
                    findingLinks(fs);
                    a("</td><td>");
                    for (String id : rules) a("<code>").t(id).a("</code> ");
                    a("</td></tr>\n");
                }
                a("</tbody></table>\n");
                List<String> ids = PaymentPages.builtin().requirementsOf(s.key());
                if (!ids.isEmpty()) paymentScripts(ids);
            }
            a("</section>\n");
        }

        /** The payment pages' scripts under the requirements their inventory documents (6.4.3, 11.6.1). */
        private void paymentScripts(List<String> ids) {
            PaymentScripts pay = PaymentScripts.of(inv.pageScripts());
            a("<h4 id=\"payment-scripts\">Payment page scripts (").t(String.join(", ", ids)).a(")</h4>\n<p>").t(pay.summary())
                    .a("; ").t(InventoryReport.NOT_FETCHED).a(".</p>\n");
            if (pay.byPage().isEmpty()) return;
            a("<table class=\"inv payment\"><thead><tr><th>Page</th><th>Script</th><th>Party</th><th>Integrity</th><th>Gaps</th></tr></thead><tbody>\n");
            for (Map.Entry<String, List<PageScript>> e : pay.byPage().entrySet()) {
                for (PageScript sc : e.getValue()) {
                    List<String> gaps = PaymentScripts.gaps(sc);
                    a("<tr class=\"").a(gaps.isEmpty() ? "clean" : "gap").a("\"><td class=\"loc\" title=\"").t("payment page: " + sc.payment())
                            .a("\">").t(InventoryReport.where(sc)).a("</td><td><code>").t(sc.src()).a("</code></td><td>").t(sc.party().id())
                            .t(sc.host() == null ? "" : " " + sc.host()).a("</td><td>").t(sc.integrity().id()).a("</td><td>")
                            .t(String.join(", ", gaps)).a("</td></tr>\n");
                }
            }
            a("</tbody></table>\n");
        }

        /** Links to the findings of a compliance row, in the order they are shown. */
        private void findingLinks(List<Finding> fs) {
            if (fs.isEmpty()) return;
            List<Finding> ordered = shown.stream().filter(fs::contains).toList();
            a("<span class=\"links\">");
            int n = 0;
            for (Finding f : ordered) {
                if (n++ == MAX_ROW_LINKS) {
                    a(" and ").a(String.valueOf(ordered.size() - MAX_ROW_LINKS)).a(" more");
                    break;
                }
                a(" <a href=\"#").a(ids.get(f)).a("\" title=\"").t(f.ruleId() + " " + f.file() + ":" + f.region().startLine())
                        .a("\">").t(shortName(f.file()) + ":" + f.region().startLine()).a("</a>");
            }
            a("</span>");
        }

        // ---- inventory and files not analysed ---------------------------------------------------

        private void inventory() {
            a("<section id=\"inventory\"><h2>Inventory</h2>\n<h3>Client connections (").a(String.valueOf(inv.clients().size())).a(")</h3>\n");
            a("<table class=\"inv\"><thead><tr><th>Where</th><th>Library</th><th>URL</th><th>Party</th><th>Auth</th><th>Sends</th>"
                    + "<th>Package</th></tr></thead><tbody>\n");
            for (Endpoint c : inv.clients()) {
                a("<tr class=\"").a(c.cleartext() ? "cleartext" : "").a("\"><td class=\"loc\">").t(InventoryReport.where(c)).a("</td><td>")
                        .t(c.framework()).a("</td><td><code>").t(InventoryReport.target(c)).a("</code></td><td>").t(c.party().id())
                        .a("</td><td>").t(String.join(", ", c.auth())).a("</td><td>").t(String.join(", ", c.sends()))
                        .a("</td><td>").t(c.pkg() == null ? "" : InventoryReport.packageText(c.pkg())).a("</td></tr>\n");
            }
            a("</tbody></table>\n<h3>Server endpoints (").a(String.valueOf(inv.servers().size())).a(")</h3>\n");
            a("<table class=\"inv\"><thead><tr><th>Where</th><th>Framework</th><th>Path</th><th>Handler</th><th>Origin policy</th><th>Clients</th></tr></thead><tbody>\n");
            for (Endpoint s : inv.servers()) {
                a("<tr><td class=\"loc\">").t(InventoryReport.where(s)).a("</td><td>").t(s.framework()).a("</td><td><code>").t(s.path())
                        .a("</code></td><td>").t(s.handler()).a("</td><td>").t(s.originPolicy() == null ? "" : s.originPolicy().id())
                        .a("</td><td>").a(inv.hiddenServers().contains(s) ? "none (hidden)" : "yes").a("</td></tr>\n");
            }
            a("</tbody></table>\n");
            if (!inv.unmatchedClients().isEmpty()) {
                a("<h3>Client paths no server in this scan defines</h3><ul>\n");
                for (Endpoint c : inv.unmatchedClients()) a("<li><span class=\"loc\">").t(InventoryReport.where(c)).a("</span> <code>").t(InventoryReport.target(c)).a("</code></li>\n");
                a("</ul>\n");
            }
            a("<h3>Third-party hosts (").a(String.valueOf(inv.thirdPartyHosts().size())).a(")</h3><ul>\n");
            for (Map.Entry<String, List<String>> e : inv.thirdPartyHosts().entrySet()) {
                a("<li><code>").t(e.getKey()).a("</code> &larr; ").t(String.join(", ", e.getValue())).a("</li>\n");
            }
            a("</ul>\n");
            pageScripts();
            a("</section>\n");
        }

        /** The scripts each page loads; a script of the scan names the file and its connections. */
        private void pageScripts() {
            a("<h3 id=\"page-scripts\">Page scripts (").a(String.valueOf(inv.pageScripts().size())).a(")</h3>\n<p>")
                    .t("Every <script src> of the pages; " + InventoryReport.NOT_FETCHED + ".").a("</p>\n");
            if (inv.pageScripts().isEmpty()) return;
            a("<table class=\"inv\"><thead><tr><th>Where</th><th>Script</th><th>Details</th></tr></thead><tbody>\n");
            for (PageScript sc : inv.pageScripts()) {
                a("<tr class=\"").a(sc.cleartext() ? "cleartext" : "").a("\"><td class=\"loc\">").t(InventoryReport.where(sc));
                if (sc.payment() != null) a(" <span class=\"badge\" title=\"").t(sc.payment()).a("\">payment page</span>");
                a("</td><td><code>").t(sc.src()).a("</code></td><td>").t(InventoryReport.scriptDetail(inv, sc)).a("</td></tr>\n");
            }
            a("</tbody></table>\n");
        }

        private void notAnalysed() {
            a("<section id=\"not-analysed\"><h2>Files not analysed</h2>\n");
            List<Notification> skipped = scan.notifications().stream().filter(Notification::fileSkipped).toList();
            if (skipped.isEmpty()) {
                a("<p>Every file found was analysed.</p>\n");
            } else {
                a("<table><thead><tr><th>File</th><th>Reason</th><th>Detail</th></tr></thead><tbody>\n");
                for (Notification n : skipped) {
                    a("<tr><td class=\"loc\">").t(n.file() + (n.line() > 0 ? ":" + n.line() : "")).a("</td><td>").t(n.kind())
                            .a("</td><td>").t(n.message()).a("</td></tr>\n");
                }
                a("</tbody></table>\n");
            }
            List<Notification> info = scan.notifications().stream().filter(n -> !n.fileSkipped()).toList();
            if (!info.isEmpty()) {
                a("<details><summary>Notes on partly analysed files (").a(String.valueOf(info.size())).a(")</summary><ul>\n");
                for (Notification n : info) a("<li><span class=\"loc\">").t(n.file() + (n.line() > 0 ? ":" + n.line() : "")).a("</span> ").t(n.message()).a("</li>\n");
                a("</ul></details>\n");
            }
            a("</section>\n");
        }

        private static String anchor(String ruleId) {
            return ruleId.replaceAll("[^A-Za-z0-9_-]", "-");
        }
    }

    /**
     * Brackets a line opens minus those it closes, outside string literals and line comments: a
     * positive count means the statement goes on in the next line. Approximate by design (it only
     * decides how many lines a trace step shows).
     */
    static int bracketDepth(String line) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            switch (c) {
                case '"', '\'', '`' -> quote = c;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                case '/' -> {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '/') return depth;
                }
                default -> { }
            }
        }
        return depth;
    }

    /**
     * A label for each path that tells it from the others: its shortest suffix of whole segments that no
     * other path ends with ({@code app.js}, or {@code api/…/app.js} beside {@code web/…/app.js}). The
     * segments between the distinguishing one and the file name are folded into "…".
     */
    static Map<String, String> pathLabels(java.util.Collection<String> paths) {
        Map<String, String> out = new TreeMap<>();
        List<String[]> split = new ArrayList<>();
        for (String p : new TreeSet<>(paths)) split.add(p.split("/", -1));
        for (String[] segs : split) {
            String path = String.join("/", segs);
            int n = 1;
            while (n < segs.length && !uniqueSuffix(segs, n, split)) n++;
            String label = n <= 2 ? suffix(segs, n) : segs[segs.length - n] + "/…/" + segs[segs.length - 1];
            out.put(path, label);
        }
        // folding can make two labels equal (different middles): those keep their whole path
        Map<String, Integer> uses = new HashMap<>();
        for (String l : out.values()) uses.merge(l, 1, Integer::sum);
        out.replaceAll((path, label) -> uses.get(label) > 1 ? path : label);
        return out;
    }

    private static boolean uniqueSuffix(String[] segs, int n, List<String[]> all) {
        String mine = suffix(segs, n);
        for (String[] other : all) {
            if (other != segs && other.length >= n && suffix(other, n).equals(mine)) return false;
        }
        return true;
    }

    private static String suffix(String[] segs, int n) {
        return String.join("/", java.util.Arrays.asList(segs).subList(segs.length - n, segs.length));
    }

    /** Unsuppressed findings by standard and requirement id (rules' compliance tags). */
    public static Map<String, Map<String, List<Finding>>> complianceGroups(ScanResult scan) {
        Map<String, Map<String, List<Finding>>> by = new TreeMap<>();
        for (Finding f : scan.findings()) {
            if (f.suppressed()) continue;
            RuleMeta r = scan.catalog().rule(f.ruleId());
            if (r == null) continue;
            r.compliance().forEach((std, ids) -> {
                for (String id : ids) by.computeIfAbsent(std, k -> new TreeMap<>()).computeIfAbsent(id, k -> new ArrayList<>()).add(f);
            });
        }
        return by;
    }

    private static final String CSS = """
            :root{--err:#b42318;--warn:#b54708;--note:#175cd3;--ok:#067647;--mut:#475467;--bg:#fff;--line:#d0d5dd}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#101828;background:var(--bg)}
            header{padding:12px 24px;border-bottom:1px solid var(--line);background:#f9fafb;position:sticky;top:0;z-index:1}
            h1{margin:0;font-size:20px} .meta{margin:2px 0 6px;color:var(--mut)}
            nav a{margin-right:14px;color:var(--note);text-decoration:none} nav a:hover{text-decoration:underline}
            main{max-width:1200px;margin:0 auto;padding:8px 24px 40px}
            h2{margin-top:28px;border-bottom:2px solid var(--line);padding-bottom:4px} h3{margin-bottom:6px}
            code,pre{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            table{border-collapse:collapse;width:100%;margin:8px 0} th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f2f4f7} td.num{text-align:right} td.num .links{display:block;text-align:left} td.loc,.loc{font-family:ui-monospace,monospace;font-size:12.5px;color:var(--mut);word-break:break-all}
            .cards{display:flex;gap:12px;flex-wrap:wrap;margin:8px 0 12px}
            .card{border:1px solid var(--line);border-radius:8px;padding:8px 16px;min-width:110px;display:flex;flex-direction:column}
            .card .n{font-size:24px;font-weight:600}
            .card.sev-error{border-left:6px solid var(--err)} .card.sev-warning{border-left:6px solid var(--warn)} .card.sev-note{border-left:6px solid var(--note)}
            .badge{display:inline-block;padding:0 6px;border-radius:4px;font-size:12px;background:#eaecf0;color:#344054}
            .badge.class{background:#f2f4f7;color:var(--mut);border:1px dashed #98a2b3}
            .badge.sev-error{background:#fee4e2;color:var(--err)} .badge.sev-warning{background:#fef0c7;color:var(--warn)} .badge.sev-note{background:#d1e9ff;color:var(--note)}
            .filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:8px 0;padding:8px;background:#f9fafb;border:1px solid var(--line);border-radius:6px}
            .filters select{max-width:22em} #filter-count{color:var(--mut)}
            .badge.cwe{background:#f4ebff;color:#6941c6}
            .fix{margin:6px 0;padding:6px 10px;background:#ecfdf3;border-left:4px solid var(--ok);border-radius:4px} .fix p{margin:4px 0} .fix ul{margin:4px 0}
            td .links a{margin-left:6px;font-size:12.5px}
            .finding{border:1px solid var(--line);border-left:6px solid var(--mut);border-radius:6px;padding:8px 12px;margin:10px 0;break-inside:avoid}
            .finding.sev-error{border-left-color:var(--err)} .finding.sev-warning{border-left-color:var(--warn)} .finding.sev-note{border-left-color:var(--note)}
            .finding[data-level=suppressed]{opacity:.7}
            .finding header{position:static;padding:0;border:0;background:none}
            .msg{margin:6px 0} .why{color:var(--mut);font-style:italic;margin:4px 0}
            pre{background:#f8f9fb;border:1px solid #eaecf0;border-radius:4px;padding:6px 8px;overflow-x:auto;margin:6px 0;white-space:pre}
            .ln{display:block} .ln.hit{background:#fff1c2} .no{display:inline-block;width:3.5em;color:#98a2b3;user-select:none}
            .trace ol{margin:4px 0;padding-left:22px} .trace li{margin:4px 0} pre.step{margin:2px 0}
            .legend{color:var(--mut)} .sw{display:inline-block;width:14px;height:10px;margin:0 4px 0 12px;border-radius:2px;vertical-align:middle}
            .sw.cleartext{background:#d92d20} .sw.third{background:#f79009} .sw.first{background:#12b76a} .sw.unknown{background:#98a2b3}
            .sw.permissive{background:#fda29b} .sw.checked{background:#a6f4c5} .sw.default{background:#fef0c7}
            #endpoint-map{border:1px solid var(--line);border-radius:6px;background:#fcfcfd;max-height:none}
            #endpoint-map .colh{font-weight:600;font-size:13px;fill:#344054}
            #endpoint-map .node rect{fill:#fff;stroke:#98a2b3} #endpoint-map .node text{font-size:12px;fill:#101828;font-family:ui-monospace,monospace}
            #endpoint-map .host.third rect{fill:#fffaeb;stroke:#f79009} #endpoint-map .host.first rect{fill:#ecfdf3;stroke:#12b76a}
            #endpoint-map .host.unknown rect{fill:#f2f4f7;stroke:#98a2b3}
            #endpoint-map .server.permissive rect{fill:#fef3f2;stroke:#d92d20} #endpoint-map .server.checked rect{fill:#ecfdf3;stroke:#12b76a}
            #endpoint-map .server.default rect{fill:#fffaeb;stroke:#dc6803}
            #endpoint-map .edge{fill:none;stroke-width:2;opacity:.85} #endpoint-map .edge.cleartext{stroke:#d92d20;stroke-dasharray:6 3}
            #endpoint-map .edge.third{stroke:#f79009} #endpoint-map .edge.first{stroke:#12b76a} #endpoint-map .edge.unknown{stroke:#98a2b3}
            #endpoint-map .none{fill:#98a2b3;font-size:12px}
            tr.cleartext td{background:#fef3f2} table.compliance tr.clean td{color:var(--mut)} table.compliance tr.hit td.num{font-weight:700;color:var(--err)} table.payment tr.gap td:last-child{color:var(--err);font-weight:600}
            .script-error{background:#fee4e2;color:var(--err);padding:8px;border:1px solid var(--err)}
            @media (max-width:800px){main{padding:8px} header{position:static}}
            @media print{header{position:static;background:none} nav,.no-print{display:none} main{max-width:none;padding:0}
              .finding,pre,tr,svg{break-inside:avoid} pre{white-space:pre-wrap;word-break:break-all} a{color:inherit;text-decoration:none}
              details:not([open])>*:not(summary){display:block} .finding{border-left-width:4px}}
            """;

    /** The page's script: the filters (also from the URL), and a ready marker (or the error) for tests and readers. */
    private static final String SCRIPT = """
            (function () {
              'use strict';
              function report(msg) {
                var d = document.createElement('div');
                d.className = 'script-error';
                d.id = 'wsscan-script-error';
                d.textContent = 'Report script error: ' + msg;
                document.body.insertBefore(d, document.body.firstChild);
              }
              window.onerror = function (msg) { report(String(msg)); };
              try {
                var sel = function (id) { return document.getElementById(id); };
                var findings = document.querySelectorAll('.finding');
                var level = sel('filter-level'), rule = sel('filter-rule'), file = sel('filter-file'),
                    text = sel('filter-text'), count = sel('filter-count'), form = sel('filters');
                function matches(f, q) {
                  var l = f.getAttribute('data-level');
                  if (level.value === 'active' ? l === 'suppressed' : level.value && l !== level.value) return false;
                  if (rule.value && f.getAttribute('data-rule') !== rule.value) return false;
                  if (file.value && f.getAttribute('data-file') !== file.value) return false;
                  return !q || f.textContent.toLowerCase().indexOf(q) >= 0;
                }
                function apply() {
                  var q = text.value.trim().toLowerCase(), n = 0;
                  findings.forEach(function (f) { f.hidden = !matches(f, q); if (!f.hidden) n++; });
                  count.textContent = n + ' of ' + findings.length + ' findings';
                  count.setAttribute('data-shown', String(n));
                }
                // a link such as report.html#filter?level=error&rule=js%2Fws-cleartext&q=token opens filtered
                function fromHash() {
                  var m = /^#filter\\?(.*)$/.exec(location.hash);
                  if (!m) return false;
                  var p = new URLSearchParams(m[1]);
                  [['level', level], ['rule', rule], ['file', file]].forEach(function (e) {
                    var v = p.get(e[0]) || '';
                    e[1].value = Array.prototype.some.call(e[1].options, function (o) { return o.value === v; }) ? v : '';
                  });
                  text.value = p.get('q') || '';
                  return true;
                }
                function toHash() {
                  var p = new URLSearchParams();
                  if (level.value) p.set('level', level.value);
                  if (rule.value) p.set('rule', rule.value);
                  if (file.value) p.set('file', file.value);
                  if (text.value.trim()) p.set('q', text.value.trim());
                  var h = p.toString();
                  history.replaceState(null, '', h ? '#filter?' + h : location.pathname + location.search);
                }
                if (form) {
                  [level, rule, file].forEach(function (s) { s.addEventListener('change', function () { apply(); toHash(); }); });
                  text.addEventListener('input', function () { apply(); toHash(); });
                  form.addEventListener('submit', function (e) { e.preventDefault(); });
                  form.addEventListener('reset', function () { setTimeout(function () { apply(); toHash(); }, 0); });
                  fromHash();
                  apply();
                  // a link to a finding the filters hide (from the compliance view) clears them
                  window.addEventListener('hashchange', function () {
                    if (fromHash()) { apply(); return; }
                    var t = document.getElementById(location.hash.slice(1));
                    if (t && t.classList.contains('finding') && t.hidden) { form.reset(); apply(); t.scrollIntoView(); }
                  });
                }
                // printing shows everything, whatever is filtered or folded
                window.addEventListener('beforeprint', function () {
                  document.querySelectorAll('.finding').forEach(function (f) { f.hidden = false; });
                  document.querySelectorAll('details').forEach(function (d) { d.open = true; });
                });
                var ok = document.createElement('div');
                ok.id = 'wsscan-ready';
                ok.hidden = true;
                ok.setAttribute('data-findings', String(document.querySelectorAll('.finding').length));
                document.body.appendChild(ok);
              } catch (e) {
                report(e && e.message ? e.message : String(e));
              }
            })();
            """;
}
