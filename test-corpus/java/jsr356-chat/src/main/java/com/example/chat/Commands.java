package com.example.chat;

import java.util.List;

/** Dashboard commands a client may trigger. */
public final class Commands {
    public static final List<String> ALLOWED = List.of("refresh", "rotate-logs");

    private Commands() {
    }
}
