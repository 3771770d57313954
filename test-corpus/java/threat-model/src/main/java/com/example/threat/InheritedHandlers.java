package com.example.threat;

import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Whether an endpoint receives is judged with the project classes it extends: a status board whose
 * base class handles commands receives (a warning without authentication); one that only pushes is a note.
 */
public class InheritedHandlers {

    public abstract static class CommandBase {
        @OnMessage
        public String onCommand(String command) {
            return "ack " + command.length();
        }
    }

    // expect: java/ws-missing-origin-check@warning "No authentication was seen"
    @ServerEndpoint("/board/commands")
    public static class CommandBoard extends CommandBase {
        @OnOpen
        public void open(Session session) {
            session.getAsyncRemote().sendText("ready");
        }
    }

    // expect: java/ws-missing-origin-check@note "only sends"
    @ServerEndpoint("/board/status")
    public static class StatusBoard {
        @OnOpen
        public void open(Session session) {
            session.getAsyncRemote().sendText("{\"status\":\"green\"}");
        }
    }
}
