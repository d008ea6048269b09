package dev.reason4j.verifiers.math;

/** An expression has no value (division by zero, {@code 0^{-1}}, a factorial of a negative integer). */
final class UndefinedValueException extends RuntimeException {

    UndefinedValueException(String message) {
        super(message, null, false, false);
    }
}
