package dev.reason4j.datasets;

/** Thrown inside the loader when one row cannot become a problem; the bad-row policy decides what follows. */
final class BadRowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRowException(String reason) {
        super(reason, null, false, false);
    }
}
