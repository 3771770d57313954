package com.example.chat;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

@Controller
public class ChatController {

    private final RoomService rooms;

    public ChatController(RoomService rooms) {
        this.rooms = rooms;
    }

    @MessageMapping("/chat.send")
    @SendTo("/topic/public")
    public ChatMessage send(@Payload ChatMessage message) {
        rooms.remember(message);
        return message;
    }

    @MessageMapping("/chat.join")
    @SendTo("/topic/public")
    public ChatMessage join(@Payload ChatMessage message, SimpMessageHeaderAccessor headers) {
        headers.getSessionAttributes().put("username", message.sender());
        return new ChatMessage(ChatMessage.Type.JOIN, message.sender(), message.sender() + " joined");
    }
}
