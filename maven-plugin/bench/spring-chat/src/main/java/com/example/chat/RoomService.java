package com.example.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.stereotype.Service;

@Service
public class RoomService {

    private static final int KEPT = 100;
    private final Deque<ChatMessage> recent = new ArrayDeque<>();

    public synchronized void remember(ChatMessage message) {
        recent.addLast(message);
        while (recent.size() > KEPT) recent.removeFirst();
    }

    public synchronized List<ChatMessage> recent() {
        return List.copyOf(recent);
    }
}
