package dev.reason4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reason4j.experiments.config.ExperimentConfig;
import dev.reason4j.experiments.config.ExperimentConfigs;
import dev.reason4j.grpo.objective.AdvantageScaling;
import dev.reason4j.grpo.objective.LossAggregation;
import dev.reason4j.grpo.objective.RatioLevel;
import dev.reason4j.grpo.train.TrainerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every GRPO key reaches the trainer's settings. */
class TrainerSettingsFactoryTest {
    @TempDir
    Path tmp;

    @Test
    void eachKeyBecomesItsSetting() throws Exception {
        Path file = tmp.resolve("c.yaml");
        Files.writeString(file, """
                seed: 9
                model: {init: {}}
                data: {generator: {name: arithmetic, count: 20}}
                rollout: {group_size: 4, problems_per_step: 3, temperature: 0.9, top_k: 5, top_p: 0.8, min_p: 0.01, max_new_tokens: 33, stop: [X]}
                grpo:
                  steps: 10
                  learning_rate: 1.0e-4
                  warmup_steps: 2
                  schedule: cosine
                  min_lr: 1.0e-5
                  beta: 0.04
                  clip_low: 0.1
                  clip_high: 0.28
                  ratio_level: sequence
                  advantage: rloo
                  loss: grpo
                  mask_truncated: true
                  dynamic_sampling: true
                  max_sampling_rounds: 4
                  num_iterations: 2
                  mini_batch_size: 6
                  micro_batch_size: 3
                  max_grad_norm: 0.5
                  weight_decay: 0.1
                  adam_beta1: 0.8
                  adam_beta2: 0.99
                  adam_epsilon: 1.0e-6
                  max_non_finite_steps: 7
                eval: {every: 5}
                output: {checkpoint_every: 3, keep_last: 4}
                """);
        ExperimentConfig c = ExperimentConfigs.load(file, List.of()).config();
        TrainerSettings s = TrainerSettingsFactory.of(c);
        assertEquals(10, s.steps());
        assertEquals(3, s.problemsPerStep());
        assertEquals(4, s.groupSize());
        assertEquals(0.9, s.sampling().temperature());
        assertEquals(5, s.sampling().topK());
        assertEquals(0.8, s.sampling().topP());
        assertEquals(0.01, s.sampling().minP());
        assertEquals(33, s.sampling().maxNewTokens());
        assertEquals(List.of("X"), s.sampling().stop());
        assertEquals(AdvantageScaling.RLOO, s.scaling());
        assertEquals(RatioLevel.SEQUENCE, s.objective().ratioLevel());
        assertEquals(0.1, s.objective().clipLow());
        assertEquals(0.28, s.objective().clipHigh());
        assertEquals(0.04, s.objective().beta());
        assertEquals(LossAggregation.SEQUENCE_MEAN, s.aggregation());
        assertEquals(true, s.maskTruncated());
        assertEquals(true, s.dynamicSampling());
        assertEquals(4, s.maxSamplingRounds());
        assertEquals(2, s.update().numIterations());
        assertEquals(6, s.update().miniBatchSize());
        assertEquals(3, s.update().microBatchSize());
        assertEquals(0.5, s.update().maxGradNorm());
        assertEquals(0.9, s.update().temperature(), "the objective's π is at the sampling temperature");
        assertEquals(7, s.update().maxNonFiniteSteps());
        assertEquals(0.8, s.optimizer().beta1());
        assertEquals(0.99, s.optimizer().beta2());
        assertEquals(1e-6, s.optimizer().epsilon());
        assertEquals(0.1, s.optimizer().weightDecay());
        assertEquals(9, s.seed());
        assertEquals(5, s.evalEvery());
        assertEquals(3, s.checkpointEvery());
        assertEquals(4, s.keepLast());
        // 12 completions per step in minibatches of 6, two passes: 4 optimizer steps a step, 40 in all
        assertEquals(0.0, s.schedule().lr(0));
        assertEquals(1e-4, s.schedule().lr(2), 1e-15);
        assertEquals(1e-5, s.schedule().lr(40), 1e-15);
        assertEquals(1e-5 + (1e-4 - 1e-5) * 0.5, s.schedule().lr(21), 1e-12, "half-way through the cosine");
    }
}
