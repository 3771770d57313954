package com.example.live.config;

import com.example.live.raw.PriceHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServerEndpointExporter;
import org.springframework.web.socket.server.standard.ServerEndpointRegistration;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import java.util.List;
import java.util.Map;

/** Spring Boot with JSR-356 endpoints exported as beans, and a hand-wired handler with its own interceptor. */
@Configuration
public class JsrBeansConfig {

    @Bean
    public ServerEndpointExporter serverEndpointExporter() {
        return new ServerEndpointExporter();
    }

    @Bean
    public ServerEndpointRegistration tickerEndpoint() {
        // expect: java/ws-missing-origin-check@note "only sends"
        return new ServerEndpointRegistration("/jsr/ticker", new TickerEndpoint());
    }

    @Bean
    public ServerEndpointRegistration checkedTickerEndpoint() {
        // safe: java/ws-missing-origin-check
        return new ServerEndpointRegistration("/jsr/checked-ticker", new TickerEndpoint()) {
            @Override
            public boolean checkOrigin(String originHeaderValue) {
                return AppOrigins.ADMIN.equals(originHeaderValue);
            }
        };
    }

    @Bean
    public WebSocketHttpRequestHandler auditHandler() {
        // safe: java/ws-missing-origin-check
        WebSocketHttpRequestHandler handler = new WebSocketHttpRequestHandler(new PriceHandler());
        handler.setHandshakeInterceptors(List.of(new ConsoleOriginInterceptor()));
        return handler;
    }

    @Bean
    public WebSocketHttpRequestHandler weakHandler() {
        // expect: java/ws-missing-origin-check@warning
        WebSocketHttpRequestHandler handler = new WebSocketHttpRequestHandler(new PriceHandler());
        handler.setHandshakeInterceptors(List.of(new LooseOriginInterceptor()));
        return handler;
    }

    public WebSocketHttpRequestHandler withInterceptors(List<HandshakeInterceptor> interceptors) {
        // safe: java/ws-missing-origin-check
        WebSocketHttpRequestHandler handler = new WebSocketHttpRequestHandler(new PriceHandler());
        handler.setHandshakeInterceptors(interceptors);
        return handler;
    }

    /** Rejects the handshake unless the Origin is the console's. */
    static class ConsoleOriginInterceptor implements HandshakeInterceptor {
        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
                                       Map<String, Object> attributes) {
            return AppOrigins.ADMIN.equals(request.getHeaders().getOrigin());
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler, Exception ex) {
        }
    }

    /** Only looks for the company name somewhere in the Origin. */
    static class LooseOriginInterceptor implements HandshakeInterceptor {
        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
                                       Map<String, Object> attributes) {
            String origin = request.getHeaders().getFirst("Origin");
            return origin != null && origin.contains("example");
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler, Exception ex) {
        }
    }
}
