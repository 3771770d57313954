package com.example.live.chat;

import jakarta.persistence.EntityManager;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.stereotype.Service;

import java.util.regex.Pattern;

/** Room bookkeeping; called from the STOMP controller with destination variables. */
@Service
public class RoomService {

    private static final Pattern ROOM_ID = Pattern.compile("[a-z0-9-]{1,32}");
    private final EntityManager em;
    private final ExpressionParser parser = new SpelExpressionParser();

    public RoomService(EntityManager em) {
        this.em = em;
    }

    public void touch(String roomId) {
        if (ROOM_ID.matcher(roomId).matches()) {
            // safe: java/ws-message-injection
            em.createNativeQuery("UPDATE rooms SET last_seen = now() WHERE id = '" + roomId + "'").executeUpdate();
        }
        // expect: java/ws-message-injection
        em.createQuery("SELECT r FROM Room r WHERE r.id = '" + roomId + "'").getResultList();
        // expect: java/ws-message-injection
        parser.parseExpression("rooms['" + roomId + "'].active").getValue();
    }
}
