package com.example.api;

/** Looks up orders; the browser side lives in src/main/webapp. */
public class OrderService {
    public String status(String orderId) {
        return orderId == null ? "unknown" : "shipped";
    }
}
