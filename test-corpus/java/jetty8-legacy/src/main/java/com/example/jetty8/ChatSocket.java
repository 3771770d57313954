package com.example.jetty8;

import org.eclipse.jetty.websocket.WebSocket;

import java.io.IOException;

/** A Jetty 8 socket: relays each text message to the client as markup. */
public class ChatSocket implements WebSocket.OnTextMessage {

    private Connection connection;

    @Override
    public void onOpen(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void onMessage(String data) {
        try {
            // expect: java/ws-message-xss-relay
            connection.sendMessage("<li>" + data + "</li>");
            // safe: java/ws-message-xss-relay
            connection.sendMessage("{\"length\":" + data.length() + "}");
        } catch (IOException e) {
            connection.close();
        }
    }

    @Override
    public void onClose(int closeCode, String message) {
    }
}
