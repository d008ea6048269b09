package dev.reason4j.verifiers.math;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link MathVerifier} reads and judges answers. {@link #defaults()} is what the test
 * table is run against; override one field with the {@code with…} methods.
 *
 * @param extractors           which answer extractors apply, in order; the first that finds anything decides
 * @param relativeTolerance    tolerance for a decimal approximation of an irrational value (only there; see {@link ScalarEquivalence})
 * @param minSignificantDigits a decimal approximation needs this many significant digits ({@code 3.14} yes, {@code 3.1} no)
 * @param symbolicTolerance    relative floating-point slack when sampling expressions; absorbs rounding, nothing else
 * @param samplePoints         random points per symbolic comparison
 * @param seed                 seed for the sample points: same seed, same verdicts
 * @param timeLimit            wall-clock limit for one check; past it the response is wrong ({@code LIMIT_EXCEEDED})
 * @param maxResponseChars     longer responses are not read at all ({@code LIMIT_EXCEEDED})
 * @param maxAnswerChars       longer extracted answers (or references) are not parsed
 * @param maxNesting           bracket / sign / exponent nesting depth the parser accepts
 * @param maxExponent          largest integer exponent (and decimal exponent) evaluated exactly
 * @param maxResultBits        largest exact intermediate value, in bits
 * @param maxFactorial         largest n in {@code n!} and k in {@code \binom{n}{k}} evaluated exactly
 */
public record MathVerifierConfig(
        List<AnswerExtractor> extractors,
        double relativeTolerance,
        int minSignificantDigits,
        double symbolicTolerance,
        int samplePoints,
        long seed,
        Duration timeLimit,
        int maxResponseChars,
        int maxAnswerChars,
        int maxNesting,
        int maxExponent,
        int maxResultBits,
        int maxFactorial) {

    public MathVerifierConfig {
        Objects.requireNonNull(extractors, "MathVerifierConfig.extractors");
        extractors = List.copyOf(extractors);
        if (extractors.isEmpty()) {
            throw new IllegalArgumentException("MathVerifierConfig.extractors is empty: name at least one, e.g. boxed");
        }
        Objects.requireNonNull(timeLimit, "MathVerifierConfig.timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("MathVerifierConfig.timeLimit must be positive, got " + timeLimit);
        }
        requireIn("relativeTolerance", relativeTolerance, 0, 0.1);
        requireIn("symbolicTolerance", symbolicTolerance, 0, 1e-3);
        requireIn("minSignificantDigits", minSignificantDigits, 1, 30);
        requireIn("samplePoints", samplePoints, 3, 1000);
        requireIn("maxResponseChars", maxResponseChars, 1, Integer.MAX_VALUE);
        requireIn("maxAnswerChars", maxAnswerChars, 1, Integer.MAX_VALUE);
        requireIn("maxNesting", maxNesting, 1, 2000);
        requireIn("maxExponent", maxExponent, 1, 10_000_000);
        requireIn("maxResultBits", maxResultBits, 64, 100_000_000);
        requireIn("maxFactorial", maxFactorial, 1, 1_000_000);
    }

    public static MathVerifierConfig defaults() {
        return new MathVerifierConfig(AnswerExtractors.defaults(), 1e-4, 3, 1e-10, 8, 20_240_917L, Duration.ofSeconds(2),
                262_144, 2_000, 100, 10_000, 100_000, 1_000);
    }

    public MathVerifierConfig withExtractors(List<AnswerExtractor> value) {
        return new MathVerifierConfig(value, relativeTolerance, minSignificantDigits, symbolicTolerance, samplePoints, seed,
                timeLimit, maxResponseChars, maxAnswerChars, maxNesting, maxExponent, maxResultBits, maxFactorial);
    }

    public MathVerifierConfig withRelativeTolerance(double value) {
        return new MathVerifierConfig(extractors, value, minSignificantDigits, symbolicTolerance, samplePoints, seed,
                timeLimit, maxResponseChars, maxAnswerChars, maxNesting, maxExponent, maxResultBits, maxFactorial);
    }

    public MathVerifierConfig withTimeLimit(Duration value) {
        return new MathVerifierConfig(extractors, relativeTolerance, minSignificantDigits, symbolicTolerance, samplePoints, seed,
                value, maxResponseChars, maxAnswerChars, maxNesting, maxExponent, maxResultBits, maxFactorial);
    }

    public MathVerifierConfig withMaxResponseChars(int value) {
        return new MathVerifierConfig(extractors, relativeTolerance, minSignificantDigits, symbolicTolerance, samplePoints, seed,
                timeLimit, value, maxAnswerChars, maxNesting, maxExponent, maxResultBits, maxFactorial);
    }

    public MathVerifierConfig withSeed(long value) {
        return new MathVerifierConfig(extractors, relativeTolerance, minSignificantDigits, symbolicTolerance, samplePoints, value,
                timeLimit, maxResponseChars, maxAnswerChars, maxNesting, maxExponent, maxResultBits, maxFactorial);
    }

    private static void requireIn(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("MathVerifierConfig." + field + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    private static void requireIn(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("MathVerifierConfig." + field + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
