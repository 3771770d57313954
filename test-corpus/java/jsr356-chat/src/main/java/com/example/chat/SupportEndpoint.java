package com.example.chat;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

/** Support desk: origin checked by the shared configurator (another file, constants in a third). */
// safe: java/ws-missing-origin-check
@ServerEndpoint(value = "/support", configurator = OriginConfigurator.class)
public class SupportEndpoint {

    private static final File TRANSCRIPTS = new File("/var/lib/support/transcripts");

    @OnMessage
    public String onMessage(String ticketId, Session session) throws IOException {
        // expect: java/ws-message-injection "resolve it against a fixed base folder"
        File transcript = new File(TRANSCRIPTS, ticketId + ".txt");
        String content = Files.readString(transcript.toPath());
        // expect: java/ws-message-xss-relay
        return "<pre>" + ticketId + "</pre>" + content;
    }
}
