package io.wsscan.inventory;

import io.wsscan.engine.Classification;
import io.wsscan.report.JsonOutput;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Writes an {@link Inventory} as text, JSON, Markdown or CSV; equal inventories give equal bytes. */
public enum InventoryReport {

    TEXT("text"), JSON("json"), MARKDOWN("markdown"), CSV("csv");

    private final String id;

    InventoryReport(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<InventoryReport> byName(String name) {
        for (InventoryReport r : values()) if (r.id.equalsIgnoreCase(name.trim())) return Optional.of(r);
        return Optional.empty();
    }

    public static List<String> names() {
        return java.util.Arrays.stream(values()).map(InventoryReport::id).toList();
    }

    public void write(Inventory inv, Writer out) throws IOException {
        switch (this) {
            case TEXT -> text(inv, out);
            case JSON -> JsonOutput.write(JsonOutput.writer(null), json(inv), out);
            case MARKDOWN -> markdown(inv, out);
            case CSV -> csv(inv, out);
        }
        out.flush();
    }

    // ---- shared wording -----------------------------------------------------------------------------

    /** Where an endpoint is: {@code file:line}. */
    public static String where(Endpoint e) {
        return e.file() + ":" + e.region().startLine();
    }

    /** The URL, or what is known of it. */
    public static String target(Endpoint e) {
        if (!e.isClient()) return e.path() == null ? "(path not known)" : e.path();
        return e.url() == null ? "(URL not known)" : e.url();
    }

    /** A package as reports show it: {@code socket.io-client 4.8.1 (npm)}. */
    public static String packageText(Endpoint.Package p) {
        return p.name() + " " + (p.version() == null ? "(version not known)" : p.version()) + " (" + p.source() + ")";
    }

    /** " [test]" after an endpoint in a file that is not production code, else nothing. */
    private static String tag(Inventory inv, Endpoint e) {
        Classification.Kind k = inv.classOf(e);
        return k.production() ? "" : " [" + k.id() + "]";
    }

    private static String or(String s, String dflt) {
        return s == null || s.isEmpty() ? dflt : s;
    }

    private static String list(List<String> l) {
        return l.isEmpty() ? "-" : String.join(", ", l);
    }

    // ---- text ---------------------------------------------------------------------------------------

    private static void text(Inventory inv, Writer out) throws IOException {
        out.write("Client connections (" + inv.clients().size() + ")\n");
        for (Endpoint c : inv.clients()) {
            out.write("  " + where(c) + tag(inv, c) + "  " + c.framework() + "  " + target(c) + "\n");
            if (c.pkg() != null) out.write("      package " + packageText(c.pkg()) + "\n");
            out.write("      scheme " + or(c.scheme(), "-") + ", host " + or(c.host(), "-") + ", port "
                    + or(c.port(), "-") + ", path " + or(c.path(), "-") + "; " + c.party().id()
                    + "; auth: " + list(c.auth()) + (c.sends().isEmpty() ? "" : "; sends: " + list(c.sends()))
                    + (c.unknown().isEmpty() ? "" : "; unknown: " + list(c.unknown()))
                    + (c.notes().isEmpty() ? "" : "; " + String.join("; ", c.notes())) + "\n");
        }
        out.write("\nServer endpoints (" + inv.servers().size() + ")\n");
        for (Endpoint s : inv.servers()) {
            out.write("  " + where(s) + tag(inv, s) + "  " + s.framework() + "  " + target(s) + "  handler " + or(s.handler(), "-")
                    + "; origin " + (s.originPolicy() == null ? "-" : s.originPolicy().id())
                    + "; auth: " + list(s.auth()) + (s.notes().isEmpty() ? "" : "; " + String.join("; ", s.notes())) + "\n");
        }
        out.write("\nMatched (" + inv.matches().size() + ")\n");
        for (Inventory.Match m : inv.matches()) {
            for (Endpoint s : m.servers()) {
                out.write("  " + where(m.client()) + " " + target(m.client()) + " -> " + where(s) + " " + target(s) + "\n");
            }
        }
        out.write("\nHidden server endpoints, no client in this scan (" + inv.hiddenServers().size() + ")\n");
        for (Endpoint s : inv.hiddenServers()) out.write("  " + where(s) + "  " + target(s) + "\n");
        out.write("\nFirst-party client paths no server in this scan defines (" + inv.unmatchedClients().size() + ")\n");
        for (Endpoint c : inv.unmatchedClients()) out.write("  " + where(c) + "  " + target(c) + "\n");
        out.write("\nThird-party hosts (" + inv.thirdPartyHosts().size() + ")\n");
        for (Map.Entry<String, List<String>> h : inv.thirdPartyHosts().entrySet()) {
            out.write("  " + h.getKey() + "  <- " + String.join(", ", h.getValue()) + "\n");
        }
        out.write("\nPage scripts (" + inv.pageScripts().size() + "; " + NOT_FETCHED + ")\n");
        for (PageScript s : inv.pageScripts()) {
            out.write("  " + where(s) + tag(inv, s.page()) + (s.payment() == null ? "" : " [payment page]") + "  " + s.src() + "\n");
            out.write("      " + scriptDetail(inv, s) + (s.payment() == null ? "" : "; payment page: " + s.payment()) + "\n");
        }
    }

    /** What the inventory says about the code of scripts from other hosts. */
    public static final String NOT_FETCHED = "the code of scripts from other hosts is not fetched or analysed";

    /** Where a page script is: {@code page:line}. */
    public static String where(PageScript s) {
        return s.page() + ":" + s.region().startLine();
    }

    /**
     * One line on a page script: party and host, integrity, crossorigin, allowlist, module, the scan file it loads
     * and the connections that file opens, and the notes.
     */
    public static String scriptDetail(Inventory inv, PageScript s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.party().id() + (s.host() == null ? "" : " " + s.host() + (s.port() == null ? "" : ":" + s.port())));
        parts.add("integrity: " + s.integrity().id());
        if (s.crossorigin() != null) parts.add("crossorigin" + (s.crossorigin().isEmpty() ? "" : " " + s.crossorigin()));
        if (s.allowed() != null) parts.add(s.allowed() ? "in allowedHosts" : "not in allowedHosts");
        if (s.module()) parts.add("module");
        if (s.file() != null) {
            int n = inv.clientsIn(s.file()).size();
            parts.add("loads " + s.file() + " (" + n + " client connection" + (n == 1 ? "" : "s") + ")");
        }
        parts.addAll(s.notes());
        return String.join("; ", parts);
    }

