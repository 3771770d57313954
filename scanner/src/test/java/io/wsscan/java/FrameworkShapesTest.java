package io.wsscan.java;

import io.wsscan.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * One vulnerable and one checked endpoint per framework shape the models describe: the vulnerable one
 * is reported by java/ws-missing-origin-check on its annotated line (and nothing else), the checked one
 * not at all ({@link RuleTester}).
 */
class FrameworkShapesTest {

    record Shape(String name, String vulnerable, String checked) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Shape> shapes() {
        return Stream.of(
                new Shape("jetty creator", """
                        import org.eclipse.jetty.websocket.server.*;
                        class S extends JettyWebSocketServlet {
                            protected void configure(JettyWebSocketServletFactory f) {
                                // expect: java/ws-missing-origin-check
                                f.setCreator((req, resp) -> new Object());
                            }
                        }
                        """, """
                        import org.eclipse.jetty.websocket.server.*;
                        class S extends JettyWebSocketServlet {
                            protected void configure(JettyWebSocketServletFactory f) {
                                f.setCreator((req, resp) -> "https://a.example.com".equals(req.getHeader("Origin")) ? new Object() : null);
                            }
                        }
                        """),
                new Shape("netty pipeline", """
                        import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
                        class I {
                            void init(io.netty.channel.ChannelPipeline p) {
                                // expect: java/ws-missing-origin-check
                                p.addLast(new WebSocketServerProtocolHandler("/ws"));
                            }
                        }
                        """, """
                        import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
                        import io.netty.handler.codec.http.HttpHeaderNames;
                        class I {
                            void init(io.netty.channel.ChannelPipeline p) {
                                p.addLast(new Guard());
                                p.addLast(new WebSocketServerProtocolHandler("/ws"));
                            }
                            static class Guard extends io.netty.channel.ChannelInboundHandlerAdapter {
                                public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
                                    if (msg instanceof io.netty.handler.codec.http.FullHttpRequest r
                                            && !"https://a.example.com".equals(r.headers().get(HttpHeaderNames.ORIGIN))) { ctx.close(); return; }
                                    ctx.fireChannelRead(msg);
                                }
                            }
                        }
                        """),
                new Shape("undertow", """
                        import io.undertow.Handlers;
                        // expect: java/ws-missing-origin-check
                        class U { Object h(io.undertow.websockets.WebSocketConnectionCallback cb) { return Handlers.websocket(cb); } }
                        """, """
                        import io.undertow.Handlers;
                        import io.undertow.util.Headers;
                        class U {
                            Object h(io.undertow.websockets.WebSocketConnectionCallback cb) { return new G(Handlers.websocket(cb)); }
                            static class G implements io.undertow.server.HttpHandler {
                                final io.undertow.server.HttpHandler next; G(io.undertow.server.HttpHandler n) { next = n; }
                                public void handleRequest(io.undertow.server.HttpServerExchange x) throws Exception {
                                    if (!java.util.Set.of("https://a.example.com").contains(x.getRequestHeaders().getFirst(Headers.ORIGIN))) return;
                                    next.handleRequest(x);
                                }
                            }
                        }
                        """),
                new Shape("helidon", """
                        import io.helidon.webserver.websocket.WsRouting;
                        // expect: java/ws-missing-origin-check
                        class H { Object r() { return WsRouting.builder().endpoint("/x", new L()); }
                            static class L implements io.helidon.websocket.WsListener {} }
                        """, """
                        import io.helidon.webserver.websocket.WsRouting;
                        import io.helidon.http.HeaderNames;
                        class H { Object r() { return WsRouting.builder().endpoint("/x", new L()); }
                            static class L implements io.helidon.websocket.WsListener {
                                public java.util.Optional<io.helidon.http.Headers> onHttpUpgrade(io.helidon.http.HttpPrologue p, io.helidon.http.Headers h) {
                                    if (!"https://a.example.com".equals(h.first(HeaderNames.ORIGIN).orElse(null))) throw new IllegalStateException();
                                    return java.util.Optional.empty();
                                }
                            } }
                        """),
                new Shape("micronaut filter", """
                        import io.micronaut.websocket.annotation.ServerWebSocket;
                        // expect: java/ws-missing-origin-check
                        @ServerWebSocket("/m")
                        class M {}
                        """, """
                        import io.micronaut.websocket.annotation.ServerWebSocket;
                        @ServerWebSocket("/m")
                        class M {}
                        @io.micronaut.http.annotation.ServerFilter("/m")
                        class F {
                            @io.micronaut.http.annotation.RequestFilter
                            Object check(io.micronaut.http.HttpRequest<?> r) { return "https://a.example.com".equals(r.getHeaders().get("Origin")) ? null : 403; }
                        }
                        """),
                new Shape("webflux", """
                        import org.springframework.web.reactive.socket.*;
                        // expect: java/ws-missing-origin-check
                        class W implements WebSocketHandler {
                            public reactor.core.publisher.Mono<Void> handle(WebSocketSession s) { return s.close(); }
                        }
                        """, """
                        import org.springframework.web.reactive.socket.*;
                        class W implements WebSocketHandler {
                            public reactor.core.publisher.Mono<Void> handle(WebSocketSession s) { return s.close(); }
                        }
                        class Cfg { Object cors() { return new org.springframework.web.cors.reactive.CorsWebFilter(null); } }
                        """));
    }

    private static final RuleTester TESTER = RuleTester.using(JavaFixture.ANALYZER::analyzeTogether);

    @ParameterizedTest
    @MethodSource("shapes")
    void vulnerableIsReportedCheckedIsNot(Shape s) {
        String file = "src/main/java/X.java";
        TESTER.check(file, s.vulnerable());
        TESTER.check(file, s.checked());
    }
}
