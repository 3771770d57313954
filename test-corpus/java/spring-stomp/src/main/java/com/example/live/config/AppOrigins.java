package com.example.live.config;

/** Origins for the WebSocket registrations (one place for ops to edit). */
public final class AppOrigins {

    /** Left at "*" after a load test; every site can now open the STOMP endpoint. */
    public static final String[] PUBLIC_PATTERNS = {"*"};
    public static final String ADMIN = "https://admin.example.com";
    public static final String WILDCARD = "*";

    private AppOrigins() {
    }
}
