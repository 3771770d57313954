package io.wsscan.deps;

import io.wsscan.inventory.Endpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BundlesTest {

    private static Endpoint.Package bundle(String name, String version) {
        return new Endpoint.Package(name, version, "bundle");
    }

    @Test
    void bannersNameThePackageOfABundle() {
        assertEquals(bundle("socket.io-client", "4.8.1"),
                Bundles.of("static/js/socket.io.min.js", "/*!\n * socket.io-client v4.8.1\n */\n"));
        assertEquals(bundle("jQuery", "3.7.1"), Bundles.of("vendor/jquery.js", "/*! jQuery v3.7.1 | (c) OpenJS Foundation */\n!function(){}"));
        assertEquals(bundle("sockjs-client", "1.6.1"), Bundles.of("dist/sockjs.js", "\uFEFF  /* sockjs-client v1.6.1 | http://sockjs.org */"));
        assertEquals(bundle("@stomp/stompjs", "7.5.0"), Bundles.of("web/app.min.js", "// @stomp/stompjs@7.5.0\nvar a;"));
        assertEquals(bundle("centrifuge", "5.8.0-beta.1"), Bundles.of("third_party/c.js", "/** centrifuge v5.8.0-beta.1 */"));
    }

    @Test
    void noBannerOrNoBundleNoPackage() {
        // the project's own code, even with a version in its header
        assertNull(Bundles.of("src/app.js", "/*! chat v2.1.0 */"));
        // a bundle whose first comment names no version, or that starts with code
        assertNull(Bundles.of("vendor/x.js", "/* (c) Acme, MIT licence */ var v = 'x v1.2.3';"));
        assertNull(Bundles.of("vendor/x.js", "var banner = '/*! x v1.2.3 */';"));
        // a version far from the start is not the banner's
        assertNull(Bundles.of("dist/x.js", "/*" + " ".repeat(Bundles.HEAD) + "x v1.2.3 */"));
        // an e-mail address or a path is no name
        assertNull(Bundles.of("dist/y.js", "/* mail me@1.2.3.4 */"));
    }
}
