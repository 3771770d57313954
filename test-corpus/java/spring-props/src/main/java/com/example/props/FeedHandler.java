package com.example.props;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

public class FeedHandler extends TextWebSocketHandler {

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        // safe: java/ws-message-xss-relay
        session.sendMessage(new TextMessage("{\"ack\":" + message.getPayloadLength() + "}"));
    }
}
