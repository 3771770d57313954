package io.wsscan.policy;

/** A policy file that cannot be used: the message names the file, line and key (one line). */
public final class PolicyException extends RuntimeException {
    public PolicyException(String message) {
        super(message);
    }
}
