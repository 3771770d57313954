package com.example.chat;

import java.util.Set;

/** Origins of the company's own front ends; shared by every endpoint configurator. */
public final class SecurityConstants {

    public static final String APP_ORIGIN = "https://chat.example.com";
    public static final Set<String> ALLOWED_ORIGINS = Set.of(APP_ORIGIN, "https://admin.example.com");

    private SecurityConstants() {
    }
}
