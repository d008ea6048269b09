package dev.reason4j.verifiers;

import java.util.Objects;

/**
 * A verifier's judgement of one response.
 *
 * @param kind      what happened; only {@link Kind#CORRECT} is right
 * @param score     in [0, 1]: 1 or 0 for math, the fraction of tests passed for code
 * @param extracted the answer or program the verifier read from the response ("" if none)
 * @param reason    one sentence for a human: why it said yes or no
 */
public record Verdict(Kind kind, double score, String extracted, String reason) {

    /** The outcome categories. Exhausting a limit is a wrong answer, never "not applicable". */
    public enum Kind {
        CORRECT,
        /** An answer was found and it is not equivalent to the reference (or some tests failed). */
        WRONG_ANSWER,
        /** The response holds no gradable answer (nothing extracted, unclosed think block, no code block). */
        NO_ANSWER,
        /** The response hit a verifier cap (length, nesting, exponent size, time per check). */
        LIMIT_EXCEEDED,
        /** Code: the program crashed or exited non-zero. */
        RUNTIME_ERROR,
        /** Code: the program ran past its CPU or wall-clock limit. */
        TIMEOUT,
        /** Code: the program ran out of its memory limit. */
        MEMORY_LIMIT,
        /** Code: the program wrote more output than allowed. */
        OUTPUT_LIMIT,
        /** Code: the program does not compile / parse. */
        COMPILE_ERROR,
        /** The reference itself cannot be used (e.g. a gold answer that does not parse): cannot judge. */
        NOT_APPLICABLE,
        /** The checking machinery failed (no sandbox, a fault in the checker): not the response's fault. */
        INFRASTRUCTURE_FAILURE
    }

    public Verdict {
        Objects.requireNonNull(kind, "Verdict.kind");
        Objects.requireNonNull(extracted, "Verdict.extracted (use \"\" when nothing was extracted)");
        Objects.requireNonNull(reason, "Verdict.reason");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("Verdict.score must be in [0, 1], got " + score);
        }
        if (kind == Kind.CORRECT && score != 1) {
            throw new IllegalArgumentException("a CORRECT verdict has score 1, got " + score);
        }
    }

    public boolean correct() {
        return kind == Kind.CORRECT;
    }

    /** False when the verdict says nothing about the response (reference unusable or checker failed): rewards treat it as NaN. */
    public boolean judged() {
        return kind != Kind.NOT_APPLICABLE && kind != Kind.INFRASTRUCTURE_FAILURE;
    }

    public static Verdict correct(String extracted, String reason) {
        return new Verdict(Kind.CORRECT, 1, extracted, reason);
    }

    public static Verdict wrong(Kind kind, String extracted, String reason) {
        return new Verdict(kind, 0, extracted, reason);
    }
}
