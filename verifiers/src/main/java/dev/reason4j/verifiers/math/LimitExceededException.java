package dev.reason4j.verifiers.math;

/**
 * An input hit one of the checker's caps (length, nesting, exponent or result size, time). Never
 * leaves the package: {@link MathVerifier} turns it into a {@code LIMIT_EXCEEDED} verdict for a
 * response and a {@code NOT_APPLICABLE} verdict for a gold answer.
 */
final class LimitExceededException extends RuntimeException {

    LimitExceededException(String message) {
        super(message, null, false, false);
    }
}
