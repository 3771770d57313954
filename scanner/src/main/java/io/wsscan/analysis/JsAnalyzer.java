package io.wsscan.analysis;

import io.wsscan.engine.LinkingAnalyzer;
import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.findings.Step;
import io.wsscan.inventory.ClientEndpoints;
import io.wsscan.inventory.Endpoint;
import io.wsscan.ir.IrFile;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.ir.LineIndex;
import io.wsscan.js.JsSyntaxError;
import io.wsscan.engine.GlobalNames;
import io.wsscan.engine.PageLoads;
import io.wsscan.html.PageScripts;
import io.wsscan.js.ModuleLinks;
import io.wsscan.js.ScriptGlobals;
import io.wsscan.js.closure.ClosureFrontEnd;
import io.wsscan.js.rhino.RhinoFrontEnd;
import io.wsscan.js.treesitter.TreeSitterFrontEnd;
import io.wsscan.policy.Policy;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.rules.RuleMeta;
import io.wsscan.rules.StructuralCheck;
import io.wsscan.rules.js.CleartextCheck;
import io.wsscan.rules.js.PostMessageOriginCheck;
import io.wsscan.rules.js.ServerOriginCheck;
import io.wsscan.rules.js.UntrustedHostCheck;
import io.wsscan.rules.js.UrlCredentialsCheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * JavaScript files through the pipeline: Rhino front end -> IR -> scopes -> taint engine -> taint
 * rules (joined by source and sink kinds from the rule YAML) and structural checks (named by the
 * rule YAML) -> findings.
 */
public final class JsAnalyzer implements LinkingAnalyzer {

    /** Structural checks by the name rules use for them. */
    static final Map<String, StructuralCheck> CHECKS = Map.of(
            "connection-cleartext", new CleartextCheck(),
            "url-credentials", new UrlCredentialsCheck(),
            "postmessage-origin", new PostMessageOriginCheck(),
            "server-origin", new ServerOriginCheck(),
            "untrusted-host", new UntrustedHostCheck());

    /** Checks over a page's {@code <script src>} tags; rules name them like structural checks. */
    static final Map<String, io.wsscan.rules.PageCheck> PAGE_CHECKS = Map.of(
            io.wsscan.rules.js.PaymentScriptIntegrityCheck.NAME, new io.wsscan.rules.js.PaymentScriptIntegrityCheck());

    private final RuleCatalog catalog;
    private final Policy policy;
    private final Models models;
    private final List<RuleMeta> taintRules;
    private final Engine.Joins joins;
    private final RhinoFrontEnd rhino = new RhinoFrontEnd();
    private final ClosureFrontEnd closure = new ClosureFrontEnd();
    private final TreeSitterFrontEnd treeSitter = new TreeSitterFrontEnd();
    /** Declared npm versions of the scanned project, for checks whose library defaults changed. */
    private final Dependencies dependencies = new Dependencies();

    public JsAnalyzer(RuleCatalog catalog) {
        this(catalog, Policy.NONE);
    }

    /** An analyzer whose checks read the scan policy (the host allowlist). */
    public JsAnalyzer(RuleCatalog catalog, Policy policy) {
        this(catalog, policy, Set.of());
    }

    /**
     * {@code sentKinds}: source kinds followed to WebSocket sends for the inventory alone (what a connection
     * sends), whether or not a rule reports them; the dependency inventory asks for the data kinds a package
     * sends. The kinds of the active rules are followed anyway.
     */
    public JsAnalyzer(RuleCatalog catalog, Policy policy, Set<String> sentKinds) {
        this.catalog = catalog;
        this.policy = policy == null ? Policy.NONE : policy;
        this.models = Models.load(catalog.modelDocuments());
        // rules of other languages (language: java) are reported by their own analyzer
        this.taintRules = catalog.rules().values().stream()
                .filter(r -> r.isTaint() && io.wsscan.rules.Schema.JS.equals(r.language())).toList();
        List<RuleMeta> rules = taintRules;
        // the postMessage origin check says what an unchecked handler does with event.data: every sink
        // that postMessage data reaches is tracked while that rule runs (taint rules report only their joins)
        boolean messageSinks = catalog.rules().values().stream().anyMatch(r -> "postmessage-origin".equals(r.check()));
        this.joins = new Engine.Joins() {
            @Override
            public boolean wantsSource(String sourceKind) {
                if (messageSinks && POSTMESSAGE.equals(sourceKind) || sentKinds.contains(sourceKind)) return true;
                for (RuleMeta r : rules) if (r.sources().contains(sourceKind)) return true;
                return false;
            }

            @Override
            public boolean joins(String sourceKind, String sinkKind) {
                if (messageSinks && POSTMESSAGE.equals(sourceKind) && MESSAGE_SINKS.contains(sinkKind)) return true;
                if (WS_SEND.equals(sinkKind) && sentKinds.contains(sourceKind)) return true;
                for (RuleMeta r : rules) if (r.sources().contains(sourceKind) && r.sinks().contains(sinkKind)) return true;
                return false;
            }
        };
    }


    /** The sink kind of a connection's send calls, whose data the inventory lists per connection. */
    private static final String WS_SEND = "ws-send";

    /** The source kind of window message data, and the sinks the postMessage origin check names. */
    public static final String POSTMESSAGE = "postmessage";
    private static final Set<String> MESSAGE_SINKS = Set.of("html", "html-selector", "code", "command", "navigation",
            "ws-url", "ws-send");

