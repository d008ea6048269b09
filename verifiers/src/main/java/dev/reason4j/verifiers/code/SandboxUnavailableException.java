package dev.reason4j.verifiers.code;

/** No sandbox works on this machine, and the user did not opt out of isolation. The message says how to fix it. */
public class SandboxUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SandboxUnavailableException(String message) {
        super(message);
    }
}
