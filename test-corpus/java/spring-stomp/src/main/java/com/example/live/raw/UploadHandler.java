package com.example.live.raw;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;

/** Receives configuration uploads from the trading desk client. */
public class UploadHandler extends AbstractWebSocketHandler {

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        String yaml = new String(message.getPayload().array(), StandardCharsets.UTF_8);
        // expect: java/ws-message-injection
        Object config = new Yaml().load(yaml);
        session.getAttributes().put("config", config);
    }
}