    @Override
    public boolean accepts(String relPath) {
        String p = relPath.toLowerCase(Locale.ROOT);
        return p.endsWith(".js") || p.endsWith(".mjs") || p.endsWith(".cjs")
                || TreeSitterFrontEnd.dialectOf(p) != null;
    }

    /**
     * Analyses a file. A file that no model can apply to (the prefilter) is only read for syntax:
     * what a scan reports about it (front end, parse errors) is the same, but lowering it into the
     * IR would be work thrown away, and such files are most of a typical scan (vendored code,
     * node_modules).
     */
    @Override
    public FileReport analyze(SourceFile file) {
        dependencies.file(file.path(), file.relPath());
        Triggers.Found found = prefiltered.remove(key(file.relPath(), file.text()));
        if (found == null) found = models.triggers(file.text());
        if (!found.any()) return readOnly(parse(file.relPath(), file.text(), false));
        Parsed p = parse(file.relPath(), file.text(), true);
        return p.failed() != null ? p.failed() : analyze(List.of(p), List.of(found), null).get(0);
    }

    private static FileReport readOnly(Parsed p) {
        return p.failed() != null ? p.failed() : new FileReport(List.of(), p.notes(), p.frontEnd(), true, List.of(), p.partlyRead());
    }

    /**
     * Parses JavaScript text with the front-end chain and analyses it. {@code text} may be a
     * same-length masked copy of another file (scripts of an HTML template with everything else
     * blanked), so that every offset still points into the original file.
     */
    public FileReport analyzeText(String relPath, String text) {
        Parsed p = parse(relPath, text, true);
        return p.failed() != null ? p.failed() : analyze(List.of(p)).get(0);
    }

    /**
     * Reads a file through the same front-end chain as {@link #analyze(SourceFile)} and reports what
     * the reading found (front end, parse notes) without analysing it: the baselines that benchmarks
     * compare a full scan with. {@code lower}: also lower the syntax tree into the IR.
     */
    public FileReport parseOnly(SourceFile file, boolean lower) {
        return readOnly(parse(file.relPath(), file.text(), lower));
    }

    /**
     * How text extracted from another file (a template) is read: the tree-sitter {@code dialect} its
     * code is written in (null: JavaScript, through the front-end chain the file's extension selects),
     * a {@code lowering} of the parsed program (what the extraction knows about the code that the text
     * cannot say; it must keep offsets), and the original file's text, which decides whether any model
     * is relevant (the masked text lacks, for instance, the attribute names of inline handlers).
     */
    public record Extracted(TreeSitterFrontEnd.Dialect dialect, UnaryOperator<Node> lowering, String original) {
    }

    /** {@link #analyzeText(String, String)} for text extracted from another file (null: a file of its own). */
    public FileReport analyzeText(String relPath, String text, Extracted extracted) {
        if (extracted == null) return analyzeText(relPath, text);
        Parsed p = extracted.dialect() != null ? treeSitter(relPath, text, extracted.dialect(), null, true) : parse(relPath, text, true);
        if (p.failed() != null) return p.failed();
        IrFile ir = p.ir();
        Node program = extracted.lowering() == null ? ir.program() : extracted.lowering().apply(ir.program());
        Parsed lowered = new Parsed(new IrFile(ir.relPath(), ir.text(), program, ir.lines(), ir.frontEnd()), p.notes(),
                null, ir.frontEnd(), p.partlyRead());
        return analyze(List.of(lowered), extracted.original()).get(0);
    }

    @Override
    public List<String> links(SourceFile file, Set<String> scanned) {
        List<String> out = new ArrayList<>();
        for (String spec : ModuleLinks.relativeSpecifiers(file.text())) {
            String target = ModuleLinks.resolve(file.relPath(), spec, scanned::contains);
            if (target != null && !target.equals(file.relPath()) && !out.contains(target)) out.add(target);
        }
        // AMD: a dependency a model describes (a package such as 'jquery') is no file of the scan
        List<String> ids = new ArrayList<>(ModuleLinks.amdDependencies(file.text()));
        // a loader configuration links to the modules its paths name, so that the modules using those
        // names join its unit, where the configuration resolves them
        ModuleLinks.amdPaths(file.text()).forEach((name, path) -> {
            if (!models.knownPackage(name)) ids.add(path);
        });
        for (String id : ids) {
            if (models.knownPackage(id)) continue;
            String target = ModuleLinks.resolveAmd(file.relPath(), id, scanned);
            if (target != null && !out.contains(target)) out.add(target);
        }
        return out;
    }

    @Override
    public boolean relevant(SourceFile file) {
        Triggers.Found found = models.triggers(file.text());
        // the scan asks this before planning units; the analysis of the same file reuses the answer
        prefiltered.put(key(file.relPath(), file.text()), found);
        return found.any();
    }

    /** Triggers already found in a file of this scan (by relative path and length), used once. */
    private final Map<String, Triggers.Found> prefiltered = new java.util.concurrent.ConcurrentHashMap<>();

    private static String key(String relPath, String text) {
        return relPath + "\0" + text.length();
    }

    private Triggers.Found triggers(IrFile ir) {
        Triggers.Found known = prefiltered.remove(key(ir.relPath(), ir.text()));
        return known != null ? known : models.triggers(ir.text());
    }

    /**
     * Modules that import each other, analysed as one program: imports, re-exports and require()
     * between them are resolved, so a socket made in one file and its handler in another meet.
     */
    @Override
    public Map<String, FileReport> analyzeTogether(List<SourceFile> files) {
        return analyzeTogether(files, Map.of());
    }

