package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Group;
import dev.reason4j.core.Problem;

/**
 * A reward that judges each completion on its own, so {@link RewardScorer} can give every
 * completion its own time limit and run them in parallel.
 */
public interface CompletionReward extends RewardFunction {

    /**
     * The value of one completion of {@code problem}; NaN when the problem cannot be scored.
     *
     * @throws InfrastructureFailureException when the checking machinery failed (not the response's fault)
     */
    double score(Problem problem, Completion completion);

    /** {@link #score(Problem, Completion)} for each completion; an infrastructure failure gives NaN. */
    @Override
    default double[] score(Group group) {
        double[] values = new double[group.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = score(group.problem(), group.completions().get(i));
            } catch (InfrastructureFailureException e) {
                values[i] = Double.NaN;
            }
        }
        return values;
    }
}
