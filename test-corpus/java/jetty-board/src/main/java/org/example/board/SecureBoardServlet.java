package org.example.board;

import org.eclipse.jetty.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.websocket.server.JettyWebSocketServletFactory;

/** Jetty 11: the creator (own file) checks the Origin and answers 403. */
public class SecureBoardServlet extends JettyWebSocketServlet {

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        // safe: java/ws-missing-origin-check
        factory.setCreator(new OriginCheckingCreator());
    }
}
