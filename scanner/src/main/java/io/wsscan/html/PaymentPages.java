/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.wsscan.inventory.HostPattern;
import io.wsscan.ir.LineIndex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Tells a payment page (one whose scripts PCI DSS 6.4.3 and 11.6.1 are about) by its markup: a form
 * field with a card autocomplete token or a card field name, or a payment provider's script. What
 * counts is data ({@code wsscan/compliance/payment-pages.yml} in the rulesets); field names are judged
 * by the name heuristics of the JavaScript models, so a card field is the same thing to the taint rules
 * and here.
 *
 * @param fieldTags       form-field tags to read
 * @param autocomplete    autofill tokens of card fields
 * @param nameAttributes  attributes whose value names the field
 * @param nameKinds       sensitive-data classes of the name heuristics that make a card field
 * @param providerScripts hosts of payment providers' scripts
 * @param requirements    standard -> requirement ids the page-script inventory documents
 */
public record PaymentPages(Set<String> fieldTags, Set<String> autocomplete, List<String> nameAttributes,
                           Set<String> nameKinds, List<HostPattern> providerScripts, Map<String, List<String>> requirements) {

    private static final String RESOURCE = "wsscan/compliance/payment-pages.yml";
    private static volatile PaymentPages builtin;

    /** The built-in definition. */
    public static PaymentPages builtin() {
        PaymentPages p = builtin;
        if (p == null) {
            p = parse(io.wsscan.rules.Compliance.builtinYaml(RESOURCE));
            builtin = p;
        }
        return p;
    }

    static PaymentPages parse(JsonNode doc) {
        Map<String, List<String>> reqs = new LinkedHashMap<>();
        doc.path("requirements").fields().forEachRemaining(e -> reqs.put(e.getKey(), List.copyOf(words(e.getValue()))));
        return new PaymentPages(Set.copyOf(words(doc.path("fieldTags"))), Set.copyOf(words(doc.path("autocomplete"))),
                List.copyOf(words(doc.path("nameAttributes"))), Set.copyOf(words(doc.path("nameKinds"))),
                words(doc.path("providerScripts")).stream().map(HostPattern::new).toList(), Collections.unmodifiableMap(reqs));
    }

    private static List<String> words(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) out.add(n.asText().toLowerCase(Locale.ROOT));
        return out;
    }

    /**
     * Why the page is a payment page ({@code autocomplete="cc-number" (line 14)}, {@code field "cardNumber"
     * (line 9)}, {@code loads a payment provider's script from js.stripe.com (line 3)}), or null when it is not.
     *
     * @param nameKinds the sensitive-data classes the name heuristics give a name
     * @param hostAt    the host of each script the page loads, by the line of its tag (null hosts are skipped)
     */
    public String evidence(String page, Function<String, List<String>> nameKinds, Map<Integer, String> hostAt) {
        String[] found = {null};
        int[] at = {-1};
        PageScripts.startTags(page, fieldTags, tag -> {
            if (found[0] != null) return;
            String ac = tag.value("autocomplete");
            if (ac != null) {
                for (String token : ac.toLowerCase(Locale.ROOT).split("\\s+")) {
                    if (autocomplete.contains(token)) {
                        found[0] = "autocomplete=\"" + token + "\"";
                        at[0] = tag.start;
                        return;
                    }
                }
            }
            for (String attr : nameAttributes) {
                String name = tag.value(attr);
                if (name == null || name.isBlank() || name.length() > 200) continue;
                for (String kind : nameKinds.apply(name.strip())) {
                    if (this.nameKinds.contains(kind)) {
                        found[0] = "field " + attr + "=\"" + name.strip() + "\"";
                        at[0] = tag.start;
                        return;
                    }
                }
            }
        });
        if (found[0] != null) return found[0] + " (line " + new LineIndex(page).line(at[0]) + ")";
        for (Map.Entry<Integer, String> s : new java.util.TreeMap<>(hostAt).entrySet()) {
            if (s.getValue() != null && HostPattern.any(providerScripts, s.getValue())) {
                return "loads a payment provider's script from " + s.getValue() + " (line " + s.getKey() + ")";
            }
        }
        return null;
    }

    /** The requirement ids of a standard that the page-script inventory documents ("6.4.3", "11.6.1"). */
    public List<String> requirementsOf(String standard) {
        return requirements.getOrDefault(standard, List.of());
    }
}
