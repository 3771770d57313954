package com.example.live.config;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/** A programmatic JSR-356 endpoint exported through ServerEndpointRegistration. */
public class TickerEndpoint extends Endpoint {

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.getAsyncRemote().sendText("tick");
    }
}
