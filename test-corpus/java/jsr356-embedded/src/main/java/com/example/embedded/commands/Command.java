package com.example.embedded.commands;

/** An operator command; six implementations, three of which CommandEndpoint builds. */
public interface Command {
    void execute(String argument) throws Exception;
}
