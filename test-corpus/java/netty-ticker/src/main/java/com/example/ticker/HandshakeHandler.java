package com.example.ticker;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;

/** Manual handshakes for the legacy /stream path (no origin test) and the /audit path (exact origin). */
public class HandshakeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private WebSocketServerHandshaker handshaker;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (req.uri().startsWith("/audit")) {
            audit(ctx, req);
            return;
        }
        WebSocketServerHandshakerFactory factory = new WebSocketServerHandshakerFactory("wss://ticker.example.com/stream", null, true);
        // expect: java/ws-missing-origin-check@warning
        handshaker = factory.newHandshaker(req);
        handshaker.handshake(ctx.channel(), req);
    }

    private void audit(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!"https://audit.example.com".equals(req.headers().get(HttpHeaderNames.ORIGIN))) {
            ctx.close();
            return;
        }
        WebSocketServerHandshakerFactory factory = new WebSocketServerHandshakerFactory("wss://ticker.example.com/audit", null, false);
        // safe: java/ws-missing-origin-check
        WebSocketServerHandshaker audited = factory.newHandshaker(req);
        audited.handshake(ctx.channel(), req);
    }
}
