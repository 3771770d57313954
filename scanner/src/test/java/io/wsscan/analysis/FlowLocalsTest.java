package io.wsscan.analysis;

import io.wsscan.findings.Finding;
import io.wsscan.findings.Step;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.testing.RuleTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flow-sensitive locals (issue 20, item 2): a function's own variables hold, at each use, only what
 * the paths to that use assigned; paths join at branches, loops, handlers and short-circuits.
 * Captured variables stay flow-insensitive.
 */
class FlowLocalsTest {

    private static RuleTester tester;

    @BeforeAll
    static void setUp() {
        tester = RuleTester.using(new JsAnalyzer(RuleCatalog.builtin())::analyzeTogether);
    }

    /** The annotated body runs in a message handler where {@code e.data} is message data. */
    private static RuleTester.Result handler(String body) {
        return tester.check("app.js", "var ws = new WebSocket('wss://a.example.com/ws');\n"
                + "ws.onmessage = function (e) {\n" + body + "};\n");
    }

    @Test
    void aConstantAssignedAfterTheDataReplacesIt() {
        handler("""
                var p = e.data;
                // expect: js/ws-message-xss
                a.innerHTML = p;
                p = '<b>fixed</b>';
                // safe: js/ws-message-xss
                b.innerHTML = p;
                p = p + e.data;
                // expect: js/ws-message-xss
                c.innerHTML = p;
                """);
    }

    @Test
    void branchesJoin() {
        handler("""
                var p = e.data, q = e.data, r = e.data;
                if (e.kind) p = 'x'; else p = e.data;
                // expect: js/ws-message-xss
                a.innerHTML = p;
                if (!q) q = 'x';
                // expect: js/ws-message-xss
                b.innerHTML = q;
                if (e.kind) r = 'x'; else r = 'y';
                // safe: js/ws-message-xss
                c.innerHTML = r;
                var s = e.data;
                if (!s) {
                  s = 'x';
                  // safe: js/ws-message-xss
                  d.innerHTML = s;
                }
                // with (o) { t = 'x' } sets o.t when o has a property t: the local keeps the data
                var t = e.data;
                with (e.options) t = 'x';
                // expect: js/ws-message-xss
                f.innerHTML = t;
                """);
    }

    @Test
    void jumpsLeaveTheirPathsOut() {
        handler("""
                var p = e.data;
                if (!isSafe(p)) {
                  p = 'x';
                  // safe: js/ws-message-xss
                  a.innerHTML = p;
                  return;
                }
                // expect: js/ws-message-xss
                b.innerHTML = p;
                var q = e.data;
                if (e.kind) {
                  q = 'y';
                } else {
                  throw new Error('no');
                }
                // safe: js/ws-message-xss
                c.innerHTML = q;
                """);
    }

    @Test
    void loopsCarryValuesToTheNextIteration() {
        handler("""
                var p = 'x', last = 'y', i;
                for (i = 0; i < 3; i++) {
                  // expect: js/ws-message-xss
                  a.innerHTML = last;
                  last = p;
                  p = e.data;
                }
                var q = 'x';
                while (e.more) {
                  // safe: js/ws-message-xss
                  b.innerHTML = q;
                  q = 'z';
                }
                var r = 'x';
                do {
                  if (e.skip) { r = e.data; continue; }
                  r = 'w';
                } while (e.more);
                // expect: js/ws-message-xss
                c.innerHTML = r;
                // the data needs more iterations than one evaluation's passes: the next rounds go on
                var x = 'a', y = 'b', z = 'c', w = 'd';
                while (e.more) {
                  // expect: js/ws-message-xss
                  d.innerHTML = x;
                  x = y;
                  y = z;
                  z = w;
                  w = e.data;
                }
                """);
    }

    @Test
    void breaksAndLabelsReachTheirTargets() {
        handler("""
                var p = 'x';
                while (true) {
                  p = e.data;
                  if (e.done) break;
                  p = 'y';
                }
                // expect: js/ws-message-xss
                a.innerHTML = p;
                var q = 'x';
                outer: for (var i = 0; i < 2; i++) {
                  for (var j = 0; j < 2; j++) {
                    q = e.data;
                    if (e.stop) continue outer;
                    q = 'y';
                  }
                }
                // expect: js/ws-message-xss
                b.innerHTML = q;
                var r = e.data;
                block: {
                  r = 'ok';
                  break block;
                }
                // safe: js/ws-message-xss
                c.innerHTML = r;
                var s = e.data, u = e.data;
                switch (e.kind) {
                  case 1: s = 'a'; u = 'a'; break;
                  case 2: s = 'b'; u = 'b';
                  // falls through
                  case 3: s = 'c'; u = u + 'c'; break;
                  default: s = 'd'; u = 'd';
                }
                // safe: js/ws-message-xss
                d.innerHTML = s;
                // case 3 is also entered directly, with the message data still in u
                // expect: js/ws-message-xss
                g.innerHTML = u;
                var t = e.data;
                switch (e.kind) {
                  case 1: t = 'a'; break;
                }
                // expect: js/ws-message-xss
                f.innerHTML = t;
                """);
    }

