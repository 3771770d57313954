package com.example.embedded;

import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** Price feed: registered by code without a configurator; reported once, here, not at the registration too. */
// expect: java/ws-missing-origin-check "any Origin"
@ServerEndpoint("/feed")
public class FeedEndpoint {

    @OnOpen
    public void onOpen(Session session) {
        session.setMaxIdleTimeout(60_000);
    }
}
