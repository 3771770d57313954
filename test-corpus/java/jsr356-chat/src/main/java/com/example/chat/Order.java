package com.example.chat;

/** Print order sent by the shop front end; decoded from JSON by OrderDecoder. */
public class Order {

    public enum Format { PDF, PNG }

    private String customer;
    private String file;
    private String handler;
    private int width;
    private Format format;

    public String getCustomer() {
        return customer;
    }

    public String getFile() {
        return file;
    }

    public String getHandler() {
        return handler;
    }

    public int getWidth() {
        return width;
    }

    public Format getFormat() {
        return format;
    }
}
