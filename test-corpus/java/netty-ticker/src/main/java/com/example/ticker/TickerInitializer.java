package com.example.ticker;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/** Public ticker pipeline: nothing before the protocol handler looks at the Origin. */
public class TickerInitializer extends ChannelInitializer<SocketChannel> {

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline pipeline = ch.pipeline();
        pipeline.addLast(new HttpServerCodec());
        pipeline.addLast(new HttpObjectAggregator(65536));
        // expect: java/ws-missing-origin-check@warning
        pipeline.addLast(new WebSocketServerProtocolHandler("/ticker", null, true));
        pipeline.addLast(new TickerFrameHandler());
    }
}
