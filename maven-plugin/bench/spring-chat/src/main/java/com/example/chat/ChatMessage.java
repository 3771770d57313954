package com.example.chat;

public record ChatMessage(Type type, String sender, String content) {
    public enum Type { CHAT, JOIN, LEAVE }
}
