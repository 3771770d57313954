package com.example.embedded.commands;

import javax.script.ScriptEngineManager;

/** The old scripting command: still compiled, but nothing in the project builds it any more. */
public class LegacyScriptCommand implements Command {
    @Override
    public void execute(String argument) throws Exception {
        // six implementations and this one never constructed: the interface call does not reach it
        // safe: java/ws-message-injection
        new ScriptEngineManager().getEngineByName("js").eval(argument);
    }
}
