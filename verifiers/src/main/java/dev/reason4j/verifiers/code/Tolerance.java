package dev.reason4j.verifiers.code;

import java.math.BigDecimal;

/**
 * How close two numbers must be when the expected one is not an integer: within {@code absolute}
 * or within {@code relative} times the larger magnitude. An expected integer must be matched
 * exactly ({@code 123456} never equals {@code 123457}, whatever the tolerance), because a
 * relative tolerance on large integers is exactly the false positive a reward must not have.
 */
public record Tolerance(double relative, double absolute) {

    public Tolerance {
        if (!(relative >= 0 && relative < 1)) {
            throw new IllegalArgumentException("Tolerance.relative must be in [0, 1), got " + relative);
        }
        if (!(absolute >= 0 && Double.isFinite(absolute))) {
            throw new IllegalArgumentException("Tolerance.absolute must be finite and >= 0, got " + absolute);
        }
    }

    /** 1e-6 relative, 1e-6 absolute. */
    public static Tolerance defaults() {
        return new Tolerance(1e-6, 1e-6);
    }

    public static Tolerance exact() {
        return new Tolerance(0, 0);
    }

    /**
     * Whether {@code actual} matches {@code expected}. An expected value written as an integer must
     * be met exactly (numerically, so {@code 2.0} meets {@code 2}); one written with a decimal point
     * or exponent within the tolerance.
     */
    public boolean matches(BigDecimal expected, boolean expectedWrittenAsInteger, BigDecimal actual) {
        if (expected.compareTo(actual) == 0) {
            return true;
        }
        return !expectedWrittenAsInteger && close(expected.doubleValue(), actual.doubleValue());
    }

    /** For non-finite or already-floating values: equal (NaN matches NaN) or within the tolerance. */
    public boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true;
        }
        double diff = Math.abs(expected - actual);
        return diff <= absolute || diff <= relative * Math.max(Math.abs(expected), Math.abs(actual));
    }
}
