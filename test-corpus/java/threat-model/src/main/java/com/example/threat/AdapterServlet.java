package com.example.threat;

import org.eclipse.jetty.websocket.servlet.WebSocketServlet;
import org.eclipse.jetty.websocket.servlet.WebSocketServletFactory;

/** Jetty 9 registration of a socket that reads no credentials: a warning, not an error. */
public class AdapterServlet extends WebSocketServlet {

    @Override
    public void configure(WebSocketServletFactory factory) {
        // expect: java/ws-missing-origin-check@warning
        factory.register(AdapterSocket.class);
    }
}
