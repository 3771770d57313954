package org.acme.secure;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Belt and braces: also rejects the upgrade for origins outside the list. */
@ApplicationScoped
public class OriginUpgradeCheck implements HttpUpgradeCheck {

    private static final Set<String> ALLOWED = Set.of("https://audit.example.com");

    // safe: java/ws-permissive-origin
    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        return ALLOWED.contains(origin) ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(403);
    }
}
