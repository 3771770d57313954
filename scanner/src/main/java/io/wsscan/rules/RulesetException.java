package io.wsscan.rules;

/** A ruleset or model file that cannot be used: a configuration error (exit code 2), not a crash. */
public class RulesetException extends RuntimeException {
    public RulesetException(String message) {
        super(message);
    }

    public RulesetException(String message, Throwable cause) {
        super(message, cause);
    }
}
