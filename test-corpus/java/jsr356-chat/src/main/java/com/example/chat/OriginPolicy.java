package com.example.chat;

/** Exact-match origin policy used by several configurators. */
public final class OriginPolicy {

    private OriginPolicy() {
    }

    public static boolean isAllowed(String origin) {
        return SecurityConstants.APP_ORIGIN.equals(origin);
    }
}
