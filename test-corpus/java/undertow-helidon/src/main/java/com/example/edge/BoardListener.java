package com.example.edge;

import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

import java.io.File;

public class BoardListener implements WsListener {

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        // expect: java/ws-message-xss-relay
        session.send("<li>" + text + "</li>", last);
        // expect: java/ws-message-injection
        File card = new File("/srv/board/cards", text);
        // safe: java/ws-message-xss-relay
        session.send(Long.toString(card.length()), last);
    }
}
