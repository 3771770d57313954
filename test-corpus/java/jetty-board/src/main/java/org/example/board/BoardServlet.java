package org.example.board;

import org.eclipse.jetty.websocket.servlet.WebSocketServlet;
import org.eclipse.jetty.websocket.servlet.WebSocketServletFactory;

/** Jetty 9: the servlet registers the socket class directly; Jetty checks no Origin. */
public class BoardServlet extends WebSocketServlet {

    @Override
    public void configure(WebSocketServletFactory factory) {
        factory.getPolicy().setIdleTimeout(30_000);
        // expect: java/ws-missing-origin-check@warning
        factory.register(BoardSocket.class);
    }
}
