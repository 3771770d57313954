package com.example.ticker;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.util.Set;

/** Members' ticker: an origin filter runs before the WebSocket upgrade. */
public class SecureTickerInitializer extends ChannelInitializer<SocketChannel> {

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast(new HttpServerCodec())
                .addLast(new HttpObjectAggregator(65536))
                .addLast(new OriginFilterHandler(Set.of("https://members.example.com")))
                // safe: java/ws-missing-origin-check
                .addLast(new WebSocketServerProtocolHandler("/members"))
                .addLast(new TickerFrameHandler());
    }
}
