package io.wsscan.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.CodeFlow;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.ThreadFlow;
import com.contrastsecurity.sarif.ThreadFlowLocation;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.wsscan.engine.Discovery;
import io.wsscan.engine.Classification;
import io.wsscan.engine.ScanResult;
import io.wsscan.findings.Finding;
import io.wsscan.findings.Notification;
import io.wsscan.findings.Region;
import io.wsscan.findings.Step;
import io.wsscan.rules.RuleMeta;
import io.wsscan.inventory.Endpoint;
import io.wsscan.inventory.Inventory;
import io.wsscan.inventory.InventoryReport;
import io.wsscan.inventory.PageScript;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * SARIF 2.1.0 for GitHub code scanning (docs/architecture.md, "Contracts the code keeps").
 *
 * <p>One run; {@code tool.driver.rules} lists every rule of the scan's catalog sorted by id (plus a
 * minimal descriptor for any rule id a finding uses that the catalog lacks, so {@code ruleIndex}
 * always resolves); one result per finding in {@link Finding#ORDER}, each with one location relative
 * to {@code %SRCROOT%}, a four-field region, a {@code primaryLocationLineHash} and, for taint findings,
 * one code flow with inline thread-flow locations; suppressed findings stay with an {@code inSource}
 * suppression. Files that were not analysed become {@code invocations[0].toolExecutionNotifications}.
 *
 * <p>The output depends only on the scan result and the files it names: no timestamps, no absolute
 * paths except {@code run.originalUriBaseIds}, members in a fixed order, map keys sorted.
 */
public final class SarifReport {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String INFORMATION_URI = io.wsscan.rules.RuleDocs.REPOSITORY;
    public static final String TOOL_NAME = "wsscan";
    /** The category used when none is given; GitHub reads the category up to the last '/'. */
    public static final String DEFAULT_CATEGORY = "wsscan/";
    public static final String SRCROOT = "%SRCROOT%";
    public static final String LINE_HASH = "primaryLocationLineHash";
    /** GitHub rejects runs with more results than this. */
    public static final int MAX_RESULTS = 25_000;
    /** GitHub rejects rules with more tags than this. */
    public static final int MAX_TAGS = 20;
    /** GitHub rejects results with more thread-flow locations than this. */
    public static final int MAX_THREAD_FLOW_LOCATIONS = 10_000;
    /** Notification id used when results had to be left out to stay within {@link #MAX_RESULTS}. */
    public static final String RESULTS_CAPPED = "results-capped";
    /** Notification id, and the invocation property listing them, of analysed files that parse recovery skipped lines of. */
    public static final String PARTLY_READ = "partly-read";
    public static final String PARTLY_READ_PROPERTY = "partlyRead";
    /** Notification id saying how many suppressed findings were left out of the results. */
    public static final String SUPPRESSED_LEFT_OUT = "suppressed-left-out";

    private static final int MAX_DESCRIPTION = 1024;
    private static final int MAX_RULE_NAME = 255;
    private static final ObjectWriter WRITER = JsonOutput.writer(new ExplicitMembersOnly());

    private SarifReport() {
    }

    /**
     * Writes the SARIF log for {@code scan} to {@code out} (flushed, not closed). {@code category}
     * becomes {@code automationDetails.id}; null or blank means {@link #DEFAULT_CATEGORY}.
     */
    public static void write(ScanResult scan, String category, Writer out) throws IOException {
        write(scan, category, null, out);
    }

    /**
     * {@link #write(ScanResult, String, Writer)} with the endpoint inventory as {@code note} results
     * under {@link #INVENTORY_RULE} (null: no inventory).
     */
    public static void write(ScanResult scan, String category, Inventory inventory, Writer out) throws IOException {
        write(scan, category, inventory, false, out);
    }

    /**
     * {@link #write(ScanResult, String, Inventory, Writer)}; {@code includeSuppressed} keeps suppressed findings as
     * results with {@code suppressions}. GitHub code scanning ignores {@code suppressions} (it is not in the SARIF
     * subset it reads) and would open an alert for each, so by default they are left out and counted in a
     * {@link #SUPPRESSED_LEFT_OUT} notification.
     */
    public static void write(ScanResult scan, String category, Inventory inventory, boolean includeSuppressed, Writer out)
            throws IOException {
        JsonOutput.write(WRITER, new Builder(scan, inventory, includeSuppressed).log(automationId(category)), out);
    }

    /** The SARIF log as java-sarif objects, for callers that post-process it (e.g. baselines). */
    public static SarifSchema210 build(ScanResult scan, String category) {
        return build(scan, category, null);
    }

    public static SarifSchema210 build(ScanResult scan, String category, Inventory inventory) {
        return new Builder(scan, inventory, false).log(automationId(category));
    }

    /** Rule id of inventory results. */
    public static final String INVENTORY_RULE = "inventory/ws-endpoint";
    /** Rule id of the inventory's page scripts. */
    public static final String PAGE_SCRIPT_RULE = "inventory/page-script";

    /**
     * {@code automationDetails.id} for a category, as GitHub's upload action forms it: the category
     * with a trailing '/' (so all of it is the category and the run id is empty).
     */
    public static String automationId(String category) {
        String c = category == null ? "" : category.trim();
        if (c.isEmpty()) return DEFAULT_CATEGORY;
        return c.endsWith("/") ? c : c + "/";
    }

    /**
     * A relative path ('/' separators, as discovery gives them) as a SARIF relative URI reference: every
     * character that may not appear in a URI path segment (or could be read as a scheme, such as ':')
     * percent-encoded from UTF-8 (RFC 3986). A backslash is part of a file name on Linux, so it is
     * encoded as {@code %5C}, never read as a separator.
     */
    public static String relativeUri(String path) {
        String p = path;
        while (p.startsWith("./")) p = p.substring(2);
        StringBuilder sb = new StringBuilder(p.length() + 8);
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isPathChar(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    /** The scan root as an absolute {@code file:} URI ending in '/', symbolic links resolved. */
    public static String rootUri(Path root) {
        Path p = root.toAbsolutePath().normalize();
        try {
            p = p.toRealPath();
        } catch (IOException e) {
            // keep the normalized path: the root may be gone by the time a report is rewritten
        }
        String s = p.toUri().toString();
        return s.endsWith("/") ? s : s + "/";
    }

    private static boolean isPathChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
    }

    /**
     * Builds one log. Results are built in {@link Finding#ORDER}, file by file, so keeping the line
     * hashes of the current file only still reads and hashes every file once.
     */
    private static final class Builder {
        private final ScanResult scan;
        private final Inventory inventory;
        private final boolean includeSuppressed;
        /** The scan root relative to %SRCROOT% (the repository's top), '/'-terminated, or "". */
        private final String prefix;
        private final Map<String, Integer> ruleIndex = new HashMap<>();
        /** Lines of the files messages link into, and analysed files by name (for "Name.java line 12"). */
        /** The scanned files' text, read once for message links, line hashes and fingerprints. */
        private final SourceLines source;
        private Map<String, List<String>> analysedByName;
        private String hashedFile;
        private List<String> hashes = List.of();

        Builder(ScanResult scan, Inventory inventory, boolean includeSuppressed) {
            this.scan = scan;
            this.inventory = inventory;
            this.includeSuppressed = includeSuppressed;
            this.prefix = scan.sourcePrefix();
            this.source = new SourceLines(scan.root());
        }

        SarifSchema210 log(String automationId) {
            List<Finding> findings = new ArrayList<>(scan.findings());
            findings.sort(Finding.ORDER);
            // numbered over every finding, suppressed ones too, as a --baseline-ref scan numbers them, so that
            // neither leaving suppressed results out nor capping renumbers identical ones
            List<String> prints = Fingerprints.compute(source, findings);
            Map<Finding, String> fingerprint = new java.util.IdentityHashMap<>();
            for (int i = 0; i < findings.size(); i++) fingerprint.put(findings.get(i), prints.get(i));
            int suppressedLeftOut = 0;
            if (!includeSuppressed) {
                int before = findings.size();
                findings.removeIf(Finding::suppressed);
                suppressedLeftOut = before - findings.size();
            }
            List<Notification> notifications = new ArrayList<>(scan.notifications());
            notifications.sort(Notification.ORDER);

            List<ReportingDescriptor> rules = rules(findings);
            List<Finding> kept = capped(findings, MAX_RESULTS);
            List<Result> results = new ArrayList<>(kept.size());
            for (Finding f : kept) results.add(result(f, fingerprint.get(f)));
            if (inventory != null) {
                List<Endpoint> all = new ArrayList<>(inventory.clients());
                all.addAll(inventory.servers());
                all.sort(Endpoint.ORDER);
                for (Endpoint e : all) {
                    if (results.size() >= MAX_RESULTS) break;
                    results.add(inventoryResult(e));
                }
                for (PageScript s : inventory.pageScripts()) {
                    if (results.size() >= MAX_RESULTS) break;
                    results.add(pageScriptResult(s));
                }
            }

            List<com.contrastsecurity.sarif.Notification> toolNotes = new ArrayList<>();
            for (Notification n : notifications) toolNotes.add(notification(n));
            if (kept.size() < findings.size()) toolNotes.add(cappedNotification(findings.size(), kept.size()));
            if (!scan.partlyRead().isEmpty()) toolNotes.add(partlyReadNotification(scan.partlyRead().size()));
            if (suppressedLeftOut > 0) toolNotes.add(suppressedNotification(suppressedLeftOut));

            Invocation invocation = new Invocation().withExecutionSuccessful(true);
            if (!toolNotes.isEmpty()) invocation.setToolExecutionNotifications(toolNotes);
            Map<String, String> frontEnds = scan.frontEnds() == null ? Map.of() : scan.frontEnds();
            PropertyBag props = new PropertyBag();
            if (!frontEnds.isEmpty()) props.setAdditionalProperty("frontEnds", new TreeMap<>(frontEnds));
            if (!scan.partlyRead().isEmpty()) props.setAdditionalProperty(PARTLY_READ_PROPERTY, scan.partlyRead());
            if (!props.getAdditionalProperties().isEmpty()) invocation.setProperties(props);

            Run run = new Run()
                    .withTool(new Tool().withDriver(driver(rules)))
                    .withInvocations(List.of(invocation))
                    .withResults(results)
                    .withAutomationDetails(new RunAutomationDetails().withId(automationId))
                    .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS);
            run.setLanguage(null);          // java-sarif defaults, not ours
            run.setNewlineSequences(null);
            if (scan.root() != null) {
                OriginalUriBaseIds bases = new OriginalUriBaseIds();
                Path base = scan.sourceRoot() != null && prefix.length() > 0 ? scan.sourceRoot() : scan.root();
                bases.setAdditionalProperty(SRCROOT, new ArtifactLocation().withUri(rootUri(base))
                        .withIndex(null));
                run.setOriginalUriBaseIds(bases);
            }
            return new SarifSchema210()
                    .with$schema(URI.create(SCHEMA_URI))
                    .withVersion(SarifSchema210.Version._2_1_0)
                    .withRuns(List.of(run));
        }

        private ToolComponent driver(List<ReportingDescriptor> rules) {
            ToolComponent driver = new ToolComponent()
                    .withName(TOOL_NAME)
                    .withSemanticVersion(Version.get())
                    .withVersion(Version.get())
                    .withInformationUri(URI.create(INFORMATION_URI))
                    .withRules(new LinkedHashSet<>(rules));
            driver.setLanguage(null);
            driver.setContents(null);
            driver.setIsComprehensive(null);
            return driver;
        }

        /** The catalog's rules by id, then descriptors for ids only findings mention; fills ruleIndex. */
        private List<ReportingDescriptor> rules(List<Finding> findings) {
            Map<String, RuleMeta> catalog = scan.catalog().rules();
            Set<String> ids = new TreeSet<>(catalog.keySet());
            for (Finding f : findings) ids.add(f.ruleId());
            if (inventory != null) ids.add(INVENTORY_RULE);
            if (inventory != null && !inventory.pageScripts().isEmpty()) ids.add(PAGE_SCRIPT_RULE);
            List<ReportingDescriptor> out = new ArrayList<>(ids.size());
            for (String id : ids) {
                ruleIndex.put(id, out.size());
                RuleMeta meta = catalog.get(id);
                if (meta == null && (id.equals(INVENTORY_RULE) || id.equals(PAGE_SCRIPT_RULE)) && inventory != null) out.add(inventoryRule(id));
                else out.add(meta != null ? descriptor(meta) : unknownRule(id));
            }
            return out;
        }

        private static ReportingDescriptor descriptor(RuleMeta r) {
            ReportingDescriptor d = descriptorOf(r);
            // a page exists for the built-in rule only (a user ruleset may replace a rule under its id)
            if (r.equals(builtinRules().get(r.id()))) d.setHelpUri(URI.create(io.wsscan.rules.RuleDocs.uri(r.id())));
            return d;
        }

        private static ReportingDescriptor descriptorOf(RuleMeta r) {
            PropertyBag props = new PropertyBag().withTags(tags(r));
            Map<String, List<String>> compliance = new TreeMap<>(r.compliance());
            if (!compliance.isEmpty()) props.setAdditionalProperty("compliance", compliance);
            props.setAdditionalProperty("precision", r.precision());
            props.setAdditionalProperty("problem.severity", problemSeverity(r.level()));
            props.setAdditionalProperty("security-severity", r.securitySeverity());
            return new ReportingDescriptor()
                    .withId(r.id())
                    .withName(clip(r.name(), MAX_RULE_NAME))
                    .withShortDescription(new MultiformatMessageString()
                            .withText(clip(r.shortDescription(), MAX_DESCRIPTION)))
                    .withFullDescription(new MultiformatMessageString()
                            .withText(clip(r.fullDescription(), MAX_DESCRIPTION)))
                    .withDefaultConfiguration(configuration(r.level()))
                    .withHelp(new MultiformatMessageString().withText(r.helpText()).withMarkdown(r.helpMarkdown()))
                    .withProperties(props);
        }

        /** The inventory rule, described by its data file in the rulesets. */
        private static ReportingDescriptor inventoryRule(String id) {
            com.fasterxml.jackson.databind.JsonNode d = inventoryRuleData(id);
            PropertyBag props = new PropertyBag().withTags(new LinkedHashSet<>(id.equals(PAGE_SCRIPT_RULE)
                    ? List.of("inventory", "scripts") : List.of("inventory", "websocket")));
            props.setAdditionalProperty("precision", "high");
            props.setAdditionalProperty("problem.severity", "recommendation");
            return new ReportingDescriptor()
                    .withId(id)
                    .withName(d.path("name").asText())
                    .withShortDescription(new MultiformatMessageString().withText(d.path("shortDescription").asText()))
                    .withFullDescription(new MultiformatMessageString().withText(clip(d.path("fullDescription").asText(), MAX_DESCRIPTION)))
                    .withDefaultConfiguration(configuration(Finding.Level.NOTE))
                    .withHelp(new MultiformatMessageString().withText(d.path("help").asText())
                            .withMarkdown(d.path("help").asText()))
                    .withProperties(props);
        }

        private Result inventoryResult(Endpoint e) {
            StringBuilder text = new StringBuilder();
            if (e.isClient()) {
                text.append("WebSocket client connection (").append(e.framework()).append(") to ")
                        .append(InventoryReport.target(e)).append(": ").append(e.party().id());
            } else {
                text.append("WebSocket server endpoint (").append(e.framework()).append(") at ")
                        .append(InventoryReport.target(e));
                if (e.handler() != null) text.append(", handler ").append(e.handler());
                if (e.originPolicy() != null) text.append(", origin policy ").append(e.originPolicy().id());
            }
            if (!e.auth().isEmpty()) text.append("; auth: ").append(String.join(", ", e.auth()));
            if (!e.sends().isEmpty()) text.append("; sends: ").append(String.join(", ", e.sends()));
            if (e.pkg() != null) text.append("; in package ").append(InventoryReport.packageText(e.pkg()));
            text.append('.');
            return inventoryNote(INVENTORY_RULE, text.toString(), e.file(), e.region(), "endpoint",
                    InventoryReport.json(e, inventory.classOf(e)));
        }

        private Result pageScriptResult(PageScript s) {
            String text = "Page script " + s.src() + " (" + InventoryReport.scriptDetail(inventory, s)
                    + (s.payment() == null ? "" : "; payment page: " + s.payment()) + ").";
            return inventoryNote(PAGE_SCRIPT_RULE, text, s.page(), s.region(), "pageScript", InventoryReport.json(inventory, s));
        }

        /** An inventory entry as a note result of its inventory rule, with its JSON under {@code property}. */
        private Result inventoryNote(String rule, String text, String file, Region region, String property, Map<String, Object> entry) {
            Result r = new Result()
                    .withRuleId(rule)
                    .withRuleIndex(ruleIndex.get(rule))
                    .withLevel(Result.Level.NOTE)
                    .withMessage(new Message().withText(text))
                    .withLocations(List.of(location(file, region, null)));
            r.setKind(null);
            r.setRank(null);
            String hash = lineHash(file, region.startLine());
            if (hash != null) r.setPartialFingerprints(new PartialFingerprints().withAdditionalProperty(LINE_HASH, hash));
            PropertyBag props = new PropertyBag();
            props.setAdditionalProperty(property, new TreeMap<>(entry));
            r.setProperties(props);
            return r;
        }

        /** A finding names a rule the catalog does not know: describe it just enough to be valid. */
        private static ReportingDescriptor unknownRule(String id) {
            String text = "Rule " + id + " (not in the rule catalog of this scan).";
            return new ReportingDescriptor()
                    .withId(id)
                    .withShortDescription(new MultiformatMessageString().withText(text))
                    .withFullDescription(new MultiformatMessageString().withText(text))
                    .withHelp(new MultiformatMessageString().withText(text));
        }

        /** The rule's own tags (declared order), then one per compliance requirement; at most 20. */
        private static Set<String> tags(RuleMeta r) {
            Set<String> tags = new LinkedHashSet<>();
            for (String t : r.tags()) {
                if (!t.isBlank()) tags.add(t.trim());
            }
            Set<String> compliance = new TreeSet<>();
            r.compliance().forEach((standard, ids) -> ids.forEach(id ->
                    compliance.add(("compliance/" + standard.trim() + "/" + id.trim()).toLowerCase(Locale.ROOT))));
            tags.addAll(compliance);
            Set<String> out = new LinkedHashSet<>();
            for (String t : tags) {
                if (out.size() == MAX_TAGS) break;
                out.add(t);
            }
            return out.isEmpty() ? null : out;
        }

        private static String problemSeverity(Finding.Level level) {
            return level == Finding.Level.NOTE ? "recommendation" : level.sarifName();
        }

        private static ReportingConfiguration configuration(Finding.Level level) {
            return new ReportingConfiguration()
                    .withLevel(ReportingConfiguration.Level.fromValue(level.sarifName()))
                    .withEnabled(null)
                    .withRank(null);
        }

        private Result result(Finding f, String fingerprint) {
            String text = f.message();
            if (text == null || text.isBlank()) {
                RuleMeta meta = scan.catalog().rule(f.ruleId());
                text = meta != null ? meta.shortDescription() : f.ruleId();
            }
            MessageLinks.Linked linked = MessageLinks.link(text, (named, line) -> linkTarget(f.file(), named, line));
            Result r = new Result()
                    .withRuleId(f.ruleId())
                    .withRuleIndex(ruleIndex.get(f.ruleId()))
                    .withLevel(Result.Level.fromValue(f.level().sarifName()))
                    .withMessage(new Message().withText(linked.text()))
                    .withLocations(List.of(location(f.file(), f.region(), null)));
            r.setKind(null);
            r.setRank(null);
            if (!linked.targets().isEmpty()) r.setRelatedLocations(relatedLocations(linked.targets()));
            PartialFingerprints prints = new PartialFingerprints();
            String hash = lineHash(f.file(), f.region().startLine());
            if (hash != null) prints.setAdditionalProperty(LINE_HASH, hash);
            if (fingerprint != null) prints.setAdditionalProperty(Fingerprints.KEY, fingerprint);
            if (!prints.getAdditionalProperties().isEmpty()) r.setPartialFingerprints(prints);
            if (!f.trace().isEmpty()) r.setCodeFlows(List.of(codeFlow(f.trace())));
            if (f.suppressed()) {
                // line 0: an ignore entry of the policy file, not a comment in the source
                Suppression s = new Suppression().withKind(f.suppression().line() == 0
                        ? Suppression.Kind.EXTERNAL : Suppression.Kind.IN_SOURCE);
                String reason = f.suppression().reason();
                if (reason != null && !reason.isBlank()) s.setJustification(reason.trim());
                r.setSuppressions(new LinkedHashSet<>(List.of(s)));
            }
            Classification.Kind kind = scan.classOf(f.file());
            if (!kind.production()) {
                // test, example, generated or vendored code: a tag to filter by, and the class by name
                PropertyBag props = new PropertyBag().withTags(new LinkedHashSet<>(List.of(kind.id())));
                props.setAdditionalProperty("classification", kind.id());
                r.setProperties(props);
            }
            return r;
        }

        /** The locations the message links to, with ids 1, 2, ...: each a whole line, from its first non-blank character. */
        private Set<Location> relatedLocations(List<MessageLinks.Target> targets) {
            Set<Location> out = new LinkedHashSet<>();
            for (int i = 0; i < targets.size(); i++) {
                MessageLinks.Target t = targets.get(i);
                String text = lines(t.file()).get(t.line() - 1);
                int start = 1;
                while (start <= text.length() && Character.isWhitespace(text.charAt(start - 1))) start++;
                if (start > text.length()) start = 1;
                Region line = new Region(t.line(), start, t.line(), Math.max(start, text.length() + 1));
                out.add(location(t.file(), line, null).withId(i + 1));
            }
            return out;
        }

        /**
         * The file (scan-relative) a message's "FILE line N" names, {@code own} when it names none, or null when it
         * cannot be told (a name several analysed files have) or the line is not in the file.
         */
        private String linkTarget(String own, String named, int line) {
            String file = named == null ? own : named.contains("/") ? named : byName(own, named);
            if (file == null) return null;
            List<String> lines = lines(file);
            return line >= 1 && line <= lines.size() ? file : null;
        }

        /** A bare file name in a message: the finding's own file, one beside it, or the one analysed file of that name. */
        private String byName(String own, String name) {
            if (own.equals(name) || own.endsWith("/" + name)) return own;
            String beside = own.substring(0, own.lastIndexOf('/') + 1) + name;
            if (!lines(beside).isEmpty()) return beside;
            if (analysedByName == null) {
                analysedByName = new HashMap<>();
                for (String f : scan.analysedFiles()) {
                    analysedByName.computeIfAbsent(f.substring(f.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(f);
                }
            }
            List<String> candidates = analysedByName.getOrDefault(name, List.of());
            return candidates.size() == 1 ? candidates.get(0) : null;
        }

        /** The lines of a file under the scan root (empty when it is not there or not readable). */
        private List<String> lines(String file) {
            List<String> l = source.lines(file);
            return l == null ? List.of() : l;
        }

        private CodeFlow codeFlow(List<Step> trace) {
            List<ThreadFlowLocation> steps = new ArrayList<>();
            for (Step s : trace.subList(0, Math.min(trace.size(), MAX_THREAD_FLOW_LOCATIONS))) {
                ThreadFlowLocation t = new ThreadFlowLocation()
                        .withLocation(location(s.file(), s.region(), s.message()))
                        .withIndex(null)
                        .withExecutionOrder(null)
                        .withImportance(null);
                steps.add(t);
            }
            return new CodeFlow().withThreadFlows(List.of(new ThreadFlow().withLocations(steps)));
        }

        private Location location(String file, Region region, String message) {
            PhysicalLocation physical = new PhysicalLocation().withArtifactLocation(artifact(file));
            if (region != null) physical.setRegion(region(region));
            Location l = new Location().withPhysicalLocation(physical).withId(null);
            if (message != null && !message.isBlank()) l.setMessage(new Message().withText(message));
            return l;
        }

        /** A scan-relative path as a URI relative to %SRCROOT%. */
        private ArtifactLocation artifact(String file) {
            return new ArtifactLocation().withUri(relativeUri(prefix + file)).withUriBaseId(SRCROOT).withIndex(null);
        }

        /** All four of start/end line/column (GitHub wants them); out-of-range values are clamped. */
        private static com.contrastsecurity.sarif.Region region(Region r) {
            int startLine = Math.max(1, r.startLine());
            int startColumn = Math.max(1, r.startColumn());
            int endLine = Math.max(startLine, r.endLine());
            int endColumn = Math.max(1, r.endColumn());
            if (endLine == startLine) endColumn = Math.max(startColumn, endColumn);
            return new com.contrastsecurity.sarif.Region()
                    .withStartLine(startLine).withStartColumn(startColumn)
                    .withEndLine(endLine).withEndColumn(endColumn)
                    .withCharOffset(null).withByteOffset(null);
        }

        /** The line hash of {@code line} in {@code file}, or null when the file cannot be read. */
        private String lineHash(String file, int line) {
            if (!file.equals(hashedFile)) {
                hashedFile = file;
                hashes = hashFile(file);
            }
            return line >= 1 && line <= hashes.size() ? hashes.get(line - 1) : null;
        }

        private List<String> hashFile(String file) {
            // without the text there is no fingerprint; GitHub's upload action computes none either
            String text = source.text(file);
            return text == null ? List.of() : LineHashes.compute(text);
        }

        private com.contrastsecurity.sarif.Notification notification(Notification n) {
            boolean skipped = n.fileSkipped();
            String reason = n.message() == null || n.message().isBlank() ? n.kind() : n.message().trim();
            String text = skipped ? "File not analysed (" + n.kind() + "): " + reason : reason;
            com.contrastsecurity.sarif.Notification out = new com.contrastsecurity.sarif.Notification()
                    .withLevel(skipped || io.wsscan.findings.Suppressions.NOTE_KIND.equals(n.kind()) ? com.contrastsecurity.sarif.Notification.Level.WARNING
                            : com.contrastsecurity.sarif.Notification.Level.NOTE)
                    .withMessage(new Message().withText(text))
                    .withDescriptor(new ReportingDescriptorReference().withId(n.kind()).withIndex(null));
            if (n.file() != null && !n.file().isBlank()) {
                // an undecodable name is already its bytes percent-encoded; ':' could still read as a scheme
                ArtifactLocation where = n.kind().equals(Discovery.UNREADABLE_NAME)
                        ? new ArtifactLocation().withUri(relativeUri(prefix) + n.file().replace(":", "%3A")).withUriBaseId(SRCROOT).withIndex(null)
                        : artifact(n.file());
                PhysicalLocation physical = new PhysicalLocation().withArtifactLocation(where);
                if (n.line() > 0) {
                    com.contrastsecurity.sarif.Region region = new com.contrastsecurity.sarif.Region()
                            .withStartLine(n.line()).withCharOffset(null).withByteOffset(null);
                    if (n.column() > 0) region.setStartColumn(n.column());
                    physical.setRegion(region);
                }
                out.setLocations(new LinkedHashSet<>(List.of(new Location().withPhysicalLocation(physical).withId(null))));
            }
            return out;
        }

        /** A notification about the whole run (no location). */
        private static com.contrastsecurity.sarif.Notification runNote(com.contrastsecurity.sarif.Notification.Level level,
                                                                       String id, String text) {
            return new com.contrastsecurity.sarif.Notification()
                    .withLevel(level)
                    .withMessage(new Message().withText(text))
                    .withDescriptor(new ReportingDescriptorReference().withId(id).withIndex(null));
        }

        private static com.contrastsecurity.sarif.Notification partlyReadNotification(int files) {
            String text = files + (files == 1 ? " analysed file was" : " analysed files were") + " only partly read:"
                    + " the parser's error recovery skipped lines that may hold code no rule saw. The info"
                    + " notifications name the lines; the invocation property partlyRead lists the files.";
            return runNote(com.contrastsecurity.sarif.Notification.Level.WARNING, PARTLY_READ, text);
        }

        private static com.contrastsecurity.sarif.Notification suppressedNotification(int n) {
            String text = n + (n == 1 ? " suppressed finding was" : " suppressed findings were") + " left out of the results:"
                    + " GitHub code scanning does not read SARIF suppressions and would open an alert for each."
                    + " --include-suppressed keeps them (with their suppressions); the JSON report lists them.";
            return runNote(com.contrastsecurity.sarif.Notification.Level.NOTE, SUPPRESSED_LEFT_OUT, text);
        }

        private static com.contrastsecurity.sarif.Notification cappedNotification(int total, int kept) {
            String text = (total - kept) + " of " + total + " results were left out of this run: GitHub code"
                    + " scanning accepts at most " + MAX_RESULTS + " results per run. Unsuppressed results"
                    + " and higher levels were kept first; the JSON report has all of them.";
            return runNote(com.contrastsecurity.sarif.Notification.Level.WARNING, RESULTS_CAPPED, text);
        }
    }

    private static final Map<String, com.fasterxml.jackson.databind.JsonNode> inventoryData = new HashMap<>();

    /** The data file of an inventory rule ({@code inventory/ws-endpoint} -> {@code wsscan/inventory/ws-endpoint.yml}). */
    private static synchronized com.fasterxml.jackson.databind.JsonNode inventoryRuleData(String id) {
        return inventoryData.computeIfAbsent(id, k -> io.wsscan.rules.Compliance.builtinYaml("wsscan/" + k + ".yml"));
    }

    private static Map<String, RuleMeta> builtinRules;

    /** The built-in rules, whose pages {@code helpUri} links to. */
    private static synchronized Map<String, RuleMeta> builtinRules() {
        if (builtinRules == null) builtinRules = io.wsscan.rules.RuleCatalog.builtin().rules();
        return builtinRules;
    }

    /**
     * At most {@code max} findings: unsuppressed before suppressed, errors before warnings before
     * notes, then in output order; returned in output order.
     */
    static List<Finding> capped(List<Finding> sorted, int max) {
        if (sorted.size() <= max) return sorted;
        List<Integer> order = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) order.add(i);
        order.sort(Comparator.<Integer>comparingInt(i -> sorted.get(i).suppressed() ? 1 : 0)
                .thenComparingInt(i -> sorted.get(i).level().ordinal())
                .thenComparingInt(i -> i));
        boolean[] keep = new boolean[sorted.size()];
        for (int i = 0; i < max; i++) keep[order.get(i)] = true;
        List<Finding> out = new ArrayList<>(max);
        for (int i = 0; i < sorted.size(); i++) {
            if (keep[i]) out.add(sorted.get(i));
        }
        return out;
    }

    private static String clip(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "\u2026";
    }

    /**
     * java-sarif marks its classes {@code @JsonInclude(NON_DEFAULT)}, which silently drops members that
     * equal the schema's default (a {@code warning} result under an {@code error} rule would lose its
     * level). Print every non-null member instead; the builder clears the defaults it does not want.
     */
    private static final class ExplicitMembersOnly extends JacksonAnnotationIntrospector {
        private static final String SARIF_PACKAGE = "com.contrastsecurity.sarif";

        @Override
        public JsonInclude.Value findPropertyInclusion(Annotated a) {
            if (a instanceof AnnotatedClass c && SARIF_PACKAGE.equals(c.getRawType().getPackageName())) {
                return JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL);
            }
            return super.findPropertyInclusion(a);
        }
    }
}
