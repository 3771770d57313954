package org.example.board;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.websocket.server.config.JettyWebSocketServletContainerInitializer;

import java.time.Duration;

/** Jetty 10/11 embedded: mappings added in the container initializer callback. */
public class BoardContextSetup {

    public static void configure(Server server) {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        JettyWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setIdleTimeout(Duration.ofMinutes(5));
            // expect: java/ws-missing-origin-check@warning
            container.addMapping("/board/live", (req, resp) -> new EventSocket());
            // safe: java/ws-missing-origin-check
            container.addMapping("/board/secure", new OriginCheckingCreator());
        });
        server.setHandler(context);
    }
}
