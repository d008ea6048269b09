package dev.reason4j.rewards;

import dev.reason4j.core.Reason4jException;

/**
 * The checking machinery failed for one completion (no sandbox, a fault inside a checker): the
 * response is neither right nor wrong. {@link RewardScorer} records NaN and counts it.
 */
public class InfrastructureFailureException extends Reason4jException {
    private static final long serialVersionUID = 1L;

    public InfrastructureFailureException(String message) {
        super(message);
    }
}
