package com.example.edge;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;

import java.util.Optional;
import java.util.Set;

/** Rejects the upgrade when the Origin is not the board's own front end. */
public class SecureBoardListener implements WsListener {

    private static final Set<String> ALLOWED = Set.of("https://board.example.com");

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        String origin = headers.first(HeaderNames.ORIGIN).orElse("");
        if (!ALLOWED.contains(origin)) {
            throw new WsUpgradeException("origin not allowed");
        }
        return Optional.empty();
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        // safe: java/ws-message-xss-relay
        session.send(text.length() + " characters", last);
    }
}
