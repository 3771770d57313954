package com.example.threat;

import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Set;

/**
 * How several Origin comparisons in one check combine: alternatives (either one admits) are as weak as
 * the weakest; requirements (each one must pass) are as strong as the strongest.
 */
final class CombinedChecks {
    static final Set<String> ALLOWED = Set.of("https://desk.example.com", "https://ops.example.com");

    private CombinedChecks() {
    }

    /** An early "yes" for anything ending in example.com, then the allowlist: the early yes decides. */
    public static class EarlyAccept extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String origin) {
            if (origin != null && origin.endsWith("example.com")) {
                return true;
            }
            return ALLOWED.contains(origin);
        }
    }

    /** The allowlist or a substring test in one condition. */
    public static class EitherOr extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String origin) {
            return ALLOWED.contains(origin) || origin.contains("localhost");
        }
    }

    /** A loose pre-filter that rejects, then the allowlist that also must pass: protected. */
    public static class PrefilterThenAllowlist extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String origin) {
            if (origin == null || origin.indexOf("example") < 0) {
                return false;
            }
            return ALLOWED.contains(origin);
        }
    }

    /** Both tests negated and joined by and: reject only when neither passes, so either admits. */
    public static class NeitherRejects extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String origin) {
            if (!ALLOWED.contains(origin) && !origin.startsWith("https://desk.example.com")) {
                return false;
            }
            return true;
        }
    }

    // expect: java/ws-missing-origin-check@warning "endsWith("
    @ServerEndpoint(value = "/combined/early", configurator = EarlyAccept.class)
    public static class EarlyAcceptEndpoint {
        @jakarta.websocket.OnMessage
        public String onMessage(String command) {
            return "ok " + command.length();
        }
    }

    // expect: java/ws-missing-origin-check@warning "contains("
    @ServerEndpoint(value = "/combined/either", configurator = EitherOr.class)
    public static class EitherOrEndpoint {
        @jakarta.websocket.OnMessage
        public String onMessage(String command) {
            return "ok " + command.length();
        }
    }

    // safe: java/ws-missing-origin-check
    @ServerEndpoint(value = "/combined/prefilter", configurator = PrefilterThenAllowlist.class)
    public static class PrefilterEndpoint {
        @jakarta.websocket.OnMessage
        public String onMessage(String command) {
            return "ok " + command.length();
        }
    }

    // expect: java/ws-missing-origin-check@warning "startsWith"
    @ServerEndpoint(value = "/combined/neither", configurator = NeitherRejects.class)
    public static class NeitherEndpoint {
        @jakarta.websocket.OnMessage
        public String onMessage(String command) {
            return "ok " + command.length();
        }
    }
}
