package io.wsscan.cli;

/** A usage or configuration error found while running a command: exit code 2 with one line on stderr. */
final class UsageException extends RuntimeException {

    private final String hint;

    UsageException(String message) {
        this(message, null);
    }

    /** @param hint an optional second line, e.g. {@code see 'wsscan scan --help'} */
    UsageException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    String hint() {
        return hint;
    }
}
