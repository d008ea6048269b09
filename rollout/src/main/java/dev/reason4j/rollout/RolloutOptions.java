package dev.reason4j.rollout;

import dev.reason4j.core.Reason4jException;

/**
 * Memory and batching knobs of the local engine.
 *
 * @param maxBatchTokens      rows × (prompt + new tokens) allowed in one KV cache; bounds memory
 * @param compactionFraction  drop finished rows from the batch once at least this fraction of it is finished
 * @param lanes               parts of each batch decoded at once on their own threads, each with
 *                            1/lanes of libtorch's intra-op threads but at least one, so more lanes than
 *                            threads use more cores than the thread setting (1: the whole batch on the
 *                            calling thread). On CPU, two lanes of one thread beat one lane of two threads: the
 *                            per-op overhead runs in parallel too. Lanes share one fused copy of the
 *                            projection weights; each has its own KV cache for its part of the batch.
 */
public record RolloutOptions(long maxBatchTokens, double compactionFraction, int lanes) {
    public static final RolloutOptions DEFAULTS = new RolloutOptions(262_144, 0.25, 1);

    public RolloutOptions(long maxBatchTokens, double compactionFraction) {
        this(maxBatchTokens, compactionFraction, 1);
    }

    public RolloutOptions {
        if (lanes < 1) {
            throw new Reason4jException("rollout lanes must be ≥ 1, got " + lanes);
        }
        if (maxBatchTokens < 1) {
            throw new Reason4jException("rollout max_batch_tokens must be ≥ 1, got " + maxBatchTokens);
        }
        if (!(compactionFraction > 0 && compactionFraction <= 1)) {
            throw new Reason4jException("rollout compaction_fraction must be in (0, 1], got " + compactionFraction);
        }
    }

    public RolloutOptions withLanes(int n) {
        return new RolloutOptions(maxBatchTokens, compactionFraction, n);
    }
}
