package dev.reason4j.experiments.eval;

import dev.reason4j.core.Problem;

/** Which verifier judges a problem. */
public enum ProblemKind {
    /** A reference answer checked by {@link dev.reason4j.verifiers.math.MathVerifier}. */
    MATH,
    /** Metadata {@code numbers} and {@code target}: an expression checked by {@link dev.reason4j.verifiers.countdown.CountdownVerifier}. */
    COUNTDOWN,
    /** Code tests run by {@link dev.reason4j.verifiers.code.CodeVerifier}. */
    CODE;

    /** Code tests win, then Countdown metadata, else the math answer. */
    public static ProblemKind of(Problem problem) {
        if (!problem.tests().isEmpty()) {
            return CODE;
        }
        if (problem.metadata().containsKey("numbers") && problem.metadata().containsKey("target")) {
            return COUNTDOWN;
        }
        return MATH;
    }
}
