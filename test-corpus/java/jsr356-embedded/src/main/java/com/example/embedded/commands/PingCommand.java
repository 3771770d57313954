package com.example.embedded.commands;

/** Answers a liveness probe. */
public class PingCommand implements Command {
    @Override
    public void execute(String argument) {
        System.out.println("pong " + argument.length());
    }
}
