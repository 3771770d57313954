/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.rules.js;

import io.wsscan.inventory.Endpoint;
import io.wsscan.inventory.PageScript;
import io.wsscan.rules.PageCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A third-party script of a payment page without a usable Subresource Integrity hash (PCI DSS 6.4.3:
 * payment-page scripts are integrity-assured). Scripts of the page's own site, of the policy's first-party
 * hosts and of addresses template code writes are left to the inventory: their host is the application's,
 * or not known. A hash written by template code counts as present.
 */
public final class PaymentScriptIntegrityCheck implements PageCheck {

    public static final String NAME = "payment-script-integrity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hit> run(List<PageScript> scripts) {
        List<Hit> out = new ArrayList<>();
        for (PageScript s : scripts) {
            if (s.payment() == null || s.party() != Endpoint.Party.THIRD_PARTY || s.integrity().present()) continue;
            String what = s.integrity() == PageScript.Integrity.UNUSABLE ? "an integrity attribute without a usable hash"
                    : "no integrity attribute";
            out.add(new Hit(s, Map.of("detail", s.src() + " (" + s.host() + ", " + what + "; payment page: " + s.payment() + ")")));
        }
        return out;
    }
}
