package io.wsscan.rules.js;

import io.wsscan.analysis.Engine;
import io.wsscan.analysis.Fact.Str;
import io.wsscan.analysis.Trace;
import io.wsscan.inventory.UrlParts;
import io.wsscan.rules.StructuralCheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code url-credentials}: a connection URL that carries a credential in its text — user-info
 * ({@code wss://user:pass@host}) or a query parameter whose name is a credential
 * ({@code ?token=…}, {@code &api_key=…}) with a non-empty value, known or not. Loopback addresses are
 * left out: no proxy, load balancer or other server sees them (a server relaying to itself on localhost).
 */
public final class UrlCredentialsCheck implements StructuralCheck {

    private static final char HOLE = '\u0001';
    private static final Pattern USERINFO = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#@]*)@");

    @Override
    public String name() {
        return "url-credentials";
    }

    @Override
    public List<Hit> run(Context ctx) {
        Map<Object, Hit> hits = new LinkedHashMap<>();
        Pattern params = ctx.models().credentialParams();
        for (Engine.ConnectionSite c : ctx.engine().connections()) {
            for (Str s : c.url().all(Str.class)) {
                UrlParts url = UrlParts.parse(s.parts());
                if (url.host() != null && !url.unknown().contains("host") && ctx.models().isLoopback(url.host())) continue;
                String text = text(s);
                String what = null;
                Matcher u = USERINFO.matcher(text);
                if (u.find() && (u.group(1).indexOf(':') >= 0 || u.group(1).indexOf(HOLE) >= 0)) {
                    what = "credentials in the URL's user-info part";
                } else {
                    Matcher q = params.matcher(text);
                    if (q.find()) what = "the query parameter '" + q.group(1) + "'";
                }
                if (what != null && !hits.containsKey(c.call)) {
                    List<Trace.Step> trace = s.origin() == null || s.origin() == c.call ? List.of()
                            : List.of(new Trace.Step(s.origin(), "URL text with " + what),
                                      new Trace.Step(c.call, "used by " + c.model.library() + " to connect"));
                    hits.put(c.call, new Hit(c.call, Map.of("source", what, "sink",
                            "the " + c.model.library() + " URL", "detail", what), trace));
                }
            }
        }
        return new ArrayList<>(hits.values());
    }

    private static String text(Str s) {
        StringBuilder sb = new StringBuilder();
        for (String p : s.parts()) sb.append(p == null ? String.valueOf(HOLE) : p);
        return sb.toString();
    }
}
