package io.wsscan.cli;

import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.policy.Policy;
import io.wsscan.report.ComplianceReport;
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
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code wsscan report --compliance}: scan, then print findings grouped by compliance requirement. */
@Command(name = "report", sortOptions = false,
        description = "Scan and print a report view: --compliance groups findings by PCI DSS, HIPAA and ASVS requirement.",
        footer = {"", "Exit codes: 0 report written; 2 usage or configuration error; 3 internal error."})
final class ReportCommand implements Callable<Integer> {

    static final String HINT = "see 'wsscan report --help'";

    @ParentCommand
    private Main main;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to scan (default: .).")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--compliance", description = "Findings by compliance requirement, with counts and titles.")
    private boolean compliance;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or markdown (default: ${DEFAULT-VALUE}).")
    private String format;

    @Mixin
    private DocumentOptions doc = new DocumentOptions();


    @Option(names = "--include-tests", description = "Treat test, example, generated and vendored files as production "
            + "code: their findings keep their level (by default they are notes).")
    private boolean includeTests;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() throws IOException {
        if (!compliance) throw new UsageException("choose a report view: --compliance", HINT);
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("markdown")) {
            throw new UsageException("unknown report format '" + format + "' (choose text or markdown)", HINT);
        }
        List<Path> scanPaths = Inputs.scanPaths(paths, HINT);
        doc.check(HINT);
        Policy policy = doc.policy(Scanner.root(scanPaths));
        ScanResult result = new Scanner().scan(ScanOptions.builder().paths(scanPaths).policy(policy).includeTests(includeTests)
                .cache(doc.cacheFolder(HINT)).build());
        boolean markdown = f.equals("markdown");
        doc.write(main.out, w -> ComplianceReport.write(result, markdown, w));
        return Main.OK;
    }
}
