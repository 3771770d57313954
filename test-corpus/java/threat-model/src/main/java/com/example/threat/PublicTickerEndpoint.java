package com.example.threat;

import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** Public ticker: no authentication and no message handler; a hijacker reads what anyone can. */
// expect: java/ws-missing-origin-check@note "only sends"
@ServerEndpoint("/ticker")
public class PublicTickerEndpoint {

    @OnOpen
    public void onOpen(Session session) {
        session.getAsyncRemote().sendText("hello");
    }
}
