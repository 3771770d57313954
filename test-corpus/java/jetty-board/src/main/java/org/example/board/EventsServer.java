package org.example.board;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/** Jetty 12 core API: mappings with creators that test the origin with contains (loose) or not at all. */
public class EventsServer {

    public static void main(String[] args) throws Exception {
        Server server = new Server(8080);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, context, container -> { });
        ServerWebSocketContainer container = upgrade.getServerWebSocketContainer();
        // expect: java/ws-missing-origin-check@warning
        container.addMapping("/events", (rq, rs, cb) -> {
            String origin = rq.getHeaders().get(HttpHeader.ORIGIN);
            if (origin != null && origin.contains("example.com")) {
                return new EventSocket();
            }
            rs.setStatus(403);
            cb.succeeded();
            return null;
        });
        // expect: java/ws-missing-origin-check@warning
        container.addMapping("/echo", (rq, rs, cb) -> new EventSocket());
        context.setHandler(upgrade);
        server.setHandler(context);
        server.start();
    }
}
