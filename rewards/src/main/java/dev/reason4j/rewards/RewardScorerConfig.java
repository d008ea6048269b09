package dev.reason4j.rewards;

import dev.reason4j.core.Reason4jException;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RewardScorer} runs.
 *
 * @param parallelism completions scored at once (each a thread, a code check also a sandboxed
 *                    process); more than the core count only adds waiting
 * @param timeLimit   per completion and reward, counted from when its scoring starts; past it the
 *                    completion gets the reward's {@link RewardFunction#failureValue} (wrong, for a
 *                    verifier-backed reward). Leave room for the slowest legitimate check: a code
 *                    problem runs every test, each up to the sandbox's wall time
 */
public record RewardScorerConfig(int parallelism, Duration timeLimit) {
    public RewardScorerConfig {
        if (parallelism < 1) {
            throw new Reason4jException("RewardScorerConfig.parallelism must be at least 1, got " + parallelism
                    + "; use the number of cores");
        }
        Objects.requireNonNull(timeLimit, "RewardScorerConfig.timeLimit: give a duration such as 60 s");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new Reason4jException("RewardScorerConfig.timeLimit must be positive, got " + timeLimit + "; the default is 60 s");
        }
    }

    /** One thread per core, 60 s per completion and reward. */
    public static RewardScorerConfig defaults() {
        return new RewardScorerConfig(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(60));
    }
}
