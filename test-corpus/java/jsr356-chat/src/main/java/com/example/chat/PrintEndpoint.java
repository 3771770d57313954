package com.example.chat;

import jakarta.persistence.EntityManager;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.apache.commons.io.FilenameUtils;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/** Print shop orders: decoded POJOs, their fields flow into queries, files and commands. */
// safe: java/ws-missing-origin-check
@ServerEndpoint(value = "/print", decoders = OrderDecoder.class, configurator = OriginConfigurator.class)
public class PrintEndpoint {

    private static final Map<String, String> HANDLERS = Map.of("pdf", "com.example.print.PdfHandler", "png", "com.example.print.PngHandler");
    private static final String SPOOL = "/var/spool/print";

    private EntityManager em;

    @OnMessage
    public void onOrder(Order order, Session session) throws Exception {
        // expect: java/ws-message-injection
        em.createNativeQuery("SELECT credit FROM customers WHERE name = '" + order.getCustomer() + "'").getSingleResult();
        // safe: java/ws-message-injection
        Path spooled = Paths.get(SPOOL, FilenameUtils.getName(order.getFile()));
        // safe: java/ws-message-injection
        Class<?> handler = Class.forName(HANDLERS.getOrDefault(order.getHandler(), "com.example.print.PdfHandler"));
        // safe: java/ws-message-injection
        Runtime.getRuntime().exec(new String[] {"/usr/bin/convert", "-resize", String.valueOf(order.getWidth()), SPOOL + "/current.ps"});
        // safe: java/ws-message-injection
        Runtime.getRuntime().exec("/usr/bin/lp -o format=" + order.getFormat().name().toLowerCase());
        // expect: java/ws-message-injection
        Runtime.getRuntime().exec("/usr/bin/lp -t " + order.getCustomer());
        // safe: java/ws-message-xss-relay
        session.getBasicRemote().sendText("<p>queued for " + order.getWidth() + "px</p>");
        handler.getDeclaredConstructor().newInstance();
        session.getUserProperties().put("spooled", spooled);
    }
}
