package com.example.filtered;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/** Rejects WebSocket upgrades from foreign origins before Tomcat's WsFilter runs. */
@WebFilter("/ws/*")
public class OriginFilter extends HttpFilter {

    private static final Set<String> ALLOWED = Set.of("https://desk.example.com");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        String origin = req.getHeader("Origin");
        if ("websocket".equalsIgnoreCase(req.getHeader("Upgrade")) && (origin == null || !ALLOWED.contains(origin))) {
            res.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(req, res);
    }
}
