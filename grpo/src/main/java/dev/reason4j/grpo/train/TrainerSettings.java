package dev.reason4j.grpo.train;

import dev.reason4j.core.Reason4jException;
import dev.reason4j.grpo.objective.AdvantageScaling;
import dev.reason4j.grpo.objective.LossAggregation;
import dev.reason4j.grpo.objective.PolicyObjective;
import dev.reason4j.grpo.optim.AdamWConfig;
import dev.reason4j.grpo.optim.LearningRateSchedule;
import dev.reason4j.rollout.SamplingParams;

/**
 * Everything the GRPO loop needs besides the model, data and rewards.
 *
 * @param steps              optimizer-batch steps to run (each: rollout → rewards → updates)
 * @param problemsPerStep    problems per batch (B); the batch holds B × groupSize completions
 * @param groupSize          G, completions per problem
 * @param sampling           rollout sampling (its seed is the run seed; each problem's stream is derived from it)
 * @param scaling            advantage normalisation (GRPO: group)
 * @param objective          clip range, ratio level (token / GSPO sequence), KL weight β
 * @param aggregation        loss aggregation (grpo / dapo / dr_grpo)
 * @param maskTruncated      drop completions that hit max_new_tokens from the loss (DAPO's overlong filtering)
 * @param dynamicSampling    DAPO: drop groups whose rewards are all equal and draw more
 * @param maxSamplingRounds  cap on rollout rounds per step when dynamic sampling refills the batch
 * @param update             passes, minibatches, micro-batches, clipping
 * @param optimizer          AdamW hyper-parameters
 * @param schedule           learning rate per optimizer step
 * @param seed               the run's seed: rollouts, data order and minibatch order all derive from it
 * @param evalEvery          evaluate every N steps (0 = never during training)
 * @param checkpointEvery    checkpoint every N steps (0 = only at the end)
 * @param keepLast           checkpoints kept
 */
public record TrainerSettings(int steps, int problemsPerStep, int groupSize, SamplingParams sampling, AdvantageScaling scaling,
                              PolicyObjective objective, LossAggregation aggregation, boolean maskTruncated,
                              boolean dynamicSampling, int maxSamplingRounds, UpdateConfig update, AdamWConfig optimizer,
                              LearningRateSchedule schedule, long seed, int evalEvery, int checkpointEvery, int keepLast) {
    public TrainerSettings {
        if (steps < 0) {
            throw new Reason4jException("grpo.steps must be ≥ 0, got " + steps);
        }
        if (problemsPerStep < 1) {
            throw new Reason4jException("rollout.problems_per_step must be ≥ 1, got " + problemsPerStep);
        }
        if (groupSize < 2) {
            throw new Reason4jException("rollout.group_size must be ≥ 2: GRPO compares completions within a group, got " + groupSize);
        }
        if (sampling.greedy()) {
            throw new Reason4jException("rollout.temperature is 0 (greedy): a group of identical completions has nothing to compare; use e.g. 1.0");
        }
        if (maxSamplingRounds < 1) {
            throw new Reason4jException("grpo.max_sampling_rounds must be ≥ 1, got " + maxSamplingRounds);
        }
        if (evalEvery < 0 || checkpointEvery < 0 || keepLast < 1) {
            throw new Reason4jException("eval_every and checkpoint_every must be ≥ 0 and keep_last ≥ 1");
        }
    }
}
