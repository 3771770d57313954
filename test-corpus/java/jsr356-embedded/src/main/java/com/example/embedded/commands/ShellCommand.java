package com.example.embedded.commands;

/** Runs a maintenance script named by the operator. */
public class ShellCommand implements Command {
    @Override
    public void execute(String argument) throws Exception {
        // reached through the interface call in CommandEndpoint: the message names that file
        // expect: java/ws-message-injection "CommandEndpoint.java line"
        Runtime.getRuntime().exec("/opt/console/bin/" + argument);
    }
}
