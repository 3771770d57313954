package com.example.frameworks;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/** Netty: a handler before the protocol handler knows the user by the site's session cookie. */
public class SessionTickerInitializer extends ChannelInitializer<SocketChannel> {

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline pipeline = ch.pipeline();
        pipeline.addLast(new HttpServerCodec());
        pipeline.addLast(new HttpObjectAggregator(65536));
        pipeline.addLast(new SessionCookieHandler());
        // expect: java/ws-missing-origin-check@error "SessionCookieHandler.java line"
        pipeline.addLast(new WebSocketServerProtocolHandler("/portfolio", null, true));
    }
}
