package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.verifiers.math.MathVerifier;
import java.util.Objects;
import java.util.Set;

/**
 * Rule-based accuracy, the reward of DeepSeek-R1-Zero (DeepSeek-AI 2025, §2.2.2) and open-r1's
 * {@code accuracy_reward}: the completion's final answer is checked against the problem's reference
 * answer by the {@link MathVerifier}.
 *
 * <p>Values: {@code correct} (default 1) when equivalent; {@code incorrect} (default 0) for a wrong
 * answer, no answer, or an answer that hits a verifier cap or its time limit ({@code LIMIT_EXCEEDED});
 * NaN when the problem has no reference answer or the reference is unreadable ({@code NOT_APPLICABLE})
 * and when the checker itself fails ({@code INFRASTRUCTURE_FAILURE}, counted apart). Unlike open-r1,
 * an unreadable reference is NaN, not a free 1.
 *
 * <p>Parameters: {@code correct} (1.0), {@code incorrect} (0.0).
 */
public final class AccuracyReward implements CompletionReward {
    public static final String NAME = "accuracy";

    private final MathVerifier verifier;
    private final double correct;
    private final double incorrect;

    public AccuracyReward(MathVerifier verifier, double correct, double incorrect) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        if (!Double.isFinite(correct) || !Double.isFinite(incorrect) || correct <= incorrect) {
            throw new Reason4jException("accuracy: 'correct' must be a finite number above 'incorrect', got correct="
                    + correct + ", incorrect=" + incorrect + " (defaults 1 and 0)");
        }
        this.correct = correct;
        this.incorrect = incorrect;
    }

    /** Default math verifier, 1 for right and 0 for wrong. */
    public AccuracyReward() {
        this(new MathVerifier(), 1, 0);
    }

    public static RewardFactory factory() {
        return RewardFactory.of(NAME, Set.of("correct", "incorrect"),
                p -> new AccuracyReward(new MathVerifier(), p.number("correct", 1), p.number("incorrect", 0)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double score(Problem problem, Completion completion) {
        return switch (Judgement.ofMath(verifier, problem, completion)) {
            case CORRECT -> correct;
            case WRONG -> incorrect;
            case NOT_APPLICABLE -> Double.NaN;
        };
    }

    @Override
    public double failureValue(Problem problem, Completion completion) {
        return incorrect;
    }
}
