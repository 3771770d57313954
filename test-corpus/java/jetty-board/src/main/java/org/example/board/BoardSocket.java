package org.example.board;

import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

@WebSocket
public class BoardSocket {

    private static final String UPLOADS = "/var/board/uploads";

    @OnWebSocketMessage
    public void onMessage(Session session, String msg) throws IOException {
        // expect: java/ws-message-xss-relay
        session.getRemote().sendString("<li>" + msg + "</li>");
        // expect: java/ws-message-injection
        File f = new File(UPLOADS, msg);
        // safe: java/ws-message-injection
        File g = new File(UPLOADS, Integer.toHexString(msg.hashCode()));
        Files.writeString(g.toPath(), f.getName());
    }

    @OnWebSocketMessage
    public void onBinary(Session session, byte[] payload, int offset, int length) throws IOException {
        String board = session.getUpgradeRequest().getParameterMap().get("board").get(0);
        // expect: java/ws-message-injection
        Files.write(java.nio.file.Paths.get(UPLOADS, board, "latest.bin"), payload);
        // safe: java/ws-message-injection
        Files.write(java.nio.file.Paths.get(UPLOADS, "inbox", Integer.toString(length)), payload);
    }
}
