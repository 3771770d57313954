package com.example.embedded.commands;

import java.util.logging.Logger;

/** Logs what the operator typed. */
public class EchoCommand implements Command {
    private static final Logger LOG = Logger.getLogger("console");

    @Override
    public void execute(String argument) {
        LOG.info(argument);
    }
}
