/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.inventory;

import io.wsscan.findings.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One external script a page (an HTML file or server template) loads with {@code <script src>}. Every
 * such tag is listed, the page's own scripts too (PCI DSS 6.4.3 asks for an inventory of all of a payment
 * page's scripts); {@code party} tells them apart. The code of a script on another host is not fetched
 * or analysed: the entry says where it comes from and how the page protects it, not what it does.
 *
 * @param page        the page, relative to the scan root
 * @param region      the {@code <script>} start tag
 * @param src         the {@code src} as written (entities decoded)
 * @param scheme      {@code https}, {@code http}, ... of an absolute address; null when relative or
 *                    protocol-relative (the page's own scheme)
 * @param host        the host of an absolute or protocol-relative address; null when relative or written
 *                    by template code
 * @param port        the port when the address names one
 * @param integrity   what the {@code integrity} attribute gives (Subresource Integrity)
 * @param crossorigin the {@code crossorigin} value as written ("" for the bare attribute); null when absent
 * @param module      {@code type="module"}
 * @param party       relative (the page's site), first party (a host of the policy's firstPartyHosts),
 *                    third party (any other host), unknown (the address is written by template code)
 * @param allowed     whether the policy's allowedHosts allow the host; null without an allowlist or host
 * @param payment     why the page is a payment page (its first card field or provider script); null when it is not
 * @param file        the file of the scan a relative {@code src} names; null when it names none
 * @param notes       what else matters (cleartext, protocol-relative, integrity without crossorigin, template code)
 */
public record PageScript(String page, Region region, String src, String scheme, String host, String port,
                         Integrity integrity, String crossorigin, boolean module, Endpoint.Party party, Boolean allowed,
                         String payment, String file, List<String> notes) {

    /** What a tag's {@code integrity} attribute gives. */
    public enum Integrity {
        /** a sha256, sha384 or sha512 hash: the browser refuses other content */
        HASH,
        /** written by server template code: its value is not known here */
        TEMPLATE,
        /** present but without a hash the browser uses (empty, or only unknown algorithms): no check */
        UNUSABLE,
        /** no integrity attribute */
        MISSING;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True when the browser checks the script's content (or may: template code writes the value). */
        public boolean present() {
            return this == HASH || this == TEMPLATE;
        }
    }

    /** Note on an {@code http:} script: anyone on the network path can replace its code. */
    public static final String CLEARTEXT = "cleartext http: anyone on the network path can replace the script";
    /** Note on a protocol-relative {@code //host/x.js}: fetched over http on an http page. */
    public static final String PROTOCOL_RELATIVE = "protocol-relative: fetched over http when the page is served over http";
    /** Note on a cross-origin script with integrity but no crossorigin attribute. */
    public static final String NO_CORS = "integrity without crossorigin: the browser cannot check a cross-origin script "
            + "fetched without CORS and refuses to run it";
    /** Note on an address that server template code writes. */
    public static final String TEMPLATE_SRC = "address written by template code: its host is not known here";
    /** Note on every script of another host: what wsscan did not do. */
    public static final String NOT_FETCHED = "code not fetched or analysed";

    public PageScript {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** This entry naming the scan file its {@code src} loads. */
    public PageScript withFile(String f) {
        return new PageScript(page, region, src, scheme, host, port, integrity, crossorigin, module, party, allowed, payment, f, notes);
    }

    /** True for scripts of another host than the page's (third party, or first party by the policy). */
    public boolean external() {
        return host != null;
    }

    /** True when the script is fetched over {@code http:} or, protocol-relative, may be. */
    public boolean cleartext() {
        return "http".equals(scheme) || notes.contains(PROTOCOL_RELATIVE);
    }

    private static final Pattern SRI_HASH = Pattern.compile("(?i)^(sha256|sha384|sha512)-[A-Za-z0-9+/_-]+={0,2}(\\?.*)?$");
    private static final Pattern TEMPLATE_CODE = Pattern.compile("\\{\\{|\\{%|<%|<\\?|\\$\\{|#\\{|@\\{|@\\(|@[A-Za-z]");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]");

    /** What an {@code integrity} value (null: absent) gives. */
    public static Integrity integrityOf(String value) {
        if (value == null) return Integrity.MISSING;
        for (String token : value.strip().split("\\s+")) {
            if (SRI_HASH.matcher(token).matches()) return Integrity.HASH;
        }
        return TEMPLATE_CODE.matcher(value).find() ? Integrity.TEMPLATE : Integrity.UNUSABLE;
    }

    /**
     * The entry for one tag, its party decided without a policy: a named host is third party, a relative
     * address the page's own, an address template code writes unknown.
     */
    public static PageScript of(String page, Region region, String src, String integrity, String crossorigin,
                                boolean module) {
        List<String> notes = new ArrayList<>();
        String s = src.strip();
        String scheme = null;
        String authority = null;
        if (s.startsWith("//") || s.startsWith("\\\\")) {
            authority = s.substring(2);
            notes.add(PROTOCOL_RELATIVE);
        } else {
            int colon = s.indexOf(':');
            if (colon > 0 && s.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
                scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
                if (s.startsWith("//", colon + 1)) authority = s.substring(colon + 3);
            }
        }
        String host = null;
        String port = null;
        Endpoint.Party party;
        if (authority != null) {
            int end = authority.length();
            for (char c : new char[]{'/', '?', '#', '\\'}) {
                int j = authority.indexOf(c);
                if (j >= 0 && j < end) end = j;
            }
            String a = authority.substring(0, end);
            int at = a.lastIndexOf('@');
            // user:password@host is userinfo; a leading '@' is Razor writing the host
            String written = at > 0 ? a.substring(at + 1) : a;
            a = a.substring(at + 1);
            int portColon = a.startsWith("[") ? a.indexOf(':', Math.max(0, a.indexOf(']'))) : a.lastIndexOf(':');
            if (portColon >= 0) {
                port = a.substring(portColon + 1);
                a = a.substring(0, portColon);
                if (!port.matches("\\d{1,5}")) port = null;
            }
            if (!a.isEmpty() && HOST.matcher(a).matches() && !TEMPLATE_CODE.matcher(written).find()) {
                host = a.toLowerCase(Locale.ROOT);
                party = Endpoint.Party.THIRD_PARTY;
                notes.add(NOT_FETCHED);
            } else {
                port = null;
                party = Endpoint.Party.UNKNOWN;
                notes.add(TEMPLATE_SRC);
            }
        } else if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
            party = Endpoint.Party.UNKNOWN; // data:, blob: and the like: no host to judge
        } else if (TEMPLATE_CODE.matcher(s).lookingAt()) {
            party = Endpoint.Party.UNKNOWN;
            notes.add(TEMPLATE_SRC);
        } else {
            party = Endpoint.Party.RELATIVE;
        }
        if ("http".equals(scheme)) notes.add(0, CLEARTEXT);
        Integrity sri = integrityOf(integrity);
        if (host != null && sri.present() && crossorigin == null) notes.add(NO_CORS);
        return new PageScript(page, region, src, scheme, host, port, sri, crossorigin, module, party, null, null, null, notes);
    }

    /** This entry on a payment page, for this reason. */
    public PageScript withPayment(String why) {
        return new PageScript(page, region, src, scheme, host, port, integrity, crossorigin, module, party, allowed, why, file, notes);
    }

    /** This entry with the policy applied: first-party hosts, and whether the allowlist (if any) allows the host. */
    public PageScript withPolicy(List<HostPattern> firstPartyHosts, java.util.function.Predicate<String> allows, boolean allowlist) {
        Endpoint.Party p = party == Endpoint.Party.THIRD_PARTY && HostPattern.any(firstPartyHosts, host) ? Endpoint.Party.FIRST_PARTY : party;
        Boolean ok = allowlist && host != null ? allows.test(host) : null;
        return new PageScript(page, region, src, scheme, host, port, integrity, crossorigin, module, p, ok, payment, file, notes);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Output order: page, position, src. */
    public static final Comparator<PageScript> ORDER = Comparator.comparing(PageScript::page)
            .thenComparing(PageScript::region)
            .thenComparing(PageScript::src)
            .thenComparing(s -> nz(s.file()));
}
