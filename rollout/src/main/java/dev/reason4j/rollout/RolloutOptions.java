package dev.reason4j.rollout;

import dev.reason4j.core.Reason4jException;

/**
 * Memory and batching knobs of the local engine.
 *
 * @param maxBatchTokens      rows × (prompt + new tokens) allowed in one KV cache; bounds memory
 * @param compactionFraction  drop finished rows from the batch once at least this fraction of it is finished
 */
public record RolloutOptions(long maxBatchTokens, double compactionFraction) {
    public static final RolloutOptions DEFAULTS = new RolloutOptions(262_144, 0.25);

    public RolloutOptions {
        if (maxBatchTokens < 1) {
            throw new Reason4jException("rollout max_batch_tokens must be ≥ 1, got " + maxBatchTokens);
        }
        if (!(compactionFraction > 0 && compactionFraction <= 1)) {
            throw new Reason4jException("rollout compaction_fraction must be in (0, 1], got " + compactionFraction);
        }
    }
}
