package com.example.jetty8;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.websocket.WebSocket;
import org.eclipse.jetty.websocket.WebSocketServlet;

/** Embedded Jetty 8 with servlets written inline. */
public class Jetty8Server {

    public static void main(String[] args) throws Exception {
        Server server = new Server(8080);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/app");
        // expect: java/ws-missing-origin-check "anonymous WebSocketServlet subclass"
        WebSocketServlet events = new WebSocketServlet() {
            @Override
            public WebSocket doWebSocketConnect(HttpServletRequest request, String protocol) {
                return new ChatSocket();
            }
        };
        context.addServlet(new ServletHolder(events), "/events/*");
        // safe: java/ws-missing-origin-check
        WebSocketServlet secure = new WebSocketServlet() {
            @Override
            public boolean checkOrigin(HttpServletRequest request, String origin) {
                return "https://chat.example.com".equals(origin);
            }

            @Override
            public WebSocket doWebSocketConnect(HttpServletRequest request, String protocol) {
                return new ChatSocket();
            }
        };
        context.addServlet(new ServletHolder(secure), "/secure/*");
        context.addServlet(new ServletHolder(new ChatServlet()), "/chat/*");
        server.setHandler(context);
        server.start();
    }
}
