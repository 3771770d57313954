/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.rules.js;

import io.wsscan.analysis.JsAnalyzer;
import io.wsscan.rules.RuleCatalog;
import io.wsscan.testing.RuleTester;
import org.junit.jupiter.api.Test;

/**
 * Allowlist lookups keyed by tainted data: an object lookup yields only the allowlist's constants; a
 * {@code Map.get} lookup is still reported (a known gap, found by the help examples of
 * js/ws-message-open-redirect and js/ws-url-injection, which now use object lookups).
 */
class AllowlistLookupTest {

    private static final RuleTester TESTER = RuleTester.using(new JsAnalyzer(RuleCatalog.builtin())::analyzeTogether);

    @Test
    void navigationTargetFromAnAllowlist() {
        TESTER.check("router.js", """
                const ROUTES = Object.freeze({ login: '/login', home: '/' });
                const MAP_ROUTES = new Map([['login', '/login'], ['home', '/']]);
                const session = new WebSocket('wss://app.example.com/session');
                session.onmessage = (event) => {
                  const msg = JSON.parse(event.data);
                  if (Object.hasOwn(ROUTES, msg.route)) {
                    // safe: js/ws-message-open-redirect
                    location.assign(ROUTES[msg.route]);
                  }
                  if (MAP_ROUTES.has(msg.route)) {
                    // expect-spurious: js/ws-message-open-redirect
                    location.assign(MAP_ROUTES.get(msg.route));
                  }
                  // expect: js/ws-message-open-redirect "location.assign"
                  location.assign(msg.route);
                };
                """);
    }

    @Test
    void socketHostFromAnAllowlist() {
        TESTER.check("prices.js", """
                const HOSTS = Object.freeze({ eu: 'eu.stream.example.com', us: 'us.stream.example.com' });
                const MAP_HOSTS = new Map([['eu', 'eu.stream.example.com']]);
                const region = new URLSearchParams(location.search).get('region');
                const host = Object.hasOwn(HOSTS, region) ? HOSTS[region] : HOSTS.eu;
                // safe: js/ws-url-injection
                const a = new WebSocket(`wss://${host}/prices`);
                // expect-spurious: js/ws-url-injection
                const b = new WebSocket(`wss://${MAP_HOSTS.get(region) ?? 'eu.stream.example.com'}/prices`);
                // expect: js/ws-url-injection "the page URL"
                const c = new WebSocket(`wss://${region}.stream.example.com/prices`);
                """);
    }
}
