package dev.reason4j.grpo.sft;

import dev.reason4j.core.Reason4jException;

/**
 * Supervised warm start (R1's cold start).
 *
 * @param epochs       passes over the examples
 * @param batchSize    examples per optimizer step
 * @param learningRate peak learning rate (linear warmup over warmupSteps, then cosine to 10% of it)
 * @param warmupSteps  optimizer steps of linear warmup
 * @param maxGradNorm  global-norm clipping
 * @param weightDecay  AdamW's decoupled weight decay
 * @param seed         shuffling order
 */
public record SftSettings(int epochs, int batchSize, double learningRate, int warmupSteps, double maxGradNorm,
                          double weightDecay, long seed) {
    public SftSettings {
        if (epochs < 1 || batchSize < 1) {
            throw new Reason4jException("sft.epochs and sft.batch_size must be ≥ 1");
        }
        if (!(learningRate > 0) || !(maxGradNorm > 0) || warmupSteps < 0 || weightDecay < 0) {
            throw new Reason4jException("sft.learning_rate and sft.max_grad_norm must be > 0, warmup_steps and weight_decay ≥ 0");
        }
    }
}
