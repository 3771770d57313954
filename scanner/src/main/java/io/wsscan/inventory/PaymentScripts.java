/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scripts of payment pages, for the compliance view of PCI DSS 6.4.3 (scripts authorised,
 * integrity-assured, inventoried) and 11.6.1 (changes detected): what a static scan can show is the
 * inventory itself and the tags that fall short of it. Scripts from other hosts without a usable
 * {@code integrity} hash, fetched in cleartext, or from a host the policy's allowedHosts do not list
 * (only with an allowlist) each get a gap; a script whose address template code writes is a gap too (no
 * one can tell from the source which host serves it).
 *
 * @param byPage payment page -> its scripts, in document order (pages sorted)
 */
public record PaymentScripts(Map<String, List<PageScript>> byPage) {

    /** The payment pages' scripts among {@code all} (in {@link PageScript#ORDER}). */
    public static PaymentScripts of(List<PageScript> all) {
        Map<String, List<PageScript>> by = new LinkedHashMap<>();
        for (PageScript s : all) {
            if (s.payment() != null) by.computeIfAbsent(s.page(), p -> new ArrayList<>()).add(s);
        }
        by.replaceAll((p, l) -> List.copyOf(l));
        return new PaymentScripts(java.util.Collections.unmodifiableMap(by));
    }

    /** Why a payment page is one (the same for each of its scripts). */
    public String evidence(String page) {
        List<PageScript> l = byPage.get(page);
        return l == null || l.isEmpty() ? null : l.get(0).payment();
    }

    /** How many scripts all payment pages load. */
    public int scripts() {
        return byPage.values().stream().mapToInt(List::size).sum();
    }

    /** What a script lacks for 6.4.3 (empty when nothing can be seen to be missing). */
    public static List<String> gaps(PageScript s) {
        List<String> out = new ArrayList<>();
        if (s.external() && !s.integrity().present()) out.add(NO_INTEGRITY);
        if (s.cleartext()) out.add(CLEARTEXT);
        if (Boolean.FALSE.equals(s.allowed())) out.add(NOT_ALLOWED);
        if (s.host() == null && s.notes().contains(PageScript.TEMPLATE_SRC)) out.add(HOST_UNKNOWN);
        return out;
    }

    public static final String NO_INTEGRITY = "no integrity hash";
    public static final String CLEARTEXT = "cleartext or protocol-relative";
    public static final String NOT_ALLOWED = "host not in allowedHosts";
    public static final String HOST_UNKNOWN = "host written by template code";

    /** Scripts with this gap, over all payment pages. */
    public int count(String gap) {
        int n = 0;
        for (List<PageScript> l : byPage.values()) for (PageScript s : l) if (gaps(s).contains(gap)) n++;
        return n;
    }

    /**
     * One line on the whole: {@code 2 payment pages load 5 scripts: 1 from another host without an
     * integrity hash, 1 in cleartext or protocol-relative, 1 from a host not in allowedHosts, 0 from a host template code writes}.
     */
    public String summary() {
        if (byPage.isEmpty()) return "no payment page found (a page with a card field or a payment provider's script)";
        int n = scripts();
        return byPage.size() + " payment page" + (byPage.size() == 1 ? " loads " : "s load ") + n + " script" + (n == 1 ? "" : "s")
                + ": " + count(NO_INTEGRITY) + " from another host without an integrity hash, " + count(CLEARTEXT)
                + " in cleartext or protocol-relative, " + count(NOT_ALLOWED) + " from a host not in allowedHosts, " + count(HOST_UNKNOWN)
                + " from a host template code writes";
    }
}
