package com.example.live.config;

import com.example.live.raw.PriceHandler;
import com.example.live.raw.UploadHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

import java.util.List;

@Configuration
@EnableWebSocket
public class RawSocketConfig implements WebSocketConfigurer {

    private static final List<String> PRICE_ORIGINS = List.of("https://trade.example.com", AppOrigins.WILDCARD);

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new PriceHandler(), "/prices")
                .addInterceptors(new HttpSessionHandshakeInterceptor())
                // expect: java/ws-permissive-origin@error
                .setAllowedOrigins(PRICE_ORIGINS.toArray(new String[0]));
        // safe: java/ws-permissive-origin
        registry.addHandler(new UploadHandler(), "/upload").setAllowedOrigins("https://trade.example.com");
    }
}
