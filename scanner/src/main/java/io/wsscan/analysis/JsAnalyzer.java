package io.wsscan.analysis;

import io.wsscan.engine.FileAnalyzer;
import io.wsscan.engine.FileReport;
import io.wsscan.engine.SourceFile;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.findings.Step;
import io.wsscan.ir.IrFile;
import io.wsscan.ir.LineIndex;
import io.wsscan.ir.Node;
import io.wsscan.js.JsSyntaxError;
import io.wsscan.js.closure.ClosureFrontEnd;
import io.wsscan.js.rhino.RhinoFrontEnd;
import io.wsscan.js.treesitter.TreeSitterFrontEnd;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.rules.RuleMeta;
import io.wsscan.rules.StructuralCheck;
import io.wsscan.rules.js.CleartextCheck;
import io.wsscan.rules.js.PostMessageOriginCheck;
import io.wsscan.rules.js.UrlCredentialsCheck;

import java.util.ArrayList;
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
public final class JsAnalyzer implements FileAnalyzer {

    /** Structural checks by the name rules use for them. */
    private static final Map<String, StructuralCheck> CHECKS = Map.of(
            "connection-cleartext", new CleartextCheck(),
            "url-credentials", new UrlCredentialsCheck(),
            "postmessage-origin", new PostMessageOriginCheck());

    private final RuleCatalog catalog;
    private final Models models;
    private final List<RuleMeta> taintRules;
    private final Engine.Joins joins;
    private final RhinoFrontEnd rhino = new RhinoFrontEnd();
    private final ClosureFrontEnd closure = new ClosureFrontEnd();
    private final TreeSitterFrontEnd treeSitter = new TreeSitterFrontEnd();

    public JsAnalyzer(RuleCatalog catalog) {
        this.catalog = catalog;
        this.models = Models.load(catalog.modelDocuments());
        this.taintRules = catalog.rules().values().stream().filter(RuleMeta::isTaint).toList();
        List<RuleMeta> rules = taintRules;
        this.joins = new Engine.Joins() {
            @Override
            public boolean wantsSource(String sourceKind) {
                for (RuleMeta r : rules) if (r.sources().contains(sourceKind)) return true;
                return false;
            }

            @Override
            public boolean joins(String sourceKind, String sinkKind) {
                for (RuleMeta r : rules) if (r.sources().contains(sourceKind) && r.sinks().contains(sinkKind)) return true;
                return false;
            }
        };
    }


    @Override
    public boolean accepts(String relPath) {
        String p = relPath.toLowerCase(Locale.ROOT);
        return p.endsWith(".js") || p.endsWith(".mjs") || p.endsWith(".cjs")
                || TreeSitterFrontEnd.dialectOf(p) != null;
    }

    @Override
    public FileReport analyze(SourceFile file) {
        return analyzeText(file.relPath(), file.text());
    }

    /**
     * Parses JavaScript text with the front-end chain and analyses it. {@code text} may be a
     * same-length masked copy of another file (scripts of an HTML template with everything else
     * blanked), so that every offset still points into the original file.
     */
    public FileReport analyzeText(String relPath, String text) {
        return analyzeText(relPath, text, null);
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
        if (extracted != null && extracted.dialect() != null) return treeSitter(relPath, text, extracted.dialect(), null, extracted);
        TreeSitterFrontEnd.Dialect dialect = TreeSitterFrontEnd.dialectOf(relPath);
        String lower = relPath.toLowerCase(Locale.ROOT);
        boolean plainJs = lower.endsWith(".js") || lower.endsWith(".mjs") || lower.endsWith(".cjs");
        if (dialect != null && !plainJs) {
            // .ts .mts .cts .tsx .jsx (and .d.ts, which holds only types: it is parsed and yields nothing)
            return treeSitter(relPath, text, dialect, null, extracted);
        }
        IrFile ir;
        try {
            ir = rhino.parse(relPath, text);
        } catch (JsSyntaxError rhinoError) {
            try {
                ir = closure.parse(relPath, text);
            } catch (JsSyntaxError e) {
                String why = "Rhino: " + rhinoError.getMessage() + "; Closure: " + e.getMessage();
                // tree-sitter is the last resort for JS files only; script text extracted from templates
                // (relPath .html, .jsp, ...) keeps the old behaviour: its caller reports and skips it
                FileReport ts = plainJs ? treeSitter(relPath, text, TreeSitterFrontEnd.Dialect.JAVASCRIPT, why, extracted) : null;
                if (ts != null) return ts;
                return FileReport.skipped(new Notification(relPath, e.line, e.column, "parse-error",
                        "the JavaScript parsers could not parse this file (Rhino: " + rhinoError.getMessage()
                                + "; Closure: " + e.getMessage() + "); it was not analysed"));
            }
        }
        return analyze(ir, extracted);
    }

