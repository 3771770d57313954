package io.wsscan.cli;

import io.wsscan.engine.ScanOptions;
import io.wsscan.engine.ScanResult;
import io.wsscan.engine.Scanner;
import io.wsscan.policy.Policy;
import io.wsscan.report.ComplianceReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    private Path output;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Policy file (default: .wsscan.yml at the scan root, when present).")
    private Path config;

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
        if (output != null) Inputs.checkWritable(output);
        Inputs.config(config, HINT);
        Path scanRoot = Scanner.root(scanPaths);
        Policy policy = Policy.find(config, scanRoot, Scanner.workTreeTop(scanRoot));
        ScanResult result = new Scanner().scan(ScanOptions.builder().paths(scanPaths).policy(policy).includeTests(includeTests).build());
        boolean markdown = f.equals("markdown");
        if (output == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(main.out, StandardCharsets.UTF_8));
            ComplianceReport.write(result, markdown, w);
            w.flush();
        } else {
            Inputs.createParent(output);
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                ComplianceReport.write(result, markdown, w);
            } catch (IOException e) {
                throw new UsageException("cannot write " + output + ": " + Main.firstLine(e.getMessage()));
            }
        }
        return Main.OK;
    }
}