    /** Classic scripts of one page (or folder tree) see each other's top-level names, as {@code shares} says. */
    @Override
    public Map<String, FileReport> analyzeTogether(List<SourceFile> files, Map<String, Set<String>> shares) {
        Map<String, FileReport> out = new LinkedHashMap<>();
        List<Parsed> parsed = new ArrayList<>();
        for (SourceFile f : files) {
            dependencies.file(f.path(), f.relPath());
            Parsed p = parse(f.relPath(), f.text(), true);
            if (p.failed() != null) out.put(f.relPath(), p.failed());
            else parsed.add(p);
        }
        Map<String, Node> programs = new HashMap<>();
        for (Parsed p : parsed) programs.put(p.ir().relPath(), p.ir().program());
        Map<Node, List<Node>> peers = new IdentityHashMap<>();
        shares.forEach((file, others) -> {
            Node program = programs.get(file);
            if (program == null || Modules.isEsModule(program)) return;
            List<Node> ps = others.stream().map(programs::get).filter(o -> o != null && !Modules.isEsModule(o)).toList();
            if (!ps.isEmpty()) peers.put(program, ps);
        });
        List<FileReport> reports = analyze(parsed, null, null, peers);
        for (int i = 0; i < parsed.size(); i++) out.put(parsed.get(i).ir().relPath(), reports.get(i));
        return out;
    }

    /** A classic {@code .js} script's shared global names; null for modules and other dialects. */
    @Override
    public GlobalNames globals(SourceFile file) {
        return file.relPath().toLowerCase(Locale.ROOT).endsWith(".js") ? ScriptGlobals.read(file.text()) : null;
    }

    /** The scan policy the checks read (allowlist, first-party hosts). */
    public Policy policy() {
        return policy;
    }

    /** The sensitive-data classes ({@code card}, {@code password}, ...) the models' name heuristics give a name. */
    public List<String> nameKinds(String name) {
        return models.nameKinds(name);
    }

    /** The findings of the rules that ask for a page check, over one page's scripts (in document order). */
    public List<Finding> pageFindings(String relPath, List<io.wsscan.inventory.PageScript> scripts) {
        List<Finding> out = new ArrayList<>();
        if (scripts.isEmpty()) return out;
        for (Map.Entry<String, io.wsscan.rules.PageCheck> c : new java.util.TreeMap<>(PAGE_CHECKS).entrySet()) {
            List<RuleMeta> rules = catalog.rules().values().stream().filter(r -> c.getKey().equals(r.check())).toList();
            if (rules.isEmpty()) continue;
            for (io.wsscan.rules.PageCheck.Hit h : c.getValue().run(scripts)) {
                for (RuleMeta rule : rules) {
                    out.add(new Finding(rule.id(), rule.level(), relPath, h.script().region(), fill(rule.message(), h.placeholders()),
                            List.of(), null));
                }
            }
        }
        return out;
    }

    /** Pages: templates other than single-file components, which load scripts with {@code <script src>}. */
    @Override
    public boolean isPage(String relPath) {
        io.wsscan.html.TemplateKind kind = io.wsscan.html.TemplateKind.of(relPath);
        return kind != null && kind != io.wsscan.html.TemplateKind.VUE;
    }

    @Override
    public PageLoads pageScripts(SourceFile page, Set<String> scanned) {
        List<String> classic = new ArrayList<>(), modules = new ArrayList<>();
        for (PageScripts.Script s : PageScripts.of(page.text())) {
            String file = PageScripts.resolve(page.relPath(), s.src(), scanned::contains);
            List<String> to = s.module() ? modules : classic;
            if (file != null && !to.contains(file)) to.add(file);
        }
        return new PageLoads(classic, modules);
    }

    /**
     * A file through the front-end chain: its IR (null when it was only read for syntax), notes and
     * front end; or, in {@code failed}, the report of why it was not analysed.
     */
    private record Parsed(IrFile ir, List<Notification> notes, FileReport failed, String frontEnd, boolean partlyRead) {
        Parsed(IrFile ir, List<Notification> notes) {
            this(ir, notes, null, ir.frontEnd(), false);
        }

        Parsed(IrFile ir, List<Notification> notes, FileReport failed, String frontEnd) {
            this(ir, notes, failed, frontEnd, false);
        }

        static Parsed failure(FileReport why) {
            return new Parsed(null, List.of(), why, null);
        }
    }

