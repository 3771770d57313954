package org.example.board;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;

/** Jetty 12 listener endpoint. */
public class EventSocket implements Session.Listener.AutoDemanding {

    private Session session;
    private DirContext directory;

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
        try {
            // expect: java/ws-message-injection
            directory.search("ou=people,dc=example,dc=com", "(uid=" + message + ")", new SearchControls());
        } catch (Exception e) {
            // expect: java/ws-message-xss-relay
            session.sendText("<p class=\"error\">No user " + message + "</p>", Callback.NOOP);
        }
        // safe: java/ws-message-xss-relay
        session.sendText(message.toUpperCase(), Callback.NOOP);
    }
}
