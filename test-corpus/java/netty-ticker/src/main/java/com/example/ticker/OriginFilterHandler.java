package com.example.ticker;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.util.Set;

/** Answers 403 to upgrade requests from origins outside the allow-list. */
public class OriginFilterHandler extends ChannelInboundHandlerAdapter {

    private final Set<String> allowed;

    public OriginFilterHandler(Set<String> allowed) {
        this.allowed = allowed;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest req) {
            String origin = req.headers().get(HttpHeaderNames.ORIGIN);
            if (origin == null || !allowed.contains(origin)) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN, Unpooled.EMPTY_BUFFER))
                        .addListener(ChannelFutureListener.CLOSE);
                req.release();
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
