/**
 * The GRPO objective, written twice: once as plain Java over {@code double} arrays (the oracle, the
 * reference every test checks against: {@link dev.reason4j.grpo.objective.GroupRelativeAdvantages},
 * {@link dev.reason4j.grpo.objective.PolicyLossOracle}) and once over DJL NDArrays with autograd, the
 * one the trainer backpropagates ({@link dev.reason4j.grpo.objective.PolicyLoss}).
 *
 * <p>The formulas are those of {@code shared/GRPO-MATH.md}: group-relative advantages, the clipped
 * surrogate with a token- or sequence-level (GSPO) ratio, the k3 KL to a reference, and three ways to
 * aggregate token losses over a batch. The aggregation's normaliser is computed once over the full
 * batch ({@link dev.reason4j.grpo.objective.LossNormalizer}) so that minibatches and gradient
 * accumulation add up to exactly the full-batch loss.
 */
package dev.reason4j.grpo.objective;
