package com.example.embedded.commands;

import com.example.embedded.AllowListConfigurator;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import java.util.Map;

/**
 * Operator console. The call on the Command interface can reach the three commands the map holds
 * (the project never builds the others), so only their sinks are on the message's path.
 */
// safe: java/ws-missing-origin-check
@ServerEndpoint(value = "/console", configurator = AllowListConfigurator.class)
public class CommandEndpoint {

    private final Map<String, Command> commands = Map.of(
            "ping", new PingCommand(),
            "echo", new EchoCommand(),
            "run", new ShellCommand());

    @OnMessage
    public void onMessage(String text) throws Exception {
        int space = text.indexOf(' ');
        String name = space < 0 ? text : text.substring(0, space);
        Command c = commands.get(name);
        if (c != null) {
            c.execute(text.substring(space + 1));
        }
    }
}