    /**
     * tree-sitter: the front end for TypeScript/TSX/JSX and the error-tolerant last resort for JS.
     * Parse errors do not stop the analysis: each error range becomes an {@code info} note. Returns
     * null when tree-sitter could not be used and {@code fallbackWhy} is set (the caller reports).
     */
    private FileReport treeSitter(String relPath, String text, TreeSitterFrontEnd.Dialect dialect, String fallbackWhy,
                                  Extracted extracted) {
        TreeSitterFrontEnd.Result r;
        try {
            r = treeSitter.parse(relPath, text, dialect);
        } catch (TreeSitterFrontEnd.Failure e) {
            if (fallbackWhy != null) return null;
            return FileReport.skipped(new Notification(relPath, 0, 0, "parse-error",
                    "tree-sitter could not read this file (" + e.getMessage() + "); it was not analysed"));
        }
        FileReport report = analyze(r.ir(), extracted);
        List<Notification> notes = new ArrayList<>(report.notifications());
        LineIndex lines = r.ir().lines();
        if (fallbackWhy != null) {
            notes.add(new Notification(relPath, 0, 0, "info", "read by tree-sitter, the error-tolerant parser ("
                    + fallbackWhy + ")"));
        }
        for (TreeSitterFrontEnd.ErrorRange e : r.errors()) {
            String what = e.missing() ? "missing '" + e.what() + "' inserted by the parser"
                    : "syntax error: lines " + lines.line(e.start()) + "-" + lines.line(e.end()) + " were skipped";
            notes.add(new Notification(relPath, lines.line(e.start()), lines.column(e.start()), "info",
                    "tree-sitter: " + what + "; the rest of the file was analysed"));
        }
        if (r.truncated()) {
            notes.add(new Notification(relPath, 0, 0, "info",
                    "tree-sitter: parts nested more deeply than " + TreeSitterFrontEnd.MAX_DEPTH_LEVELS + " levels were not analysed"));
        }
        return new FileReport(report.findings(), notes, report.frontEnd(), report.analysed());
    }

    private FileReport analyze(IrFile ir, Extracted extracted) {
        if (extracted == null) return analyze(ir);
        if (!models.relevant(extracted.original() == null ? ir.text() : extracted.original())) {
            return new FileReport(List.of(), List.of(), ir.frontEnd(), true);
        }
        Node program = extracted.lowering() == null ? ir.program() : extracted.lowering().apply(ir.program());
        return analyzeRelevant(new IrFile(ir.relPath(), ir.text(), program, ir.lines(), ir.frontEnd()));
    }

    /** Runs the analysis on an already lowered file (any front end). */
    public FileReport analyze(IrFile ir) {
        if (!models.relevant(ir.text())) return new FileReport(List.of(), List.of(), ir.frontEnd(), true);
        return analyzeRelevant(ir);
    }

    private FileReport analyzeRelevant(IrFile ir) {
        Scopes scopes = Scopes.of(ir.program());
        Engine engine = new Engine(ir.program(), scopes, models, joins).run();
        Map<String, Finding> findings = new LinkedHashMap<>();
        LineIndex lines = ir.lines();

        for (Engine.SinkReport r : engine.reports()) {
            Fact.Taint t = r.taint();
            for (RuleMeta rule : taintRules) {
                if (!rule.sources().contains(t.kind()) || !reaches(rule, r.sink(), t.barriers())) continue;
                List<Trace.Step> steps = t.trace().steps();
                Trace.Step first = steps.get(0);
                String source = first.message() + " (line " + lines.line(first.at().start) + ")";
                String message = fill(rule.message(), Map.of("source", source, "sink", r.sink().label(), "detail", source));
                List<Step> trace = new ArrayList<>(steps.size());
                for (Trace.Step s : steps) trace.add(new Step(ir.relPath(), lines.region(s.at()), s.message()));
                add(findings, new Finding(rule.id(), rule.level(), ir.relPath(), lines.region(r.at()), message, trace, null));
            }
        }

        StructuralCheck.Context ctx = new StructuralCheck.Context(ir, scopes, engine, models);
        for (Map.Entry<String, StructuralCheck> c : CHECKS.entrySet()) {
            List<RuleMeta> rules = catalog.rules().values().stream().filter(r -> c.getKey().equals(r.check())).toList();
            if (rules.isEmpty()) continue;
            for (StructuralCheck.Hit h : c.getValue().run(ctx)) {
                for (RuleMeta rule : rules) {
                    String message = fill(rule.message(), h.placeholders());
                    List<Step> trace = new ArrayList<>(h.trace().size());
                    for (Trace.Step s : h.trace()) trace.add(new Step(ir.relPath(), lines.region(s.at()), s.message()));
                    add(findings, new Finding(rule.id(), rule.level(), ir.relPath(), lines.region(h.at()), message, trace, null));
                }
            }
        }
        List<Finding> out = new ArrayList<>(findings.values());
        out.sort(Finding.ORDER);
        return new FileReport(out, List.of(), ir.frontEnd(), true);
    }

    private static boolean reaches(RuleMeta rule, Models.Sink sink, Set<String> barriers) {
        if (barriers.contains("all")) return false;
        for (String k : sink.kinds()) if (rule.sinks().contains(k) && !barriers.contains(k)) return true;
        return false;
    }

    /** One finding per rule and start position: the first (a taint finding, with its trace) wins. */
    private static void add(Map<String, Finding> findings, Finding f) {
        findings.putIfAbsent(f.ruleId() + "@" + f.region().startLine() + ":" + f.region().startColumn(), f);
    }

    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) out = out.replace("{" + e.getKey() + "}", e.getValue());
        return out;
    }
}
