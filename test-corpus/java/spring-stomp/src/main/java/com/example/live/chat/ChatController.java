package com.example.live.chat;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.Principal;

@Controller
public class ChatController {

    private static final String NOTICE_HTML = "<div class=\"notice\">%s</div>";
    private static final String ATTACHMENTS = "/srv/chat/attachments";

    private final SimpMessagingTemplate messagingTemplate;
    private final JdbcTemplate jdbcTemplate;
    private final RoomService rooms;

    public ChatController(SimpMessagingTemplate messagingTemplate, JdbcTemplate jdbcTemplate, RoomService rooms) {
        this.messagingTemplate = messagingTemplate;
        this.jdbcTemplate = jdbcTemplate;
        this.rooms = rooms;
    }

    @MessageMapping("/chat.send")
    @SendTo("/topic/public")
    public String send(@Payload ChatMessage message) {
        // expect: java/ws-message-xss-relay
        return "<b>" + message.getSender() + "</b>: " + message.getContent();
    }

    @MessageMapping("/chat.json")
    @SendTo("/topic/public")
    public ChatMessage relayJson(@Payload ChatMessage message) {
        // safe: java/ws-message-xss-relay
        return message;
    }

    @MessageMapping("/chat.notice")
    public void notice(@Payload ChatMessage message, Principal user) {
        // expect: java/ws-message-xss-relay
        messagingTemplate.convertAndSendToUser(user.getName(), "/queue/notice", String.format(NOTICE_HTML, message.getContent()));
        // safe: java/ws-message-xss-relay
        messagingTemplate.convertAndSend("/topic/notice", String.format(NOTICE_HTML, HtmlUtils.htmlEscape(message.getContent())));
        // safe: java/ws-message-xss-relay
        messagingTemplate.convertAndSend("/topic/raw", message);
    }

    @MessageMapping("/room/{roomId}/history")
    public void history(@DestinationVariable String roomId, ChatMessage filter) {
        // expect: java/ws-message-injection
        jdbcTemplate.queryForList("SELECT body FROM messages WHERE room = '" + roomId + "' AND body LIKE '%" + filter.getContent() + "%'");
        // safe: java/ws-message-injection
        jdbcTemplate.queryForList("SELECT body FROM messages WHERE room = ? AND body LIKE ?", roomId, "%" + filter.getContent() + "%");
        rooms.touch(roomId);
    }

    @MessageMapping("/attachment/{name}")
    public void attachment(@DestinationVariable String name, Principal user) throws IOException {
        // expect: java/ws-message-injection
        byte[] data = Files.readAllBytes(Paths.get(ATTACHMENTS, name));
        messagingTemplate.convertAndSendToUser(user.getName(), "/queue/attachment", data);
    }

    @MessageMapping("/room/{roomId}/topic")
    public void topic(@DestinationVariable String roomId, @Payload ChatMessage message) {
        StringBuilder html = new StringBuilder();
        html.append("<h2>").append(message.getContent()).append("</h2>");
        // expect: java/ws-message-xss-relay
        messagingTemplate.convertAndSend("/topic/room." + roomId, html.toString());
    }
}
