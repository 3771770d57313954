/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.rules;

import io.wsscan.inventory.PageScript;

import java.util.List;
import java.util.Map;

/**
 * A query over the {@code <script src>} tags of one page (HTML or template), not over its code: the page
 * counterpart of {@link StructuralCheck}. Rules name a page check in their YAML ({@code check:}) like a
 * structural one; checks are stateless.
 */
public interface PageCheck {

    /** The name rules use to ask for this check. */
    String name();

    /** The hits among a page's scripts (all of one page, in document order, with the scan policy applied). */
    List<Hit> run(List<PageScript> scripts);

    /** One result: the tag it is about and the values of the rule's message placeholders. */
    record Hit(PageScript script, Map<String, String> placeholders) {
    }
}
