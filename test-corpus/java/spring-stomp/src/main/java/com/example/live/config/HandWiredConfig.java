package com.example.live.config;

import com.example.live.raw.PriceHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import java.util.List;
import java.util.Map;

/** Hand-wired handlers for a legacy URL scheme: no registry, so no default origin interceptor. */
@Configuration
public class HandWiredConfig {

    @Bean
    public SimpleUrlHandlerMapping legacyMapping() {
        // expect: java/ws-missing-origin-check@warning
        WebSocketHttpRequestHandler legacy = new WebSocketHttpRequestHandler(new PriceHandler());

        // safe: java/ws-missing-origin-check
        WebSocketHttpRequestHandler checked = new WebSocketHttpRequestHandler(new PriceHandler());
        checked.setHandshakeInterceptors(List.of(new OriginHandshakeInterceptor(List.of("https://trade.example.com"))));

        // safe: java/ws-missing-origin-check
        WebSocketHttpRequestHandler open = new WebSocketHttpRequestHandler(new PriceHandler());
        // expect: java/ws-permissive-origin@error
        open.setHandshakeInterceptors(List.of(new OriginHandshakeInterceptor(List.of(AppOrigins.WILDCARD))));

        return new SimpleUrlHandlerMapping(Map.of("/legacy/prices", legacy, "/legacy/checked", checked, "/legacy/open", open), 1);
    }
}
