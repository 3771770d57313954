package io.wsscan.cli;

import io.wsscan.rules.RuleCatalog;
import io.wsscan.rules.RuleMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code wsscan explain RULE_ID}: the rule's help (Markdown). */
@Command(name = "explain", description = "Print a rule's help: what it finds, why it matters, how to fix it.",
        sortOptions = false)
final class ExplainCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Parameters(index = "0", paramLabel = "RULE_ID", description = "A rule id, e.g. js/ws-message-xss.")
    private String ruleId;

    @Option(names = "--ruleset", paramLabel = "FILE", description = "Also load this ruleset file (repeatable).")
    private List<Path> rulesets = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        RuleCatalog catalog = RuleCatalog.load(Inputs.rulesets(rulesets));
        RuleMeta r = catalog.rule(ruleId.trim());
        if (r == null) throw new UsageException("unknown rule id '" + ruleId + "'", "see 'wsscan rules'");
        String md = r.helpMarkdown();
        main.out.print(md.endsWith("\n") ? md : md + "\n");
        main.out.flush();
        return Main.OK;
    }
}
