package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Group;
import dev.reason4j.core.Problem;

/**
 * Scores the completions of one problem.
 *
 * <p>A value of {@code NaN} means "not applicable": the problem cannot be scored by this function
 * (no reference answer, no tests, an unreadable reference). It is left out of the group baseline
 * and out of the weighted total (see {@link RewardCombination}). When the checking machinery itself
 * fails (no sandbox, a fault in a checker) a function throws {@link InfrastructureFailureException}
 * or, from a group-level {@link #score}, returns NaN. A response that makes a checker run out of
 * time or crash is <b>wrong</b>, never NaN: otherwise a model learns to hide in time-outs; that is
 * what {@link #failureValue} is for.
 *
 * <p>Implementations are called from several threads at once by {@link RewardScorer} and must be
 * thread-safe. Most rewards judge one completion at a time and implement {@link CompletionReward};
 * implement this interface directly only when a completion's value depends on its group
 * (e.g. {@link LengthPenaltyReward}).
 */
public interface RewardFunction extends AutoCloseable {

    /** The name used in configs and in logged metrics ({@code accuracy}, {@code format}, …). */
    String name();

    /** One value per completion of {@code group}, in order; NaN where not applicable. */
    double[] score(Group group);

    /**
     * The value a completion gets when scoring it ran past {@link RewardScorer}'s time limit or
     * threw. Verifier-backed rewards return their "wrong" value here, so a response cannot escape a
     * penalty by hanging the checker. The default, NaN, says the failure is not the response's fault
     * (a text-only reward has nothing in the response that could make it fail).
     */
    default double failureValue(Problem problem, Completion completion) {
        return Double.NaN;
    }

    /** Releases what the function holds (a code sandbox's work directory, threads). Idempotent. */
    @Override
    default void close() {
    }
}
