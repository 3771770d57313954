package com.example.chat;

import org.springframework.web.socket.WebSocketHandler;

/** Relays chat messages to every connected session. */
public class ChatHandler implements WebSocketHandler {
}
