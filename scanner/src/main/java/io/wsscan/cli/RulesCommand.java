package io.wsscan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.rules.RuleMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code wsscan rules}: the rules in force, as a table, JSON or a Markdown table. */
@Command(name = "rules", description = "List the rules: id, level, security severity, precision, CWE, description.",
        sortOptions = false)
final class RulesCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = "--ruleset", paramLabel = "FILE", description = "Also load this ruleset file (repeatable).")
    private List<Path> rulesets = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() throws Exception {
        String f = format.toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "markdown").contains(f)) {
            throw new UsageException("unknown format '" + format + "' for rules (choose text, json or markdown)",
                    "see 'wsscan rules --help'");
        }
        RuleCatalog catalog = RuleCatalog.load(Inputs.rulesets(rulesets));
        List<RuleMeta> rules = List.copyOf(catalog.rules().values());
        switch (f) {
            case "json" -> main.out.print(json(rules));
            case "markdown" -> main.out.print(markdown(rules));
            default -> main.out.print(text(rules));
        }
        main.out.flush();
        return Main.OK;
    }

    static String json(List<RuleMeta> rules) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode arr = m.createArrayNode();
        for (RuleMeta r : rules) {
            ObjectNode o = arr.addObject();
            o.put("id", r.id());
            o.put("name", r.name());
            o.put("level", r.level().sarifName());
            o.put("securitySeverity", r.securitySeverity());
            o.put("precision", r.precision());
            o.put("kind", r.kind());
            r.cwes().forEach(o.putArray("cwe")::add);
            r.tags().forEach(o.putArray("tags")::add);
            ObjectNode comp = o.putObject("compliance");
            r.compliance().forEach((k, v) -> v.forEach(comp.putArray(k)::add));
            o.put("shortDescription", r.shortDescription());
            o.put("fullDescription", r.fullDescription());
        }
        return m.writeValueAsString(arr) + "\n";
    }

    static String markdown(List<RuleMeta> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Rule | Level | Security severity | Precision | CWE | Description |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (RuleMeta r : rules) {
            sb.append("| `").append(r.id()).append("` | ").append(r.level().sarifName()).append(" | ")
                    .append(r.securitySeverity()).append(" | ").append(r.precision()).append(" | ")
                    .append(String.join(", ", r.cwes())).append(" | ")
                    .append(r.shortDescription().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    static String text(List<RuleMeta> rules) {
        String[] head = {"ID", "LEVEL", "SEVERITY", "PRECISION", "CWE", "DESCRIPTION"};
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        for (RuleMeta r : rules) {
            rows.add(new String[]{r.id(), r.level().sarifName(), r.securitySeverity(), r.precision(),
                    String.join(",", r.cwes()), r.shortDescription()});
        }
        int[] w = new int[head.length - 1];
        for (String[] row : rows) {
            for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], row[i].length());
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < w.length; i++) {
                sb.append(row[i]).append(" ".repeat(w[i] - row[i].length() + 2));
            }
            sb.append(row[w.length]).append('\n');
        }
        return sb.toString();
    }
}