    /** {@code lower}: lower the syntax tree into the IR; when false, the file is only read for syntax errors. */
    private Parsed parse(String relPath, String text, boolean lower) {
        TreeSitterFrontEnd.Dialect dialect = TreeSitterFrontEnd.dialectOf(relPath);
        String name = relPath.toLowerCase(Locale.ROOT);
        boolean plainJs = name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".cjs");
        if (name.endsWith(".d.ts") || name.endsWith(".d.mts") || name.endsWith(".d.cts")) {
            // declaration files hold only types (TypeScript allows no code that runs in them): there
            // is nothing to analyse, and parsing them was a fifth of a scan's time on node_modules
            Node empty = new Node(Kind.PROGRAM, 0, text.length(), null, 0, List.of());
            return new Parsed(new IrFile(relPath, text, empty, new LineIndex(text), "types-only"), List.of());
        }
        if (dialect != null && !plainJs) {
            // .ts .mts .cts .tsx .jsx
            return treeSitter(relPath, text, dialect, null, lower);
        }
        // Two exact parsers, then tree-sitter. For analysis Rhino goes first: its lowering is the
        // cheapest. For a syntax check Closure goes first: it accepts nearly every file (Rhino no
        // modules, classes or async), so most files are parsed once instead of twice.
        JsSyntaxError rhinoError = null, closureError = null;
        if (lower) {
            try {
                return new Parsed(rhino.parse(relPath, text), List.of());
            } catch (JsSyntaxError e) {
                rhinoError = e;
            }
            try {
                return new Parsed(closure.parse(relPath, text), List.of());
            } catch (JsSyntaxError e) {
                closureError = e;
            }
        } else {
            try {
                closure.check(relPath, text);
                return new Parsed(null, List.of(), null, "closure");
            } catch (JsSyntaxError e) {
                closureError = e;
            }
            try {
                rhino.check(relPath, text);
                return new Parsed(null, List.of(), null, "rhino");
            } catch (JsSyntaxError e) {
                rhinoError = e;
            }
        }
        String why = "Rhino: " + rhinoError.getMessage() + "; Closure: " + closureError.getMessage();
        // tree-sitter is the last resort for JS files only; script text extracted from templates
        // (relPath .html, .jsp, ...) keeps the old behaviour: its caller reports and skips it
        Parsed ts = plainJs ? treeSitter(relPath, text, TreeSitterFrontEnd.Dialect.JAVASCRIPT, why, lower) : null;
        if (ts != null) return ts;
        return Parsed.failure(FileReport.skipped(new Notification(relPath, closureError.line, closureError.column, "parse-error",
                "the JavaScript parsers could not parse this file (" + why + "); it was not analysed")));
    }

    /**
     * tree-sitter: the front end for TypeScript/TSX/JSX and the error-tolerant last resort for JS.
     * Parse errors do not stop the analysis: each error range becomes an {@code info} note. Returns
     * null when tree-sitter could not be used and {@code fallbackWhy} is set (the caller reports).
     */
    private Parsed treeSitter(String relPath, String text, TreeSitterFrontEnd.Dialect dialect, String fallbackWhy,
                              boolean lower) {
        TreeSitterFrontEnd.Result r;
        try {
            r = lower ? treeSitter.parse(relPath, text, dialect) : treeSitter.check(relPath, text, dialect);
        } catch (TreeSitterFrontEnd.Failure e) {
            if (fallbackWhy != null && !e.kind().equals(TreeSitterFrontEnd.Failure.CRASH)) return null;
            return Parsed.failure(FileReport.skipped(new Notification(relPath, 0, 0, e.kind(),
                    "tree-sitter could not read this file (" + e.getMessage() + "); it was not analysed"
                    + (fallbackWhy == null ? "" : " (" + fallbackWhy + ")"))));
        }
        List<Notification> notes = new ArrayList<>();
        LineIndex lines = r.ir() != null ? r.ir().lines() : new LineIndex(text);
        if (fallbackWhy != null) {
            notes.add(new Notification(relPath, 0, 0, "info", "read by tree-sitter, the error-tolerant parser ("
                    + fallbackWhy + ")"));
        }
        boolean partlyRead = r.truncated();
        for (TreeSitterFrontEnd.ErrorRange e : r.errors()) {
            partlyRead |= !e.missing();
            String what = e.missing() ? "missing '" + e.what() + "' inserted by the parser"
                    : "syntax error: lines " + lines.line(e.start()) + "-" + lines.line(e.end()) + " were skipped";
            notes.add(new Notification(relPath, lines.line(e.start()), lines.column(e.start()), "info",
                    "tree-sitter: " + what + "; the rest of the file was analysed"));
        }
        if (r.truncated()) {
            notes.add(new Notification(relPath, 0, 0, "info",
                    "tree-sitter: parts nested more deeply than " + TreeSitterFrontEnd.MAX_DEPTH_LEVELS + " levels were not analysed"));
        }
        return new Parsed(r.ir(), notes, null, TreeSitterFrontEnd.NAME, partlyRead);
    }

    /** Runs the analysis over lowered files as one program; one report per file, in order. */
    private List<FileReport> analyze(List<Parsed> parsed) {
        return analyze(parsed, null, null);
    }

    /** {@link #analyze(List)}; {@code relevance}, when set, is the text the model prefilter reads instead. */
    private List<FileReport> analyze(List<Parsed> parsed, String relevance) {
        return analyze(parsed, null, relevance);
    }

    /** {@code found}: the prefilter's answer for the files, when already known. */
    private List<FileReport> analyze(List<Parsed> parsed, List<Triggers.Found> found, String relevance) {
        return analyze(parsed, found, relevance, Map.of());
    }

    /** {@code peers}: classic scripts and the programs whose globals they share ({@link Scopes#of(List, Map)}). */
    private List<FileReport> analyze(List<Parsed> parsed, List<Triggers.Found> found, String relevance,
                                     Map<Node, List<Node>> peers) {
        List<IrFile> irs = parsed.stream().map(Parsed::ir).toList();
        boolean certain = false;
        Set<String> globals = new java.util.TreeSet<>();
        if (found == null) {
            found = relevance != null ? List.of(models.triggers(relevance)) : irs.stream().map(this::triggers).toList();
        }
        for (Triggers.Found f : found) {
            certain |= f.certain();
            globals.addAll(f.globals());
        }
        Scopes scopes = certain || !globals.isEmpty() ? Scopes.of(irs.stream().map(IrFile::program).toList(), peers) : null;
        boolean relevant = certain || (scopes != null && readsGlobal(irs, scopes, globals));
        List<List<Finding>> perFile = new ArrayList<>();
        List<List<Endpoint>> endpoints = new ArrayList<>();
        for (int i = 0; i < irs.size(); i++) {
            perFile.add(new ArrayList<>());
            endpoints.add(new ArrayList<>());
        }
        if (relevant) findings(irs, scopes, perFile, endpoints);
        List<FileReport> out = new ArrayList<>();
        for (int i = 0; i < irs.size(); i++) {
            List<Finding> fs = perFile.get(i);
            fs.sort(Finding.ORDER);
            List<Endpoint> es = endpoints.get(i);
            es.sort(Endpoint.ORDER);
            out.add(new FileReport(fs, parsed.get(i).notes(), irs.get(i).frontEnd(), true, es, parsed.get(i).partlyRead()));
        }
        return out;
    }

    /**
     * True when a program reads one of these globals: an identifier of that name it does not declare,
     * or a property of that name (written {@code window.io}; any object's, to stay on the safe side).
     */
    private static boolean readsGlobal(List<IrFile> irs, Scopes scopes, Set<String> globals) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        for (IrFile ir : irs) todo.push(ir.program());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if ((n.kind == Kind.IDENT && n.text != null && globals.contains(n.text) && scopes.binding(n) == null)
                    || (n.kind == Kind.MEMBER && n.text != null && globals.contains(n.text))) {
                return true;
            }
            for (Node k : n.kids()) todo.push(k);
        }
        return false;
    }

    /** Connection call -> the source kinds of the data that reaches a send call on a connection it made. */
    private static Map<Node, Set<String>> sentKinds(Engine.Result engine) {
        Map<Node, Set<String>> out = new IdentityHashMap<>();
        for (Engine.SinkReport r : engine.reports()) {
            if (!r.sink().kinds().contains(WS_SEND)) continue;
            Engine.SendSite site = engine.send(r.at());
            if (site == null) continue;
            for (Node conn : site.connections()) out.computeIfAbsent(conn, k -> new java.util.TreeSet<>()).add(r.taint().kind());
        }
        return out;
    }

    private void findings(List<IrFile> irs, Scopes scopes, List<List<Finding>> perFile, List<List<Endpoint>> endpoints) {
        List<Node> programs = irs.stream().map(IrFile::program).toList();
        Owners owners = new Owners(irs);
        Engine.Result engine = new Engine(programs, scopes, models, joins, owners).run();
        Map<Node, Set<String>> sent = sentKinds(engine);
        for (Engine.ConnectionSite c : engine.connections()) {
            int at = owners.fileOf(c.call);
            IrFile ir = irs.get(at);
            Set<String> kinds = sent.getOrDefault(c.call, Set.of());
            for (Endpoint e : ClientEndpoints.of(c, ir.relPath(), ir.lines().region(c.call), models)) {
                endpoints.get(at).add(kinds.isEmpty() ? e : e.withSends(kinds));
            }
        }
        List<Map<String, Finding>> found = new ArrayList<>();
        for (int i = 0; i < irs.size(); i++) found.add(new LinkedHashMap<>());

        io.wsscan.rules.js.OwnAuthentication ownAuth = new io.wsscan.rules.js.OwnAuthentication(engine, models, policy);
        io.wsscan.rules.js.PageGlobals pageGlobals = new io.wsscan.rules.js.PageGlobals(programs, scopes);
        Set<String> led = new HashSet<>();
        PostMessageOriginCheck.Senders senders = new PostMessageOriginCheck.Senders(engine, scopes, models);
        for (Engine.SinkReport r : engine.reports()) {
            Fact.Taint t = r.taint();
            int at = owners.fileOf(r.at());
            IrFile ir = irs.get(at);
            for (RuleMeta rule : taintRules) {
                if (!rule.sources().contains(t.kind()) || !reaches(rule, r.sink(), t.barriers())) continue;
                // a credential sent to the app's own authentication is how login works (the rule's help)
                if (rule.authenticationSources().contains(t.kind()) && ownAuth.isFeature(r.at())) continue;
                List<Trace.Step> steps = t.trace().steps();
                Trace.Step first = steps.get(0);
                IrFile sourceFile = irs.get(owners.fileOf(first.at()));
                String source = first.message() + " (" + (sourceFile == ir ? "" : sourceFile.relPath() + " ")
                        + "line " + sourceFile.lines().line(first.at().start) + ")";
                // data that starts the value with a known text (the page's own path), or that the page was
                // given as a global (a dev server's token), may have a verdict of its own
                RuleMeta.Lead lead = rule.leadFor(Fact.lead(t.barriers()));
                RuleMeta.Verdict own = lead != null ? new RuleMeta.Verdict(List.of(), lead.level(), lead.message()) : null;
                RuleMeta.Verdict pg = rule.pageGlobals();
                if (own == null && pg != null && pg.sources().contains(t.kind()) && pageGlobals.holds(first.at())) own = pg;
                String detail = source;
                Finding.Level level = own != null ? own.level() : rule.level();
                if (rule.gradesSender()) {
                    // message data: the origin check of the handler it came from decides (a sound one: nothing to report)
                    PostMessageOriginCheck.Sender sender = senders.of(t.source(), sourceFile);
                    if (sender == null) continue;
                    detail = sender.detail();
                    level = rule.originLevels().get(sender.verdict());
                }
                String message = fill(own != null ? own.message() : rule.message(), Map.of("source", source, "sink", r.sink().label(),
                        "detail", detail, "advice", rule.adviceFor(r.sink().kinds())));
                Finding f = new Finding(rule.id(), level, ir.relPath(), ir.lines().region(r.at()), message, owners.steps(steps), null);
                // data that starts the value decides what follows it (location.pathname + location.search)
                if (lead != null) led.add(key(f.ruleId(), f.region()));
                if (lead != null || !led.contains(key(f.ruleId(), f.region()))) add(found.get(at), f, lead != null);
            }
        }

        Map<Node, StructuralCheck.Hit> serverHits = new IdentityHashMap<>();
        for (Map.Entry<String, StructuralCheck> c : CHECKS.entrySet()) {
            // rules graded by their data's sender use the check for that (above), not for hits of their own
            List<RuleMeta> rules = catalog.rules().values().stream().filter(r -> !r.gradesSender() && c.getKey().equals(r.check())).toList();
            boolean forInventory = SERVER_CHECK.equals(c.getKey()) && !engine.endpoints().isEmpty();
            if (rules.isEmpty() && !forInventory) continue;
            for (int i = 0; i < irs.size(); i++) {
                IrFile ir = irs.get(i);
                StructuralCheck.Context ctx = new StructuralCheck.Context(ir, scopes, engine, models, policy, dependencies);
                for (StructuralCheck.Hit h : c.getValue().run(ctx)) {
                    if (forInventory) serverHits.put(h.at(), h);
                    // checks read the engine's facts of every file; each file keeps its own hits
                    if (owners.fileOf(h.at()) != i) continue;
                    for (RuleMeta rule : rules) {
                        String message = fill(rule.message(), h.placeholders());
                        // a taint rule's flow at the same place knows where the data came from: it stays
                        if (rule.isTaint() && found.get(i).containsKey(key(rule.id(), ir.lines().region(h.at())))) continue;
                        add(found.get(i), new Finding(rule.id(), h.level() != null ? h.level() : rule.level(), ir.relPath(), ir.lines().region(h.at()), message,
                                owners.steps(h.trace()), null));
                    }
                }
            }
        }
        for (int i = 0; i < irs.size(); i++) perFile.get(i).addAll(found.get(i).values());
        for (Engine.EndpointSite site : engine.endpoints()) {
            int at = owners.fileOf(site.call());
            IrFile ir = irs.get(at);
            StructuralCheck.Hit hit = serverHits.get(site.call());
            // the server-origin check reports endpoints without a sound check; "checked" needs something that checks
            boolean checks = hit == null && (originOption(site.call()) || checkSeen(site.call(), ir.program(), engine, scopes));
            Endpoint.OriginPolicy origin = hit != null ? Endpoint.OriginPolicy.MISSING
                    : checks ? Endpoint.OriginPolicy.CHECKED : Endpoint.OriginPolicy.FRAMEWORK_DEFAULT;
            List<String> notes = new ArrayList<>(List.of(hit != null ? hit.placeholders().getOrDefault("detail", "")
                    : checks ? "no js/ws-server-origin-check finding: a handshake handler or option checks the Origin"
                    : "no js/ws-server-origin-check finding, and nothing in the scan checks the Origin: the library's default applies"));
            String limit = sizeOption(site.call(), models.serverSizeOptions);
            if (limit != null) notes.add("message size limit: " + limit);
            java.util.TreeSet<String> auth = new java.util.TreeSet<>();
            for (Engine.HandlerSite h : engine.handlers()) {
                if (h.registration() == site.call()) handshakeAuth(h.function(), models.handshakeAuth, auth);
            }
            String path = serverPath(site.call());
            if (path == null && site.model().pathFrom() != null) path = pathSetLater(site.call(), site.model().pathFrom(), ir.program(), scopes);
            if (path == null && site.model().defaultPath() != null && !hasOption(site.call(), "path")) path = site.model().defaultPath();
            endpoints.get(at).add(Endpoint.server(ir.relPath(), ir.lines().region(site.call()), site.model().library(),
                    path, handlerName(site.call()), origin, List.copyOf(auth), notes));
        }
    }

    /** The check that judges server endpoints; its verdicts also fill the inventory. */
    private static final String SERVER_CHECK = "server-origin";

    /**
     * A server endpoint's path as written: a constant first argument ({@code app.ws('/feed', …)},
     * {@code App().ws('/*', …)}) or a constant {@code path} option ({@code new WebSocketServer({path})}).
     */
    private static String serverPath(Node call) {
        for (Node a : call.rest(1)) {
            if (a.kind == Kind.STRING && a.text.startsWith("/")) return a.text;
            if (a.kind == Kind.OBJECT) {
                for (Node p : a.kids()) {
                    if (p.kind == Kind.PROPERTY && "path".equals(p.keyName()) && p.kid(1).kind == Kind.STRING) return p.kid(1).text;
                }
            }
        }
        return null;
    }

    /**
     * The path a server is given after it is made: the string {@code option} of an object argument of a
     * {@code method} call on it ({@code sock.installHandlers(server, {prefix: '/echo'})}), the server held
     * in a local or a field of {@code this}; null when not in sight.
     */
    private static String pathSetLater(Node call, String pathFrom, Node program, Scopes scopes) {
        int dot = pathFrom.indexOf('.');
        String method = pathFrom.substring(0, dot), option = pathFrom.substring(dot + 1);
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(program));
        String holder = null;
        Scopes.Binding bound = null;
        // const sock = create(…) / this.sock = create(…)
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if ((n.kind == Kind.DECLARATOR || n.kind == Kind.ASSIGN) && n.size() > 1 && n.kid(1) == call) {
                if (n.kid(0).kind == Kind.IDENT) bound = scopes.binding(n.kid(0));
                else if (n.kid(0).kind == Kind.MEMBER && n.kid(0).kid(0).kind == Kind.THIS) holder = n.kid(0).propertyName();
            }
            for (Node k : n.kids()) todo.push(k);
        }
        todo.push(program);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            for (Node k : n.kids()) todo.push(k);
            if (n.kind != Kind.CALL || n.kid(0).kind != Kind.MEMBER || !method.equals(n.kid(0).propertyName())) continue;
            Node recv = n.kid(0).kid(0);
            boolean same = recv == call || bound != null && recv.kind == Kind.IDENT && scopes.binding(recv) == bound
                    || holder != null && recv.kind == Kind.MEMBER && recv.kid(0).kind == Kind.THIS && holder.equals(recv.propertyName());
            if (!same) continue;
            for (Node a : n.rest(1)) {
                if (a.kind != Kind.OBJECT) continue;
                for (Node p : a.kids()) {
                    if (p.kind == Kind.PROPERTY && option.equals(p.keyName()) && p.size() > 1 && p.kid(1).kind == Kind.STRING) return p.kid(1).text;
                }
            }
        }
        return null;
    }

    /** True when an options object of the call has this property (whatever its value). */
    private static boolean hasOption(Node call, String name) {
        for (Node a : call.rest(1)) {
            if (a.kind != Kind.OBJECT) continue;
            for (Node p : a.kids()) if (p.kind == Kind.PROPERTY && name.equals(p.keyName())) return true;
        }
        return false;
    }

    /**
     * An {@code origin} option (socket.io {@code cors: {origin: [..]}}, at any depth of the options) that
     * names origins: anything but a wildcard string or a boolean (true reflects every origin).
     */
    private static boolean originOption(Node call) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        for (Node a : call.rest(1)) if (a.kind == Kind.OBJECT) todo.push(a);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.kind == Kind.PROPERTY && "origin".equals(n.keyName()) && n.kids().size() > 1) {
                Node v = n.kid(1);
                if (v.kind == Kind.STRING ? !v.text.contains("*") : v.kind != Kind.BOOLEAN) return true;
            }
            for (Node k : n.kids()) if (k.kind == Kind.OBJECT || k.kind == Kind.PROPERTY) todo.push(k);
        }
        return false;
    }

    /**
     * Whether code in sight reads the Origin for this endpoint (the inventory's "checked" needs it): a
     * handler registered at its call (verifyClient, allowRequest, an express-ws route, a uWS upgrade),
     * a listener or middleware ({@code .on}, {@code .use}) on a name holding it or on {@code this.x}, an
     * application middleware ({@code app.use}), or a function that calls its {@code handleUpgrade}.
     */
    private static boolean checkSeen(Node call, Node program, Engine.Result engine, Scopes scopes) {
        for (Engine.HandlerSite h : engine.handlers()) {
            Node reg = h.registration();
            boolean ours = reg == call || "http-middleware".equals(h.model().kind()) || isReceiverOf(reg, call, scopes);
            if (ours && readsOrigin(h.function())) return true;
        }
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(program));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.kind == Kind.CALL && n.kid(0).kind == Kind.MEMBER) {
                String m = n.kid(0).propertyName();
                if ("use".equals(m) && isReceiverOf(n, call, scopes)) {
                    for (Node a : n.rest(1)) if (readsOrigin(a)) return true;
                }
            }
            if (n.kind == Kind.FUNCTION && callsHandleUpgrade(n, call, scopes) && readsOrigin(n)) return true;
            for (Node k : n.kids()) todo.push(k);
        }
        return false;
    }

    /** True when a call's receiver is a name whose definition is the endpoint's call, or a {@code this.x} field. */
    private static boolean isReceiverOf(Node reg, Node endpoint, Scopes scopes) {
        if (reg.size() == 0 || reg.kid(0).kind != Kind.MEMBER) return false;
        Node recv = reg.kid(0).kid(0);
        if (recv.kind == Kind.MEMBER && recv.kid(0).kind == Kind.THIS) return true;
        for (int i = 0; i < 4 && recv != null && recv.kind == Kind.IDENT; i++) {
            Scopes.Binding b = scopes.binding(recv);
            recv = b == null || b.singleDefinition() == recv ? null : b.singleDefinition();
        }
        return recv == endpoint;
    }

    /** True when a function calls this endpoint's {@code handleUpgrade} (noServer mode: the function is its upgrade listener). */
    private static boolean callsHandleUpgrade(Node fn, Node endpoint, Scopes scopes) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(fn));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.kind == Kind.CALL && n.kid(0).kind == Kind.MEMBER && "handleUpgrade".equals(n.kid(0).propertyName())
                    && isReceiverOf(n, endpoint, scopes)) return true;
            for (Node k : n.kids()) todo.push(k);
        }
        return false;
    }

    /** True when code reads the Origin ({@code info.origin}, {@code req.headers.origin}, {@code 'origin'}, {@code ({ origin }) =>}). */
    private static boolean readsOrigin(Node fn) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(fn));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            String name = n.kind == Kind.MEMBER && !n.has(Node.COMPUTED) ? n.text : n.kind == Kind.STRING || n.kind == Kind.IDENT ? n.text : null;
            if (name != null && name.equalsIgnoreCase("origin")) return true;
            for (Node k : n.kids()) todo.push(k);
        }
        return false;
    }

    /**
     * What a handshake handler of the endpoint (verifyClient, allowRequest, an upgrade handler) reads
     * that authenticates the user: properties named in {@code handshakeAuth} ({@code headers.cookie},
     * {@code headers['authorization']}, {@code req.session}), each mapped to an auth pattern.
     */
    private static void handshakeAuth(Node fn, Map<String, String> names, Set<String> out) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(fn));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.kind == Kind.MEMBER) {
                String name = n.has(Node.COMPUTED) ? (n.kid(1).kind == Kind.STRING ? n.kid(1).text : null) : n.text;
                String pattern = name == null ? null : names.get(name.toLowerCase(Locale.ROOT));
                if (pattern != null) out.add(pattern);
            } else if (n.kind == Kind.STRING && names.containsKey(n.text.toLowerCase(Locale.ROOT))) {
                out.add(names.get(n.text.toLowerCase(Locale.ROOT))); // getHeader('cookie'), req.get('authorization')
            }
            for (Node k : n.kids()) todo.push(k);
        }
    }

    /** A size-limiting option written in an options or behavior object of the call ({@code maxPayload: 1e6}). */
    private static String sizeOption(Node call, Set<String> names) {
        for (Node a : call.rest(1)) {
            if (a.kind != Kind.OBJECT) continue;
            for (Node p : a.kids()) {
                if (p.kind == Kind.PROPERTY && names.contains(p.keyName())) {
                    Node v = p.kid(1);
                    return p.keyName() + " " + (v.kind == Kind.NUMBER || v.kind == Kind.STRING ? v.text : "(computed)");
                }
            }
        }
        return null;
    }

    private static String handlerName(Node call) {
        Node callee = call.kid(0);
        String name = callee.kind == Kind.MEMBER ? callee.text : callee.kind == Kind.IDENT ? callee.text : "a call";
        return (call.kind == Kind.NEW ? "new " : "") + name + "(..)";
    }

    /**
     * Which file a node belongs to, for findings and trace steps of a multi-file program; and the
     * module linker between those files. The node index is built on first use (only when a finding
     * needs it) and only when there is more than one file.
     */
    private static final class Owners implements Engine.Linker {
        private final List<IrFile> irs;
        private final Map<String, Node> byPath = new HashMap<>();
        private final Map<Node, String> pathOf = new IdentityHashMap<>();
        private Map<Node, Integer> nodes;

        Owners(List<IrFile> irs) {
            this.irs = irs;
            for (int i = 0; i < irs.size(); i++) {
                byPath.put(irs.get(i).relPath(), irs.get(i).program());
                pathOf.put(irs.get(i).program(), irs.get(i).relPath());
            }
        }

        @Override
        public String pathOf(Node program) {
            return pathOf.get(program);
        }

        @Override
        public Node resolve(Node from, String specifier) {
            String fromPath = pathOf.get(from);
            if (fromPath == null || irs.size() < 2) return null;
            String target = ModuleLinks.resolve(fromPath, specifier, byPath::containsKey);
            return target == null ? null : byPath.get(target);
        }

        @Override
        public Node resolveAmd(Node from, String id) {
            String fromPath = pathOf.get(from);
            if (fromPath == null || irs.size() < 2) return null;
            if (amdPaths == null) {
                // the loader configurations of the unit, in path order
                amdPaths = new java.util.TreeMap<>();
                irs.stream().sorted(java.util.Comparator.comparing(IrFile::relPath))
                        .forEach(ir -> ModuleLinks.amdPaths(ir.text()).forEach(amdPaths::putIfAbsent));
            }
            String target = ModuleLinks.resolveAmd(fromPath, ModuleLinks.mapAmdPath(id, amdPaths), byPath.keySet());
            return target == null ? null : byPath.get(target);
        }

        private Map<String, String> amdPaths;

        int fileOf(Node n) {
            if (irs.size() == 1) return 0;
            if (nodes == null) {
                nodes = new IdentityHashMap<>();
                for (int i = 0; i < irs.size(); i++) index(irs.get(i).program(), i);
            }
            return nodes.getOrDefault(n, 0);
        }

        private void index(Node root, int file) {
            java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
            todo.push(root);
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                nodes.put(n, file);
                for (Node k : n.kids()) todo.push(k);
            }
        }

        List<Step> steps(List<Trace.Step> steps) {
            List<Step> out = new ArrayList<>(steps.size());
            for (Trace.Step s : steps) {
                IrFile ir = irs.get(fileOf(s.at()));
                out.add(new Step(ir.relPath(), ir.lines().region(s.at()), s.message()));
            }
            return out;
        }
    }

    private static boolean reaches(RuleMeta rule, Models.Sink sink, Set<String> barriers) {
        if (barriers.contains("all")) return false;
        for (String k : sink.kinds()) if (rule.sinks().contains(k) && !barriers.contains(k)) return true;
        return false;
    }

    /** One finding per rule and start position: the first (a taint finding, with its trace) wins. */
    private static void add(Map<String, Finding> findings, Finding f) {
        add(findings, f, false);
    }

    /** One finding per rule and place: {@code f} when it decides, else the most severe verdict of the flows that reach it. */
    private static void add(Map<String, Finding> findings, Finding f, boolean decides) {
        findings.merge(key(f.ruleId(), f.region()), f,
                (old, nu) -> decides || nu.level().ordinal() < old.level().ordinal() ? nu : old);
    }

    private static String key(String ruleId, io.wsscan.findings.Region r) {
        return ruleId + "@" + r.startLine() + ":" + r.startColumn();
    }

    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) out = out.replace("{" + e.getKey() + "}", e.getValue());
        return out;
    }
}
