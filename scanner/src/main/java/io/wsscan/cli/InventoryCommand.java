package io.wsscan.cli;

import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.inventory.Inventory;
import io.wsscan.inventory.InventoryReport;
import io.wsscan.policy.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code wsscan inventory}: every WebSocket client connection and server endpoint, and how they meet. */
@Command(name = "inventory", sortOptions = false,
        description = "List every WebSocket client connection and server endpoint, matched by path.",
        footer = {"", "Exit codes: 0 inventory written; 2 usage or configuration error; 3 internal error."})
final class InventoryCommand implements Callable<Integer> {

    static final String HINT = "see 'wsscan inventory --help'";

    @ParentCommand
    private Main main;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to scan (default: .).")
    private List<Path> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown or csv (default: ${DEFAULT-VALUE}).")
    private String format;

    @Mixin
    private DocumentOptions doc = new DocumentOptions();

    @Mixin
    private DependencyFlags deps = new DependencyFlags();


    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip paths matching GLOB (repeatable).")
    private List<String> excludes = new ArrayList<>();

    @Option(names = "--include-tests", description = "Treat test, example, generated and vendored files as production "
            + "code (no classification on their entries).")
    private boolean includeTests;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() throws IOException {
        InventoryReport report = InventoryReport.byName(format).orElseThrow(() -> new UsageException(
                "unknown inventory format '" + format + "' (choose " + String.join(", ", InventoryReport.names()) + ")", HINT));
        List<Path> scanPaths = Inputs.scanPaths(paths, HINT);
        doc.check(HINT);
        Inputs.globs(excludes, "--exclude");
        io.wsscan.deps.DependencyOptions dependencies = deps.options(HINT);
        Policy policy = doc.policy(Scanner.root(scanPaths));
        ScanOptions.Builder b = ScanOptions.builder().paths(scanPaths).excludes(excludes).policy(policy).includeTests(includeTests)
                .dependencies(dependencies)
                .cache(doc.cacheFolder(HINT));
        ScanResult result = new Scanner().scan(b.build());
        Inventory inv = Inventory.of(result, policy.firstPartyHosts());
        doc.write(main.out, w -> report.write(inv, w));
        return Main.OK;
    }
}
