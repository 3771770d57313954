package com.example.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;

public class OrderDecoder implements Decoder.Text<Order> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Order decode(String s) throws DecodeException {
        try {
            return MAPPER.readValue(s, Order.class);
        } catch (Exception e) {
            throw new DecodeException(s, "not an order", e);
        }
    }

    @Override
    public boolean willDecode(String s) {
        return s != null && s.startsWith("{");
    }
}
