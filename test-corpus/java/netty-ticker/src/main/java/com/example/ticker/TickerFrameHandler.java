package com.example.ticker;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.lang.reflect.Method;

/** Ticker commands: subscribe to a symbol, broadcast an annotation, call a formatter. */
public class TickerFrameHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {

    private static final ChannelGroup SUBSCRIBERS = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) throws Exception {
        String text = frame.text();
        String[] parts = text.split(":", 2);
        if (parts[0].equals("note")) {
            // expect: java/ws-message-xss-relay
            SUBSCRIBERS.writeAndFlush(new TextWebSocketFrame("<em>" + parts[1] + "</em>"));
        } else if (parts[0].equals("format")) {
            // expect: java/ws-message-injection
            Method m = Formatters.class.getMethod(parts[1], String.class);
            ctx.writeAndFlush(new TextWebSocketFrame(String.valueOf(m.invoke(null, "AAPL"))));
        } else {
            SUBSCRIBERS.add(ctx.channel());
            // safe: java/ws-message-xss-relay
            ctx.writeAndFlush(new TextWebSocketFrame("{\"subscribed\":\"" + text + "\"}"));
        }
    }
}
