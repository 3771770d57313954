package com.example.vertx;

import io.vertx.core.AbstractVerticle;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;

import java.io.File;

/** Vert.x Web: SockJS endpoints and the CORS handler in front of them. */
public class SockJsVerticle extends AbstractVerticle {

    @Override
    public void start() {
        Router router = Router.router(vertx);
        // expect: java/ws-permissive-origin@warning
        router.route("/events/*").handler(CorsHandler.create().addOrigin("*"));
        // expect: java/ws-permissive-origin@warning
        router.route("/feed/*").handler(CorsHandler.create());
        // safe: java/ws-permissive-origin
        router.route("/member/*").handler(CorsHandler.create().addOrigin("https://member.example.com"));

        SockJSHandlerOptions options = new SockJSHandlerOptions().setHeartbeatInterval(2000);
        // expect: java/ws-missing-origin-check@warning
        SockJSHandler events = SockJSHandler.create(vertx, options);
        events.socketHandler(sock -> sock.handler(buffer -> {
            String name = buffer.toString();
            // expect: java/ws-message-injection
            File export = new File("/srv/exports/" + name);
            // safe: java/ws-message-xss-relay
            sock.write(buffer);
        }));

        SockJSHandlerOptions memberOptions = new SockJSHandlerOptions().setOrigin("https://member.example.com");
        // safe: java/ws-missing-origin-check
        SockJSHandler member = SockJSHandler.create(vertx, memberOptions);
        router.route("/events/*").subRouter(events.socketHandler(s -> { }));
        router.route("/member/*").subRouter(member.socketHandler(s -> { }));
        vertx.createHttpServer().requestHandler(router).listen(8080);
    }
}
