package dev.reason4j.experiments.config;

import dev.reason4j.grpo.objective.AdvantageScaling;
import dev.reason4j.grpo.objective.LossAggregation;
import dev.reason4j.grpo.objective.RatioLevel;

/**
 * The GRPO update (DeepSeekMath, Shao et al. 2024) with the DAPO (Yu et al. 2025), Dr. GRPO (Liu et
 * al. 2025) and GSPO (Zheng et al. 2025) variants. Defaults follow TRL's GRPOConfig.
 *
 * @param steps             training steps, each: sample → score → update (default 100; 0 = evaluate only)
 * @param learningRate      peak AdamW learning rate (default 1e-6, TRL's). The setting that matters most:
 *                          Adam's first step moves every weight by about lr, so a rate that suits SFT can
 *                          wreck a policy; tiny models tolerate ~1e-5, billion-parameter ones ~1e-6
 * @param warmupSteps       optimizer steps of linear warmup from 0 (default 0)
 * @param schedule          {@code constant} (default) or {@code cosine} decay to min_lr after warmup
 * @param minLr             the cosine's floor (default 0.0)
 * @param beta              weight of the KL penalty to the frozen reference, k3 estimator (default 0.0, as
 *                          TRL, DAPO and Dr. GRPO: no reference model, half the memory; DeepSeekMath used 0.04)
 * @param clipLow           ε_low: the ratio is clipped below at 1 − ε_low (default 0.2, PPO/GRPO)
 * @param clipHigh          ε_high: clipped above at 1 + ε_high (default 0.2; DAPO's clip-higher 0.28 keeps
 *                          exploration alive; GSPO uses ~4e-4 with ratio_level: sequence)
 * @param ratioLevel        {@code token} (default: per-token ratio, PPO/GRPO) or {@code sequence} (GSPO: one
 *                          length-normalised ratio per completion; steadier for long completions and MoE)
 * @param advantage         {@code group} (default: (R − mean) / std within the group, GRPO), {@code batch}
 *                          (std over the batch, TRL's scale_rewards: batch), {@code none} (Dr. GRPO: no std,
 *                          which otherwise over-weights too-easy and too-hard problems) or {@code rloo}
 * @param loss              how token losses are averaged: {@code dapo} (default, TRL's: over all tokens of
 *                          the batch, so long completions are not under-weighted), {@code grpo} (per
 *                          completion, then over completions: the length bias Dr. GRPO points out) or
 *                          {@code dr_grpo} (divided by a constant, B × max_new_tokens)
 * @param maskTruncated     leave completions cut at max_new_tokens out of the loss (DAPO's overlong
 *                          filtering; default false)
 * @param dynamicSampling   DAPO's dynamic sampling: drop groups whose rewards are all equal (they carry no
 *                          gradient) and sample more problems to refill the batch (default false)
 * @param maxSamplingRounds with dynamic sampling, the most rollout rounds per step (default 3)
 * @param numIterations     μ, passes over each batch (default 1: on-policy, the clip never binds; &gt; 1
 *                          reuses samples, GRPO's original setting, and the clip keeps updates near π_old)
 * @param miniBatchSize     completions per optimizer step (default 0: the whole batch, one step per pass)
 * @param microBatchSize    completions per forward/backward; gradients accumulate inside a minibatch, so
 *                          this trades memory for speed without changing the result (default 16)
 * @param maxGradNorm       global gradient-norm clipping (default 1.0, TRL's)
 * @param weightDecay       AdamW's decoupled weight decay (default 0.0, TRL's; torch's AdamW uses 0.01)
 * @param adamBeta1         AdamW β1 (default 0.9)
 * @param adamBeta2         AdamW β2 (default 0.999)
 * @param adamEpsilon       AdamW ε (default 1e-8)
 * @param maxNonFiniteSteps stop after this many consecutive updates with a NaN/Inf gradient (default 3)
 */
public record GrpoSection(@Default("100") @Range(min = 0) int steps,
                          @Default("1e-6") @Range(min = 0, minExclusive = true) double learningRate,
                          @Default("0") @Range(min = 0) int warmupSteps,
                          @Default("constant") ScheduleKind schedule,
                          @Default("0.0") @Range(min = 0) double minLr,
                          @Default("0.0") @Range(min = 0) double beta,
                          @Default("0.2") @Range(min = 0, max = 1, maxExclusive = true) double clipLow,
                          @Default("0.2") @Range(min = 0) double clipHigh,
                          @Default("token") RatioLevel ratioLevel,
                          @Default("group") AdvantageScaling advantage,
                          @Default("dapo") LossAggregation loss,
                          @Default("false") boolean maskTruncated,
                          @Default("false") boolean dynamicSampling,
                          @Default("3") @Range(min = 1) int maxSamplingRounds,
                          @Default("1") @Range(min = 1) int numIterations,
                          @Default("0") @Range(min = 0) int miniBatchSize,
                          @Default("16") @Range(min = 1) int microBatchSize,
                          @Default("1.0") @Range(min = 0, minExclusive = true) double maxGradNorm,
                          @Default("0.0") @Range(min = 0) double weightDecay,
                          @Default("0.9") @Range(min = 0, max = 1, maxExclusive = true) double adamBeta1,
                          @Default("0.999") @Range(min = 0, max = 1, maxExclusive = true) double adamBeta2,
                          @Default("1e-8") @Range(min = 0) double adamEpsilon,
                          @Default("3") @Range(min = 1) int maxNonFiniteSteps) {
    public GrpoSection {
        if (schedule == ScheduleKind.COSINE && minLr > learningRate) {
            throw new InvalidSetting("min_lr", "is above learning_rate (" + learningRate + "); the cosine decays from learning_rate down to min_lr");
        }
    }
}
