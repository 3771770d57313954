package com.example.ticker;

/** Quote formatters a client may pick by name. */
public final class Formatters {

    private Formatters() {
    }

    public static String compact(String symbol) {
        return symbol.toLowerCase();
    }
}
