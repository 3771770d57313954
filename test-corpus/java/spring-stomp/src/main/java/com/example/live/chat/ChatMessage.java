package com.example.live.chat;

/** STOMP payload, decoded from JSON by Spring's message converter. */
public class ChatMessage {

    private String sender;
    private String content;
    private String room;

    public String getSender() {
        return sender;
    }

    public String getContent() {
        return content;
    }

    public String getRoom() {
        return room;
    }

    public void setContent(String content) {
        this.content = content;
    }
}
