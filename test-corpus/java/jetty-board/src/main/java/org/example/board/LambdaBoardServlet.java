package org.example.board;

import org.eclipse.jetty.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.websocket.server.JettyWebSocketServletFactory;

/** Jetty 10: a creator lambda that always returns a socket. */
public class LambdaBoardServlet extends JettyWebSocketServlet {

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        // expect: java/ws-missing-origin-check@warning
        factory.setCreator((req, resp) -> new BoardSocket());
    }
}
