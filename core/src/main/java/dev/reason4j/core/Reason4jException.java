package dev.reason4j.core;

/**
 * The one unchecked exception of the project. Its message is written for the user: it says what is
 * wrong, where (file, line, key or field) and, where there is one, the fix. The command line prints
 * the message alone (no stack trace unless {@code --debug}).
 */
public class Reason4jException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Reason4jException(String message) {
        super(message);
    }

    public Reason4jException(String message, Throwable cause) {
        super(message, cause);
    }
}