    @Test
    void handlersSeeEveryValueOfTheTryBlock() {
        handler("""
                var p = 'x';
                try {
                  p = e.data;
                  risky();
                  p = 'y';
                } catch (err) {
                  // expect: js/ws-message-xss
                  a.innerHTML = p;
                }
                // expect: js/ws-message-xss
                b.innerHTML = p;
                var q = 'x';
                try {
                  q = e.data;
                  risky();
                  q = 'y';
                } finally {
                  // expect: js/ws-message-xss
                  c.innerHTML = q;
                }
                var r = e.data;
                try {
                  r = 'y';
                } catch (err) {
                  return;
                }
                // safe: js/ws-message-xss
                d.innerHTML = r;
                for (;;) {
                  var s = 'x';
                  try {
                    s = 'y';
                    break;
                  } finally {
                    s = e.data;
                  }
                }
                // expect: js/ws-message-xss
                f.innerHTML = s;
                """);
    }

    @Test
    void shortCircuitsMayNotAssign() {
        handler("""
                var p = e.data;
                e.kind && (p = 'x');
                // expect: js/ws-message-xss
                a.innerHTML = p;
                var q = e.data;
                e.kind ? (q = 'x') : (q = 'y');
                // safe: js/ws-message-xss
                b.innerHTML = q;
                var r = e.data;
                e.target?.log(r = 'x');
                // expect: js/ws-message-xss
                c.innerHTML = r;
                var s;
                s ||= e.data;
                // expect: js/ws-message-xss
                d.innerHTML = s;
                var t = 'x';
                t ??= e.data;
                // expect: js/ws-message-xss
                f.innerHTML = t;
                """);
    }

    @Test
    void capturedVariablesStayFlowInsensitive() {
        // the closure may run between the assignment and the use: its variable keeps every value
        handler("""
                var p = e.data;
                var reset = function () { p = 'x'; };
                reset();
                // expect: js/ws-message-xss
                a.innerHTML = p;
                var q = 'x';
                var load = function () { q = e.data; };
                q = 'y';
                load();
                // expect: js/ws-message-xss
                b.innerHTML = q;
                """);
    }

    @Test
    void argumentsPassOnlyWhatReachesTheCall() {
        // the uptime-kuma shape: the helper is called with the constant only
        tester.check("app.js", """
                var ws = new WebSocket('wss://a.example.com/ws');
                function install(path) {
                  // safe: js/ws-message-code-injection
                  eval(path + '.version()');
                }
                function run(cmd) {
                  // expect: js/ws-message-code-injection
                  eval(cmd);
                }
                function prepare(path) {
                  if (!path) {
                    path = 'defaultBrowser';
                    install(path);
                  } else if (!allowed(path)) {
                    throw new Error('not allowed');
                  }
                  run(path);
                  return path;
                }
                ws.onmessage = function (e) { prepare(e.data); };
                """);
    }

    @Test
    void traceFollowsThePathThatReachesTheSink() {
        RuleTester.Result r = handler("""
                var p = 'x';
                p = e.data;
                var q = p;
                // expect: js/ws-message-xss
                a.innerHTML = q;
                """);
        Finding f = r.only("js/ws-message-xss");
        List<Step> trace = f.trace();
        assertTrue(trace.stream().anyMatch(s -> s.message().contains("assigned to q")), () -> trace.toString());
        assertEquals(7, trace.get(trace.size() - 1).region().startLine());
    }

    @Test
    void stringsAndOptionsObjectsDoNotSmear() {
        tester.check("app.js", """
                function connect(room) {
                  var url = location.hash.slice(1);
                  url = 'wss://chat.example.com/rooms/';
                  // safe: js/ws-url-injection
                  var a = new WebSocket(url + room);
                  var opts = { url: 'wss://chat.example.com/live' };
                  // safe: js/ws-url-injection
                  var b = new WebSocket(opts.url);
                  opts = { url: location.hash.slice(1) };
                  // expect: js/ws-url-injection
                  var c = new WebSocket(opts.url);
                }
                connect('lobby');
                """);
    }
}
