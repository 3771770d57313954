package com.example.vertx;

import io.vertx.core.AbstractVerticle;
import io.vertx.ext.web.Router;

import java.util.Set;

/** Vert.x Web: upgrading routed requests with toWebSocket(), with and without an origin test first. */
public class WebRouterVerticle extends AbstractVerticle {

    private static final Set<String> CONSOLE = Set.of("https://console.example.com");

    @Override
    public void start() {
        Router router = Router.router(vertx);
        router.get("/live").handler(rc -> rc.request()
                // expect: java/ws-missing-origin-check@warning
                .toWebSocket()
                .onSuccess(ws -> ws.textMessageHandler(text -> {
                    // expect: java/ws-message-xss-relay
                    ws.writeTextMessage("<div class='live'>" + text + "</div>");
                })));
        router.get("/console").handler(rc -> {
            if (!CONSOLE.contains(rc.request().getHeader("Origin"))) {
                rc.response().setStatusCode(403).end();
                return;
            }
            // safe: java/ws-missing-origin-check
            rc.request().toWebSocket().onSuccess(ws -> ws.writeTextMessage("hello"));
        });
        vertx.createHttpServer().requestHandler(router).listen(8090);
    }
}
