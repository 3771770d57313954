package io.wsscan.cli;

import io.wsscan.report.Version;
import io.wsscan.rules.RulesetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The {@code wsscan} command line. Exit codes: 0 nothing unsuppressed at or above {@code --fail-on};
 * 1 findings at or above it; 2 usage or configuration error (one line on stderr); 3 internal error
 * (one line; the stack trace only with {@code WSSCAN_DEBUG=1}).
 */
@Command(name = "wsscan", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        subcommands = {ScanCommand.class, InventoryCommand.class, PolicyCommand.class, ReportCommand.class, RulesCommand.class, ExplainCommand.class},
        description = "Static analysis for WebSocket security in JavaScript clients and Java servers.",
        footer = {"", "Run 'wsscan COMMAND --help' for a command's options."})
public final class Main implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    static final String ERROR_PREFIX = "wsscan: error: ";

    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;

    Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        // JGit logs through SLF4J, which has no provider here and would warn about that on stderr
        if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "ERROR");
        int code = run(args, System.out, System.err, System.getenv());
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line with the given streams and environment and returns the exit code instead
     * of exiting (tests, embedding).
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        try {
            return commandLine(new Main(out, err, env)).execute(args);
        } catch (VirtualMachineError e) {
            // out of memory or stack: still the one-line internal error and exit 3 of the contract, never a trace
            err.println("wsscan: internal error: " + (e instanceof OutOfMemoryError ? "out of memory (give Java more heap, "
                    + "e.g. WSSCAN_JAVA_OPTS=-Xmx4g)" : firstLine(e.getMessage())) + " (" + e.getClass().getName() + ")");
            return INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static CommandLine commandLine(Main main) {
        PrintStream err = main.err;
        CommandLine cl = new CommandLine(main);
        cl.setOut(new PrintWriter(new OutputStreamWriter(main.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            String msg = firstLine(ex.getMessage());
            err.println(ERROR_PREFIX + lowerFirst(msg));
            err.println("see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> main.handle(ex));
        return cl;
    }

    /** {@code wsscan} without a command. */
    @Override
    public Integer call() {
        err.println(ERROR_PREFIX + "missing command: scan, inventory, report, rules or explain");
        err.println("see 'wsscan --help'");
        return USAGE;
    }

    int handle(Exception ex) {
        if (ex instanceof UsageException || ex instanceof RulesetException || ex instanceof io.wsscan.policy.PolicyException) {
            err.println(ERROR_PREFIX + firstLine(ex.getMessage()));
            if (ex instanceof UsageException u && u.hint() != null) err.println(u.hint());
            return USAGE;
        }
        boolean debug = "1".equals(env.get("WSSCAN_DEBUG"));
        err.println("wsscan: internal error: " + firstLine(ex.getMessage()) + " (" + ex.getClass().getName() + ")"
                + (debug ? "" : "; set WSSCAN_DEBUG=1 for the stack trace"));
        if (debug) ex.printStackTrace(err);
        return INTERNAL;
    }

    static String firstLine(String s) {
        if (s == null || s.isBlank()) return "(no message)";
        return s.strip().lines().findFirst().orElse(s).strip();
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"wsscan " + Version.get()};
        }
    }
}
