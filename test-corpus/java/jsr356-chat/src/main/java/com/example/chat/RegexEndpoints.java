package com.example.chat;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.regex.Pattern;

/** Origin checks written as regular expressions: one lets any host ending in "example.com" through. */
public final class RegexEndpoints {

    private RegexEndpoints() {
    }

    public static class LooseRegexConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String origin) {
            return origin != null && origin.matches("https://.*example\\.com");
        }
    }

    public static class AnchoredRegexConfigurator extends ServerEndpointConfig.Configurator {
        private static final Pattern ALLOWED = Pattern.compile("https://[a-z0-9-]+\\.example\\.com");

        @Override
        public boolean checkOrigin(String origin) {
            return origin != null && ALLOWED.matcher(origin).matches();
        }
    }

    // expect: java/ws-missing-origin-check@warning
    @ServerEndpoint(value = "/status", configurator = LooseRegexConfigurator.class)
    public static class StatusEndpoint {
        @OnMessage
        public String onMessage(String query) {
            // safe: java/ws-message-xss-relay
            return "{\"status\":\"ok\"}";
        }
    }

    // safe: java/ws-missing-origin-check
    @ServerEndpoint(value = "/metrics", configurator = AnchoredRegexConfigurator.class)
    public static class MetricsEndpoint {
        @OnMessage
        public String onMessage(String query) {
            // safe: java/ws-message-xss-relay
            return "<span>" + query.length() + "</span>";
        }
    }
}
