package io.wsscan.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The forked scan JVM ({@link ForkedScans}): reads one request per line on standard input (a
 * {@link ScanJob} as JSON, the folder paths are shown relative to, how many lines the log lists), runs
 * it, and answers one line on standard output, {@link #REPLY} and then {@code {"verdict": ...}}, or {@code {"configuration": msg}},
 * {@code {"io": msg}} or {@code {"internal": msg}}. It ends when its input closes, or with
 * {@link #IDLE_EXIT} after {@link #IDLE_MINUTES} without a request. Maven types are not used here: the
 * worker's classpath is the plugin's own.
 */
final class ScanWorker {

    /** Minutes without a request after which a worker ends. */
    static final int IDLE_MINUTES = 10;
    /** The exit code of a worker that ended idle. */
    static final int IDLE_EXIT = 64;
    /** Starts each reply line: the JVM itself may write warnings to standard output, which are no reply. */
    static final String REPLY = "wsscan-reply ";

    private ScanWorker() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // the replies own standard output; anything else the scan prints goes to standard error
        PrintStream replies = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        ObjectMapper json = new ObjectMapper();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wsscan-worker-input");
            t.setDaemon(true);
            return t;
        });
        while (true) {
            Future<String> next = reader.submit(in::readLine);
            String line;
            try {
                line = next.get(IDLE_MINUTES, TimeUnit.MINUTES);
            } catch (TimeoutException e) {
                System.exit(IDLE_EXIT);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                line = null;
            }
            if (line == null) break;
            ObjectNode reply = answer(json, line);
            replies.println(REPLY + json.writeValueAsString(reply));
            if (reply.path("fatal").asBoolean()) System.exit(3);
        }
        System.exit(0);
    }

    /** The reply to one request line. */
    static ObjectNode answer(ObjectMapper json, String line) {
        ObjectNode reply = json.createObjectNode();
        try {
            JsonNode request = json.readTree(line);
            ScanJob job = ScanJob.fromJson(request.path("job"));
            Verdict v = Verdict.of(job.run(), Path.of(request.path("displayBase").asText()),
                    request.path("maxListed").asInt());
            reply.set("verdict", v.toJson(json));
        } catch (ScanJob.ConfigurationException e) {
            reply.put("configuration", e.getMessage());
        } catch (IOException e) {
            reply.put("io", e.getMessage());
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            reply.put("internal", e + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : ""));
            // after an Error (out of memory, a class missing) this JVM is not trusted with another scan
            if (e instanceof Error) reply.put("fatal", true);
        }
        return reply;
    }
}