    private static String tag(Inventory inv, String file) {
        Classification.Kind k = inv.classOf(file);
        return k.production() ? "" : " [" + k.id() + "]";
    }

    // ---- JSON ---------------------------------------------------------------------------------------

    public static Map<String, Object> json(Endpoint e) {
        return json(e, Classification.Kind.PRODUCTION);
    }

    /** An endpoint as JSON; {@code classification} only for a file that is not production code. */
    public static Map<String, Object> json(Endpoint e, Classification.Kind kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("side", e.side().name().toLowerCase(Locale.ROOT));
        m.put("file", e.file());
        m.put("line", e.region().startLine());
        m.put("column", e.region().startColumn());
        m.put("framework", e.framework());
        m.put("url", e.url());
        m.put("scheme", e.scheme());
        m.put("host", e.host());
        m.put("port", e.port());
        m.put("path", e.path());
        if (!e.unknown().isEmpty()) m.put("unknown", e.unknown());
        if (e.party() != null) m.put("party", e.party().id());
        m.put("auth", e.auth());
        m.put("handler", e.handler());
        if (e.originPolicy() != null) m.put("originPolicy", e.originPolicy().id());
        if (!e.notes().isEmpty()) m.put("notes", e.notes());
        if (!e.sends().isEmpty()) m.put("sends", e.sends());
        if (e.pkg() != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", e.pkg().name());
            p.put("version", e.pkg().version());
            p.put("source", e.pkg().source());
            p.values().removeIf(java.util.Objects::isNull);
            m.put("package", p);
        }
        if (!kind.production()) m.put("classification", kind.id());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    private static Map<String, Object> ref(Endpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", e.file());
        m.put("line", e.region().startLine());
        m.put(e.isClient() ? "url" : "path", target(e));
        return m;
    }

    private static Map<String, Object> json(Inventory inv) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("clients", inv.clients().stream().map(e -> json(e, inv.classOf(e))).toList());
        root.put("servers", inv.servers().stream().map(e -> json(e, inv.classOf(e))).toList());
        List<Object> matches = new ArrayList<>();
        for (Inventory.Match m : inv.matches()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("client", ref(m.client()));
            j.put("servers", m.servers().stream().map(InventoryReport::ref).toList());
            matches.add(j);
        }
        root.put("matches", matches);
        root.put("hiddenServers", inv.hiddenServers().stream().map(InventoryReport::ref).toList());
        root.put("unmatchedClients", inv.unmatchedClients().stream().map(InventoryReport::ref).toList());
        root.put("thirdPartyHosts", inv.thirdPartyHosts());
        root.put("pageScripts", inv.pageScripts().stream().map(s -> json(inv, s)).toList());
        return root;
    }

