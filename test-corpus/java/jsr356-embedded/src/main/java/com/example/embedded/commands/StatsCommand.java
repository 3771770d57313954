package com.example.embedded.commands;

/** Prints counters (built by a test harness only). */
public class StatsCommand implements Command {
    @Override
    public void execute(String argument) {
        System.out.println(Runtime.getRuntime().freeMemory());
    }
}
