package dev.reason4j.verifiers.math;

/** An answer string is not one this checker can read. Never leaves the package. */
final class AnswerParseException extends RuntimeException {

    AnswerParseException(String message) {
        super(message, null, false, false);
    }
}
