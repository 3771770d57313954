package example.ops;

import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.ServerWebSocket;

/** CORS restricted to the ops console in application.yml. */
// safe: java/ws-missing-origin-check
@ServerWebSocket("/ws/ops")
public class OpsSocket {

    @OnMessage
    public void onMessage(String command, WebSocketSession session) throws Exception {
        // expect: java/ws-message-injection
        Process p = Runtime.getRuntime().exec(new String[] {"/opt/ops/bin/run", command});
        // safe: java/ws-message-xss-relay
        session.sendSync("exit " + p.waitFor());
    }
}
