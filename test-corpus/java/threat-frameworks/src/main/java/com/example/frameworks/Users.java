package com.example.frameworks;

import io.netty.util.AttributeKey;

/** Users known by session cookie. */
final class Users {
    static final AttributeKey<String> KEY = AttributeKey.valueOf("user");

    private Users() {
    }

    static String fromCookie(String cookie) {
        return cookie == null ? "anonymous" : "user";
    }
}
