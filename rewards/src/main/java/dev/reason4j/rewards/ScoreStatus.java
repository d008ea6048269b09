package dev.reason4j.rewards;

/** How one completion's value for one reward came about; {@link RewardReport} counts them. */
enum ScoreStatus {
    /** The reward returned a finite value. */
    SCORED,
    /** The reward returned NaN: it does not apply to the problem. */
    NOT_APPLICABLE,
    /** The checking machinery failed: NaN, not the response's fault. */
    INFRASTRUCTURE_FAILURE,
    /** Scoring ran past the time limit: the reward's failure value. */
    TIMED_OUT,
    /** The reward threw, or returned ±∞ or the wrong number of values: the reward's failure value. */
    FAILED
}
