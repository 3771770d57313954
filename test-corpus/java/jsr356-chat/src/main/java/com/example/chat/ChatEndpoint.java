package com.example.chat;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import org.owasp.encoder.Encode;

import java.io.IOException;
import java.sql.SQLException;

/** Public chat rooms. No configurator: Tomcat's default accepts every Origin. */
// expect: java/ws-missing-origin-check@warning
@ServerEndpoint("/chat/{room}")
public class ChatEndpoint {

    private final MessageDao dao = new MessageDao(DataSources.chat());

    @OnOpen
    public void onOpen(Session session, @PathParam("room") String room) {
        session.getUserProperties().put("room", room);
    }

    @OnMessage
    public void onMessage(String text, Session session, @PathParam("room") String room) throws IOException, SQLException {
        dao.save(room, text);
        dao.saveSafely(room, text);
        dao.countFor(Long.parseLong(text));
        for (Session peer : session.getOpenSessions()) {
            // expect: java/ws-message-xss-relay
            peer.getBasicRemote().sendText("<li class=\"msg\">" + text + "</li>");
            // safe: java/ws-message-xss-relay
            peer.getBasicRemote().sendText("<li class=\"msg\">" + Encode.forHtml(text) + "</li>");
            // safe: java/ws-message-xss-relay
            peer.getAsyncRemote().sendText("{\"room\":\"" + room + "\",\"text\":\"" + text + "\"}");
        }
    }

    @OnClose
    public void onClose(Session session) {
        session.getUserProperties().clear();
    }
}
