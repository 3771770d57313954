package com.example.threat;

import java.util.Set;

/** Issued API tokens. */
class TokenStore {
    private final Set<String> issued = Set.of();

    boolean valid(String token) {
        return issued.contains(token);
    }
}
