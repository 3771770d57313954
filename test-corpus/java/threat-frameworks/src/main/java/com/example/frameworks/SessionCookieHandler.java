package com.example.frameworks;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;

/** Resolves the signed-in user from the session cookie of the upgrade request; checks no Origin. */
public class SessionCookieHandler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest req) {
            String cookie = req.headers().get("Cookie");
            ctx.channel().attr(Users.KEY).set(Users.fromCookie(cookie));
        }
        ctx.fireChannelRead(msg);
    }
}
