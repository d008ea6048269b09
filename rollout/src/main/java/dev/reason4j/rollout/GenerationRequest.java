package dev.reason4j.rollout;

import dev.reason4j.core.Reason4jException;
import java.util.Objects;

/**
 * Sample {@code n} completions of one prompt. Sample i draws its randomness from sequence id
 * {@code firstSequenceId + i} under {@code params.seed()}, so its tokens are the same however the
 * request is batched, split or served.
 *
 * @param promptIds       the tokenized prompt (chat template already applied)
 * @param n               completions wanted (GRPO's group size G)
 * @param params          sampling settings
 * @param firstSequenceId sequence id of the first sample (0 unless the request is a slice of a larger one)
 */
public record GenerationRequest(int[] promptIds, int n, SamplingParams params, long firstSequenceId) {
    public GenerationRequest {
        Objects.requireNonNull(promptIds, "promptIds");
        Objects.requireNonNull(params, "params");
        if (promptIds.length == 0) {
            throw new Reason4jException("a prompt must have at least one token");
        }
        if (n < 1) {
            throw new Reason4jException("n (completions per prompt) must be ≥ 1, got " + n);
        }
    }

    public GenerationRequest(int[] promptIds, int n, SamplingParams params) {
        this(promptIds, n, params, 0);
    }
}
