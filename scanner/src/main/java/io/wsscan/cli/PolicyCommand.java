/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.cli;

import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.inventory.Inventory;
import io.wsscan.policy.Csp;
import io.wsscan.policy.Policy;
import io.wsscan.report.JsonOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code wsscan policy}: the policy file's allowlist turned into controls that run outside wsscan. */
@Command(name = "policy", sortOptions = false, subcommands = PolicyCommand.CspCommand.class,
        description = "Turn the policy's allowlist into browser controls.",
        footer = {"", "Run 'wsscan policy csp --help' for the Content-Security-Policy it derives."})
final class PolicyCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        throw new UsageException("missing subcommand (choose csp)", "see 'wsscan policy --help'");
    }

    /** {@code wsscan policy csp}: the connect-src directive that allows exactly the allowed endpoints. */
    @Command(name = "csp", sortOptions = false,
            description = {"Print the Content-Security-Policy connect-src directive that lets the pages open exactly "
                    + "the WebSocket, SockJS, socket.io and EventSource connections of the scanned code that the "
                    + "policy's allowedHosts allow ('self' for same-origin addresses; loopback hosts as "
                    + "js/ws-untrusted-host treats them). Hosts outside the allowlist are left out, and addresses "
                    + "whose host is computed at run time are listed as needing a decision (on stderr; all of it in json)."},
            footer = {"", "Exit codes: 0 policy written; 2 usage or configuration error; 3 internal error."})
    static final class CspCommand implements Callable<Integer> {

        static final String HINT = "see 'wsscan policy csp --help'";
        private static final List<String> FORMATS = List.of("header", "meta", "directive", "json");

        @ParentCommand
        private PolicyCommand parent;

        @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to scan (default: .).")
        private List<Path> paths = new ArrayList<>();

        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "header",
                description = "header (the HTTP response header), meta (a <meta> element), directive (the value only) "
                        + "or json (sources with the code that needs each, refused hosts, undecided addresses) "
                        + "(default: ${DEFAULT-VALUE}).")
        private String format;

        @picocli.CommandLine.Mixin
        private DocumentOptions doc = new DocumentOptions();

        @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip paths matching GLOB (repeatable).")
        private List<String> excludes = new ArrayList<>();

        @Option(names = "--include-tests", description = "Also allow the connections of test, example, generated and vendored files.")
        private boolean includeTests;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        private boolean help;

        @Override
        public Integer call() throws IOException {
            if (!FORMATS.contains(format)) {
                throw new UsageException("unknown policy format '" + format + "' (choose " + String.join(", ", FORMATS) + ")", HINT);
            }
            List<Path> scanPaths = Inputs.scanPaths(paths, HINT);
            doc.check(HINT);
            Inputs.globs(excludes, "--exclude");
            Policy policy = doc.policy(Scanner.root(scanPaths));
            ScanResult result = new Scanner().scan(ScanOptions.builder().paths(scanPaths).excludes(excludes)
                    .policy(policy).includeTests(includeTests).cache(doc.cacheFolder(HINT)).build());
            Inventory inv = Inventory.of(result, policy.firstPartyHosts());
            // the pages' scripts as the scan recorded them (production pages unless --include-tests)
            Csp csp = Csp.of(inv, policy, includeTests).withPageScripts(inv.pageScripts().stream()
                    .filter(s -> includeTests || inv.classOf(s.page()).production()).toList());
            String text = switch (format) {
                case "meta" -> csp.meta() + "\n";
                case "directive" -> csp.directive() + "\n";
                case "json" -> json(csp, policy);
                default -> csp.header() + "\n";
            };
            doc.write(parent.main.out, w -> w.write(text));
            summary(csp, policy);
            return Main.OK;
        }

        private static String json(Csp csp, Policy policy) throws IOException {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("directive", csp.directive());
            doc.put("policyFile", policy.file() == null ? null : policy.file().toString());
            doc.put("allowlist", !policy.allowedHosts().isEmpty());
            doc.put("sources", csp.sources());
            doc.put("refusedHosts", csp.refused());
            doc.put("undecided", csp.undecided());
            doc.put("reservedHosts", csp.reserved());
            doc.put("pageScriptSources", csp.scripts());
            doc.put("pageScriptsWithoutIntegrity", csp.withoutIntegrity());
            StringWriter w = new StringWriter();
            JsonOutput.write(JsonOutput.writer(null), doc, w);
            return w.toString();
        }

        /** What was left out, on stderr: the directive alone does not say it. */
        private void summary(Csp csp, Policy policy) {
            var err = parent.main.err;
            if (policy.allowedHosts().isEmpty()) {
                err.println("wsscan: no allowedHosts in " + (policy.file() == null ? "a policy file" : policy.file())
                        + ": every host the code connects to is allowed");
            }
            csp.refused().forEach((host, where) -> err.println("wsscan: left out " + host + " (not in allowedHosts): " + String.join(", ", where)));
            csp.undecided().forEach((where, url) -> err.println("wsscan: needs a decision: " + where + " connects to " + url
                    + ", whose host is computed at run time"));
            csp.reserved().forEach((host, where) -> err.println("wsscan: left out " + host
                    + " (a reserved documentation/test host): " + String.join(", ", where)));
            csp.scripts().forEach((source, pages) -> err.println("wsscan: pages load scripts from " + source + ": "
                    + String.join(", ", pages) + " (script-src, not in the directive: it must also allow the pages' own scripts)"));
            if (!csp.withoutIntegrity().isEmpty()) {
                err.println("wsscan: " + csp.withoutIntegrity().size() + " external script" + (csp.withoutIntegrity().size() == 1 ? "" : "s")
                        + " without an integrity attribute: " + String.join("; ", csp.withoutIntegrity()));
            }
            err.println("wsscan: connect-src with " + csp.sources().size() + " source" + (csp.sources().size() == 1 ? "" : "s")
                    + ", " + csp.refused().size() + " host" + (csp.refused().size() == 1 ? "" : "s") + " left out, "
                    + csp.undecided().size() + " address" + (csp.undecided().size() == 1 ? "" : "es") + " undecided");
        }
    }
}
