package com.example.live.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.security.config.annotation.web.socket.EnableWebSocketSecurity;

/** Spring Security 6: replacing the csrfChannelInterceptor bean with a no-op disables the CONNECT CSRF check. */
@Configuration
@EnableWebSocketSecurity
public class ModernSocketSecurity {

    // expect: java/ws-permissive-origin@error
    @Bean(name = "csrfChannelInterceptor")
    ChannelInterceptor csrfChannelInterceptor() {
        return new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                return message;
            }
        };
    }

    // safe: java/ws-permissive-origin
    @Bean
    ChannelInterceptor auditInterceptor() {
        return new ChannelInterceptor() {
        };
    }
}
