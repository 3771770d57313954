/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.rules;

import io.wsscan.findings.Finding;

import java.util.List;

/**
 * The origin threat model shared by every origin rule, Java and Node (docs/architecture.md, "Origin
 * threat model"). Cross-site WebSocket hijacking needs ambient authority: the browser must attach the
 * victim's credentials by itself (cookies, the HTTP session, HTTP authentication, the container's
 * principal). So an endpoint without a sound Origin check is graded by what authenticates it:
 * <ul>
 *   <li>ambient credentials seen in the handshake or the handlers: {@code error};</li>
 *   <li>nothing seen: {@code warning} — a cross-site page gets what any site could, which still matters
 *       for data private to a network (intranet, a localhost dev server) or endpoints that expose files,
 *       code or commands;</li>
 *   <li>only a token a cross-site page cannot have (in the URL query, the first message, an
 *       {@code Authorization} or {@code Sec-WebSocket-Protocol} header): {@code note}.</li>
 * </ul>
 * Ambient evidence wins over token evidence: an endpoint that accepts either can be hijacked with the cookie.
 */
public final class OriginThreat {

    private OriginThreat() {
    }

    /** What authenticates a handshake. */
    public enum Kind { AMBIENT, TOKEN }

    /**
     * One piece of evidence: what the code does ({@code "calls getHttpSession()"}), and where
     * ({@code where} is "File.java line 12", or null when it is not known).
     */
    public record Evidence(Kind kind, String what, String where) {
        /** "calls getHttpSession() (File.java line 12)". */
        public String describe() {
            return where == null ? what : what + " (" + where + ")";
        }
    }

    /** The level of a finding on an endpoint without a sound Origin check, given its evidence. */
    public static Finding.Level level(List<Evidence> evidence) {
        return level(evidence, false);
    }

    /**
     * The level, knowing whether the endpoint only sends (no message listener was seen): without
     * authentication such an endpoint gives a cross-site page nothing to act with, only what it
     * broadcasts to anyone, so it is a note.
     */
    public static Finding.Level level(List<Evidence> evidence, boolean onlySends) {
        if (first(evidence, Kind.AMBIENT) != null) return Finding.Level.ERROR;
        if (first(evidence, Kind.TOKEN) != null || onlySends) return Finding.Level.NOTE;
        return Finding.Level.WARNING;
    }

    public static String sentence(List<Evidence> evidence) {
        return sentence(evidence, false);
    }

    /** The sentence a finding's message ends with: why it has its level, naming the evidence. */
    public static String sentence(List<Evidence> evidence, boolean onlySends) {
        Evidence ambient = first(evidence, Kind.AMBIENT);
        if (ambient != null) {
            return " The handshake carries the browser's ambient credentials: the endpoint " + ambient.describe()
                    + ", so a cross-site page that opens this socket acts with the victim's identity.";
        }
        Evidence token = first(evidence, Kind.TOKEN);
        if (token != null) {
            return " Reported as a note: the endpoint authenticates with a token that a cross-site page does not have"
                    + " (it " + token.what() + (token.where() == null ? "" : ", " + token.where()) + "), so hijacking it gains no identity.";
        }
        if (onlySends) {
            return " Reported as a note: no authentication was seen and the endpoint only sends (no message listener"
                    + " was seen), so a cross-site page reads what any site could read; that matters only when what it"
                    + " sends is private to a network (intranet, localhost).";
        }
        return " No authentication was seen in the handshake or the handlers, so a cross-site page gets what any"
                + " site could; that matters when the endpoint serves data private to a network (intranet, localhost)"
                + " or exposes files, code or commands.";
    }

    private static Evidence first(List<Evidence> evidence, Kind kind) {
        for (Evidence e : evidence) if (e.kind() == kind) return e;
        return null;
    }
}
