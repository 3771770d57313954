package org.acme.notify;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Meant to become an origin check "later". */
@ApplicationScoped
public class PermitAllUpgradeCheck implements HttpUpgradeCheck {

    // expect: java/ws-permissive-origin@warning
    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return CheckResult.permitUpgrade();
    }
}
