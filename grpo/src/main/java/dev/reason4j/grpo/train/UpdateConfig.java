package dev.reason4j.grpo.train;

import dev.reason4j.core.Reason4jException;

/**
 * How a batch of scored completions becomes parameter updates.
 *
 * @param numIterations    μ: passes over each batch (GRPO's num_iterations; 1 = on-policy)
 * @param miniBatchSize    completions per optimizer step; 0 = the whole batch (one step per pass)
 * @param microBatchSize   completions per forward/backward (gradient accumulation inside a minibatch)
 * @param maxGradNorm      global-norm clipping threshold (TRL: 1.0)
 * @param temperature      the π of the objective is softmax(logits / temperature): the sampling temperature
 * @param maxNonFiniteSteps stop with an error after this many consecutive skipped (NaN/Inf) updates
 */
public record UpdateConfig(int numIterations, int miniBatchSize, int microBatchSize, double maxGradNorm,
                           double temperature, int maxNonFiniteSteps) {
    public UpdateConfig {
        if (numIterations < 1) {
            throw new Reason4jException("grpo.num_iterations must be ≥ 1, got " + numIterations);
        }
        if (miniBatchSize < 0) {
            throw new Reason4jException("grpo.mini_batch_size must be ≥ 0 (0 = whole batch), got " + miniBatchSize);
        }
        if (microBatchSize < 1) {
            throw new Reason4jException("grpo.micro_batch_size must be ≥ 1, got " + microBatchSize);
        }
        if (!(maxGradNorm > 0)) {
            throw new Reason4jException("grpo.max_grad_norm must be > 0, got " + maxGradNorm);
        }
        if (!(temperature > 0)) {
            throw new Reason4jException("the objective's temperature must be > 0 (greedy rollouts cannot be trained on), got " + temperature);
        }
        if (maxNonFiniteSteps < 1) {
            throw new Reason4jException("grpo.max_non_finite_steps must be ≥ 1, got " + maxNonFiniteSteps);
        }
    }

    public static UpdateConfig defaults(double temperature) {
        return new UpdateConfig(1, 0, 16, 1.0, temperature, 3);
    }
}
