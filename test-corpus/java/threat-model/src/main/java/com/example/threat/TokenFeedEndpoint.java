package com.example.threat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.List;

/** Price feed for API clients: a token in the query authenticates, which a cross-site page does not have. */
// expect: java/ws-missing-origin-check@note "access_token"
@ServerEndpoint("/feed")
public class TokenFeedEndpoint {

    private final TokenStore tokens = new TokenStore();

    @OnOpen
    public void onOpen(Session session) throws IOException {
        List<String> token = session.getRequestParameterMap().get("access_token");
        if (token == null || !tokens.valid(token.get(0))) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "token"));
        }
    }
}
