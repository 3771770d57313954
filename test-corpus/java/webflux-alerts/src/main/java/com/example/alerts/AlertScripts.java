package com.example.alerts;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;

final class AlertScripts {

    private AlertScripts() {
    }

    static ScriptEngine engine() {
        return new ScriptEngineManager().getEngineByName("javascript");
    }
}
