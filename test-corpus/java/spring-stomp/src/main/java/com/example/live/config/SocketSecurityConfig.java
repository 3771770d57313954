package com.example.live.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.messaging.MessageSecurityMetadataSourceRegistry;
import org.springframework.security.config.annotation.web.socket.AbstractSecurityWebSocketMessageBrokerConfigurer;

/** Spring Security 5 style messaging security; CSRF on CONNECT was switched off "for the mobile app". */
@Configuration
public class SocketSecurityConfig extends AbstractSecurityWebSocketMessageBrokerConfigurer {

    @Override
    protected void configureInbound(MessageSecurityMetadataSourceRegistry messages) {
        messages.simpDestMatchers("/app/**").authenticated().anyMessage().denyAll();
    }

    // expect: java/ws-permissive-origin@error
    @Override
    protected boolean sameOriginDisabled() {
        return true;
    }
}