    /** A page script as JSON, with the client connections of the scan file it loads. */
    public static Map<String, Object> json(Inventory inv, PageScript s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page", s.page());
        m.put("line", s.region().startLine());
        m.put("column", s.region().startColumn());
        m.put("src", s.src());
        m.put("scheme", s.scheme());
        m.put("host", s.host());
        m.put("port", s.port());
        m.put("party", s.party().id());
        m.put("integrity", s.integrity().id());
        m.put("crossorigin", s.crossorigin());
        if (s.module()) m.put("module", true);
        m.put("allowed", s.allowed());
        m.put("paymentPage", s.payment());
        if (s.file() != null) {
            m.put("loads", s.file());
            m.put("clientConnections", inv.clientsIn(s.file()).size());
        }
        if (!s.notes().isEmpty()) m.put("notes", s.notes());
        Classification.Kind kind = inv.classOf(s.page());
        if (!kind.production()) m.put("classification", kind.id());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    // ---- Markdown -----------------------------------------------------------------------------------

    private static String md(String s) {
        if (s == null || s.isEmpty()) return "-";
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(ch) >= 0) sb.append('\\');
            sb.append(ch == '\n' || ch == '\r' ? ' ' : ch);
        }
        return sb.toString();
    }

    private static void markdown(Inventory inv, Writer out) throws IOException {
        out.write("# WebSocket endpoint inventory\n\n## Client connections (" + inv.clients().size() + ")\n\n");
        out.write("| File | Line | Library | URL | Scheme | Host | Port | Path | Party | Auth | Sends | Package | Code |\n");
        out.write("|---|---:|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Endpoint c : inv.clients()) {
            out.write("| " + md(c.file()) + " | " + c.region().startLine() + " | " + md(c.framework()) + " | "
                    + md(target(c)) + " | " + md(c.scheme()) + " | " + md(c.host()) + " | " + md(c.port()) + " | "
                    + md(c.path()) + " | " + c.party().id() + " | " + md(list(c.auth())) + " | " + md(list(c.sends())) + " | "
                    + (c.pkg() == null ? "-" : md(packageText(c.pkg()))) + " | " + inv.classOf(c).id() + " |\n");
        }
        out.write("\n## Server endpoints (" + inv.servers().size() + ")\n\n");
        out.write("| File | Line | Framework | Path | Handler | Origin policy | Auth | Code |\n|---|---:|---|---|---|---|---|---|\n");
        for (Endpoint s : inv.servers()) {
            out.write("| " + md(s.file()) + " | " + s.region().startLine() + " | " + md(s.framework()) + " | "
                    + md(s.path()) + " | " + md(s.handler()) + " | "
                    + (s.originPolicy() == null ? "-" : s.originPolicy().id()) + " | " + md(list(s.auth())) + " | "
                    + inv.classOf(s).id() + " |\n");
        }
        out.write("\n## Matched (" + inv.matches().size() + ")\n\n");
        for (Inventory.Match m : inv.matches()) {
            for (Endpoint s : m.servers()) {
                out.write("- " + md(where(m.client())) + " `" + target(m.client()).replace("`", "'") + "` -> "
                        + md(where(s)) + " `" + target(s).replace("`", "'") + "`\n");
            }
        }
        out.write("\n## Hidden server endpoints (" + inv.hiddenServers().size() + ")\n\n");
        for (Endpoint s : inv.hiddenServers()) out.write("- " + md(where(s)) + " " + md(target(s)) + "\n");
        out.write("\n## Client paths no server defines (" + inv.unmatchedClients().size() + ")\n\n");
        for (Endpoint c : inv.unmatchedClients()) out.write("- " + md(where(c)) + " " + md(target(c)) + "\n");
        out.write("\n## Third-party hosts (" + inv.thirdPartyHosts().size() + ")\n\n");
        for (Map.Entry<String, List<String>> h : inv.thirdPartyHosts().entrySet()) {
            out.write("- " + md(h.getKey()) + ": " + md(String.join(", ", h.getValue())) + "\n");
        }
        out.write("\n## Page scripts (" + inv.pageScripts().size() + ")\n\n" + md(NOT_FETCHED) + ".\n\n");
        out.write("| Page | Line | Script | Party | Host | Integrity | Allowed | Payment page | Loads | Code |\n");
        out.write("|---|---:|---|---|---|---|---|---|---|---|\n");
        for (PageScript s : inv.pageScripts()) {
            out.write("| " + md(s.page()) + " | " + s.region().startLine() + " | " + md(s.src()) + " | " + s.party().id() + " | "
                    + md(s.host()) + " | " + s.integrity().id() + " | " + (s.allowed() == null ? "-" : s.allowed() ? "yes" : "no")
                    + " | " + md(s.payment()) + " | " + md(s.file()) + " | " + inv.classOf(s.page()).id() + " |\n");
        }
    }

    // ---- CSV (RFC 4180) -----------------------------------------------------------------------------

    private static String csvField(String s) {
        if (s == null) return "";
        // a leading =, +, -, @ would be a formula in spreadsheets: the code under scan is untrusted
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static void csv(Inventory inv, Writer out) throws IOException {
        out.write("side,file,line,framework,url,scheme,host,port,path,unknown,party,auth,handler,origin_policy,matched,classification,sends,package,package_version,package_source\r\n");
        Map<Endpoint, Integer> matched = new java.util.HashMap<>();
        for (Inventory.Match m : inv.matches()) {
            matched.put(m.client(), m.servers().size());
            for (Endpoint s : m.servers()) matched.merge(s, 1, Integer::sum);
        }
        List<Endpoint> all = new ArrayList<>(inv.clients());
        all.addAll(inv.servers());
        for (Endpoint e : all) {
            String[] row = {e.side().name().toLowerCase(Locale.ROOT), e.file(), String.valueOf(e.region().startLine()),
                    e.framework(), e.url(), e.scheme(), e.host(), e.port(), e.path(), String.join(" ", e.unknown()),
                    e.party() == null ? null : e.party().id(), String.join(" ", e.auth()), e.handler(),
                    e.originPolicy() == null ? null : e.originPolicy().id(), String.valueOf(matched.getOrDefault(e, 0)),
                    inv.classOf(e).id(), String.join(" ", e.sends()), e.pkg() == null ? null : e.pkg().name(),
                    e.pkg() == null ? null : e.pkg().version(), e.pkg() == null ? null : e.pkg().source()};
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) sb.append(',');
                sb.append(csvField(row[i]));
            }
            out.write(sb.append("\r\n").toString());
        }
    }
}
