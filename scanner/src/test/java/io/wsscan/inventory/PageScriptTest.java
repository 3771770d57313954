package io.wsscan.inventory;

import io.wsscan.findings.Region;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageScriptTest {

    private static PageScript of(String src, String integrity, String crossorigin) {
        return PageScript.of("web/index.html", new Region(3, 1, 3, 8), src, integrity, crossorigin, false);
    }

    private static PageScript of(String src) {
        return of(src, null, null);
    }

    @Test
    void hostSchemeAndPartyOfEachKindOfAddress() {
        PageScript cdn = of("https://CDN.Example.net:8443/lib/x.js?v=1");
        assertEquals("https", cdn.scheme());
        assertEquals("cdn.example.net", cdn.host());
        assertEquals("8443", cdn.port());
        assertEquals(Endpoint.Party.THIRD_PARTY, cdn.party());
        assertTrue(cdn.external());
        assertFalse(cdn.cleartext());
        assertTrue(cdn.notes().contains(PageScript.NOT_FETCHED), cdn.notes()::toString);

        PageScript rel = of("/static/app.js");
        assertEquals(Endpoint.Party.RELATIVE, rel.party());
        assertNull(rel.host());
        assertFalse(rel.external());
        assertEquals(List.of(), rel.notes());
        assertEquals(Endpoint.Party.RELATIVE, of("js/app.js").party());
        assertEquals(Endpoint.Party.RELATIVE, of("~/js/site.js").party(), "ASP.NET's app-relative path is the site's own");

        PageScript pr = of("//widgets.vendor.io/embed.js");
        assertNull(pr.scheme());
        assertEquals("widgets.vendor.io", pr.host());
        assertTrue(pr.cleartext(), "a protocol-relative script is fetched over http on an http page");
        assertTrue(pr.notes().contains(PageScript.PROTOCOL_RELATIVE));

        PageScript http = of("http://stats.example.org/t.js");
        assertTrue(http.cleartext());
        assertEquals(PageScript.CLEARTEXT, http.notes().get(0));

        PageScript user = of("https://user:pw@cdn.example.net/x.js");
        assertEquals("cdn.example.net", user.host());
        assertEquals("[::1]", of("https://[::1]:9000/x.js").host());
    }

    @Test
    void templateCodeInTheAddressLeavesTheHostUnknown() {
        for (String src : List.of("{{ cdn_base }}/lib.js", "https://{{ cdn_host }}/lib.js", "<%= asset_path('a.js') %>",
                "${base}/a.js", "{% static 'a.js' %}", "@Url.Content(\"~/a.js\")", "https://<?= $cdn ?>/a.js", "#{cdn}/a.js")) {
            PageScript s = of(src);
            assertEquals(Endpoint.Party.UNKNOWN, s.party(), src);
            assertNull(s.host(), src);
            assertTrue(s.notes().contains(PageScript.TEMPLATE_SRC), src);
        }
        // template code after the host or in the path does not hide the host
        assertEquals("cdn.example.net", of("https://cdn.example.net/{{ version }}/a.js").host());
        assertEquals(Endpoint.Party.RELATIVE, of("/static/{{ version }}/a.js").party());
        assertEquals("cdn.jsdelivr.net", of("https://cdn.jsdelivr.net/npm/sockjs-client@1/dist/sockjs.min.js").host());
        // a data: URL has no host, and is no template either
        PageScript data = of("data:text/javascript,alert(1)");
        assertEquals(Endpoint.Party.UNKNOWN, data.party());
        assertFalse(data.notes().contains(PageScript.TEMPLATE_SRC));
    }

    @Test
    void integrityIsAHashOnlyWhenTheBrowserCanUseIt() {
        assertEquals(PageScript.Integrity.MISSING, PageScript.integrityOf(null));
        assertEquals(PageScript.Integrity.UNUSABLE, PageScript.integrityOf(""));
        assertEquals(PageScript.Integrity.UNUSABLE, PageScript.integrityOf("  "));
        assertEquals(PageScript.Integrity.UNUSABLE, PageScript.integrityOf("md5-Xr4ilOzQ4PCOq3aQ0qbuaQ=="), "unknown algorithms are ignored");
        assertEquals(PageScript.Integrity.HASH, PageScript.integrityOf("sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"));
        assertEquals(PageScript.Integrity.HASH, PageScript.integrityOf("md5-abc sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));
        assertEquals(PageScript.Integrity.TEMPLATE, PageScript.integrityOf("{{ sri.app }}"));
        assertEquals(PageScript.Integrity.TEMPLATE, PageScript.integrityOf("<%= sri %>"));
        assertTrue(PageScript.Integrity.TEMPLATE.present());
        assertFalse(PageScript.Integrity.UNUSABLE.present());
    }

    @Test
    void integrityWithoutCrossoriginOnAnotherHostIsNoted() {
        assertTrue(of("https://cdn.example.net/x.js", "sha256-abc=", null).notes().contains(PageScript.NO_CORS));
        assertFalse(of("https://cdn.example.net/x.js", "sha256-abc=", "").notes().contains(PageScript.NO_CORS));
        assertFalse(of("https://cdn.example.net/x.js", null, null).notes().contains(PageScript.NO_CORS));
        assertFalse(of("/x.js", "sha256-abc=", null).notes().contains(PageScript.NO_CORS), "same-origin scripts need no CORS");
    }

    @Test
    void policyDecidesFirstPartyAndTheAllowlist() {
        List<HostPattern> first = List.of(new HostPattern("*.shop.example"));
        PageScript own = of("https://static.shop.example/x.js").withPolicy(first, h -> h.endsWith(".shop.example"), true);
        assertEquals(Endpoint.Party.FIRST_PARTY, own.party());
        assertEquals(Boolean.TRUE, own.allowed());
        PageScript other = of("https://cdn.vendor.io/x.js").withPolicy(first, h -> false, true);
        assertEquals(Endpoint.Party.THIRD_PARTY, other.party());
        assertEquals(Boolean.FALSE, other.allowed());
        assertNull(of("https://cdn.vendor.io/x.js").withPolicy(first, h -> false, false).allowed(), "no allowlist, no verdict");
        assertNull(of("/x.js").withPolicy(first, h -> false, true).allowed(), "a relative script has no host to allow");
    }
}
