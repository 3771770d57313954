package com.example.embedded.commands;

/** Placeholder for commands switched off by configuration. */
public class NoopCommand implements Command {
    @Override
    public void execute(String argument) {
    }
}
