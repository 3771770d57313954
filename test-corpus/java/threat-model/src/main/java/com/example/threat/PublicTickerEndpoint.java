package com.example.threat;

import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** Public ticker: no authentication at all; a hijacker reads what anyone can. */
// expect: java/ws-missing-origin-check@warning "No authentication was seen"
@ServerEndpoint("/ticker")
public class PublicTickerEndpoint {

    @OnOpen
    public void onOpen(Session session) {
        session.getAsyncRemote().sendText("hello");
    }
}
