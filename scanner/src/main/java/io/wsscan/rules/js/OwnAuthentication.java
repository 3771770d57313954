package io.wsscan.rules.js;

import io.wsscan.analysis.Engine;
import io.wsscan.analysis.Fact.Param;
import io.wsscan.analysis.Fact.Str;
import io.wsscan.analysis.Fact.Taint;
import io.wsscan.analysis.Models;
import io.wsscan.inventory.HostPattern;
import io.wsscan.inventory.UrlParts;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;
import io.wsscan.policy.Policy;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * When sending a credential is the feature: a login form's password emitted to the app's own socket
 * is how login works, not a leak. A credential sent at a call is the app's own authentication when
 * <ol>
 *   <li>no connection the send may go over is known to be cleartext ({@code ws:}/{@code http:} as
 *       written, not chosen against the page's protocol) to a host other than loopback; and</li>
 *   <li>either the message authenticates (its name, e.g. the socket.io event, is one of the
 *       {@code authMessages} of the heuristics, and no unknown name is possible), or every connection
 *       it may go over is known to reach the app itself: the page's own origin ({@code io()},
 *       relative URLs, {@code location.host}), loopback, or a {@code firstPartyHosts} host of the
 *       policy.</li>
 * </ol>
 * A send whose connection is not known (a socket handed in from elsewhere) counts as going to an
 * unknown host with an unknown scheme: only an authentication message makes it the feature.
 */
public final class OwnAuthentication {

    /** The sink kind of a connection URL: data blocked from it cannot move the host. */
    private static final String WS_URL = "ws-url";

    /** Where one connection may go. */
    private enum Destination { OWN, OTHER, CLEARTEXT }

    private final Engine.Result engine;
    private final Models models;
    private final Policy policy;
    private final Map<Node, Engine.ConnectionSite> sites = new IdentityHashMap<>();

    public OwnAuthentication(Engine.Result engine, Models models, Policy policy) {
        this.engine = engine;
        this.models = models;
        this.policy = policy == null ? Policy.NONE : policy;
        for (Engine.ConnectionSite c : engine.connections()) sites.put(c.call, c);
    }

    /** Whether the send at {@code call} (the sink call of a report) is the app's own authentication. */
    public boolean isFeature(Node call) {
        Engine.SendSite send = engine.send(call);
        List<Destination> where = new ArrayList<>();
        if (send == null || send.connections().isEmpty()) where.add(Destination.OTHER);
        else for (Node c : send.connections()) destinations(sites.get(c), where);
        if (where.contains(Destination.CLEARTEXT)) return false;
        if (!where.contains(Destination.OTHER)) return true;
        return send != null && authMessage(send);
    }

    private boolean authMessage(Engine.SendSite send) {
        if (send.unknownMessage() || send.messages().isEmpty()) return false;
        for (String m : send.messages()) if (!models.authMessage(m)) return false;
        return true;
    }

    /** Every place the connection made at {@code site} may go, by its URL as constant folding knows it. */
    private void destinations(Engine.ConnectionSite site, List<Destination> out) {
        if (site == null) {
            out.add(Destination.OTHER);
            return;
        }
        if (site.model.pageOrigin() && urlOmitted(site)) out.add(Destination.OWN);
        boolean any = false;
        // data that may decide the host (the page URL, storage, a message) leaves the destination open,
        // whatever constant URLs the value may also be; so does a parameter of a function around the
        // connection call, which stands for whatever its callers pass (a parameter that reached the URL
        // through an object's field comes with the values callers stored there, which the URL holds)
        for (Taint t : site.url().all(Taint.class)) if (!t.barriers().contains(WS_URL)) out.add(Destination.OTHER);
        for (Param p : site.url().all(Param.class)) {
            Node fn = p.function();
            boolean enclosing = fn.start <= site.call.start && site.call.end <= fn.end;
            if (enclosing && !p.barriers().contains(WS_URL)) out.add(Destination.OTHER);
        }
        for (Str s : site.url().all(Str.class)) {
            any = true;
            UrlParts u = UrlParts.parse(s.parts());
            boolean loopback = u.host() != null && models.isLoopback(u.host());
            boolean cleartext = !s.mirrored() && u.scheme() != null && site.model.cleartextSchemes().contains(u.scheme() + ":");
            if (cleartext && !loopback) {
                out.add(Destination.CLEARTEXT);
            } else if (u.pageHost() || loopback || (u.relative() && u.host() == null)
                    || (u.host() != null && !u.unknown().contains("host") && HostPattern.any(policy.firstPartyHosts(), u.host()))) {
                out.add(Destination.OWN);
            } else {
                out.add(Destination.OTHER);
            }
        }
        if (!any && !(site.model.pageOrigin() && urlOmitted(site))) out.add(Destination.OTHER);
    }

    /** No URL argument where the model expects it: none at all, an options object, or {@code undefined}. */
    private static boolean urlOmitted(Engine.ConnectionSite site) {
        Node call = site.call;
        int i = site.model.urlArgument() + 1;
        if (call.size() <= i) return true;
        Node arg = call.kid(i);
        return arg.is(Kind.OBJECT) || arg.is(Kind.UNDEFINED) || (arg.is(Kind.IDENT) && "undefined".equals(arg.text));
    }
}
