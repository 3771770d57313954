package io.wsscan.js;

import com.google.javascript.jscomp.parsing.parser.Parser;
import com.google.javascript.jscomp.parsing.parser.SourceFile;
import com.google.javascript.jscomp.parsing.parser.util.ErrorReporter;
import com.google.javascript.jscomp.parsing.parser.util.SourcePosition;
import io.wsscan.ir.Node;
import io.wsscan.js.JsSyntaxError;
import io.wsscan.js.closure.ClosureFrontEnd;
import io.wsscan.js.rhino.RhinoFrontEnd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Throughput of the JS front ends (not a unit test): parse + lower every {@code .js/.mjs/.cjs} file
 * under a directory with Rhino, with Closure, and with the chain JsAnalyzer uses (Rhino, then
 * Closure on a Rhino syntax error); one thread, after warm-up rounds. Also Closure's parser alone
 * (no lowering), to show what the lowering costs.
 *
 * <pre>
 * mvn -B -o -q install -DskipTests -pl rulesets,scanner   # builds scanner/target/wsscan.jar and the test classes
 * mvn -B -o -q -pl scanner test-compile
 * java -cp scanner/target/test-classes:scanner/target/wsscan.jar io.wsscan.js.FrontEndBench scanner/target/bench/node_modules [rounds]
 * </pre>
 *
 * MB are file bytes (UTF-8) / 2^20. "MB/s all" divides every file's size by the time spent on
 * every file, failures included; "MB/s parsed" counts only the files the front end accepted.
 */
public final class FrontEndBench {

    private record Input(Path path, String text, long bytes) {
    }

    private record Result(int parsed, long parsedBytes, long nodes, double seconds, double parsedSeconds) {
    }

    private interface FrontEnd {
        /** Number of IR nodes, or -1 when the file was rejected. */
        long run(Input in);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: FrontEndBench DIR [rounds]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Input> inputs = load(dir);
        long totalBytes = inputs.stream().mapToLong(Input::bytes).sum();
        System.out.printf(Locale.ROOT, "%d files, %.1f MB under %s; %d warm-up + %d measured rounds, best round reported%n",
                inputs.size(), mb(totalBytes), dir, 2, rounds);

        RhinoFrontEnd rhino = new RhinoFrontEnd();
        ClosureFrontEnd closure = new ClosureFrontEnd();
        FrontEnd rhinoRun = in -> {
            try {
                return count(rhino.parse(in.path.toString(), in.text).program());
            } catch (JsSyntaxError e) {
                return -1;
            }
        };
        FrontEnd closureRun = in -> {
            try {
                return count(closure.parse(in.path.toString(), in.text).program());
            } catch (JsSyntaxError e) {
                return -1;
            }
        };
        FrontEnd chain = in -> {
            long n = rhinoRun.run(in);
            return n >= 0 ? n : closureRun.run(in);
        };
        Parser.Config config = new Parser.Config(Parser.Config.Mode.ES8_OR_GREATER, false);
        FrontEnd closureParseOnly = in -> {
            boolean[] failed = {false};
            ErrorReporter errors = new ErrorReporter() {
                @Override
                protected void reportError(SourcePosition at, String message) {
                    failed[0] = true;
                }

                @Override
                protected void reportWarning(SourcePosition at, String message) {
                }
            };
            try {
                new Parser(config, errors, new SourceFile(in.path.toString(), in.text)).parseProgram();
            } catch (RuntimeException | StackOverflowError e) {
                return -1;
            }
            return failed[0] ? -1 : 0;
        };

        String[] names = {"Rhino (parse + lower)", "Closure (parse + lower)", "Closure (parser only)", "chain Rhino -> Closure"};
        FrontEnd[] fes = {rhinoRun, closureRun, closureParseOnly, chain};
        Result[] best = new Result[fes.length];
        // warm-up, then the measured rounds interleaved so that load from other processes hits all alike
        for (int i = 0; i < 2; i++) for (FrontEnd fe : fes) once(inputs, fe);
        for (int i = 0; i < rounds; i++) {
            for (int f = 0; f < fes.length; f++) {
                Result r = once(inputs, fes[f]);
                if (best[f] == null || r.seconds < best[f].seconds) best[f] = r;
            }
        }
        System.out.printf(Locale.ROOT, "%-28s %9s %8s %9s %9s %12s %11s%n",
                "front end", "parsed", "%files", "MB/s all", "MB/s ok", "IR nodes", "nodes/s");
        for (int f = 0; f < fes.length; f++) report(names[f], best[f], inputs.size(), totalBytes);

        List<String> rejected = new ArrayList<>();
        for (Input in : inputs) {
            if (closureRun.run(in) < 0) {
                try {
                    closure.parse(in.path.toString(), in.text);
                } catch (JsSyntaxError e) {
                    rejected.add(dir.relativize(in.path) + ":" + e.line + ":" + e.column + " " + e.getMessage());
                }
            }
        }
        System.out.println("Closure rejects " + rejected.size() + " file(s)" + (rejected.isEmpty() ? "" : ":"));
        rejected.stream().limit(20).forEach(r -> System.out.println("  " + r));
    }

    private static List<Input> load(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> s = Files.walk(dir)) {
            paths = s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.[mc]?js$")).sorted().toList();
        }
        List<Input> out = new ArrayList<>(paths.size());
        for (Path p : paths) {
            byte[] b = Files.readAllBytes(p);
            out.add(new Input(p, new String(b, StandardCharsets.UTF_8), b.length));
        }
        return out;
    }

    private static Result once(List<Input> inputs, FrontEnd fe) {
        int parsed = 0;
        long parsedBytes = 0, nodes = 0, parsedNanos = 0;
        long t0 = System.nanoTime();
        for (Input in : inputs) {
            long s = System.nanoTime();
            long n = fe.run(in);
            long took = System.nanoTime() - s;
            if (n >= 0) {
                parsed++;
                parsedBytes += in.bytes;
                nodes += n;
                parsedNanos += took;
            }
        }
        return new Result(parsed, parsedBytes, nodes, (System.nanoTime() - t0) / 1e9, parsedNanos / 1e9);
    }

    private static void report(String name, Result r, int files, long totalBytes) {
        System.out.printf(Locale.ROOT, "%-28s %9d %7.1f%% %9.1f %9.1f %12d %11s%n", name, r.parsed,
                100.0 * r.parsed / files, mb(totalBytes) / r.seconds, mb(r.parsedBytes) / r.parsedSeconds, r.nodes,
                r.nodes == 0 ? "-" : String.format(Locale.ROOT, "%.1fM", r.nodes / r.parsedSeconds / 1e6));
    }

    private static long count(Node n) {
        long c = 1;
        for (Node k : n.kids()) c += count(k);
        return c;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
