package dev.reason4j.experiments.run;

import dev.reason4j.experiments.config.ExperimentConfig;
import dev.reason4j.experiments.config.GrpoSection;
import dev.reason4j.experiments.config.RolloutSection;
import dev.reason4j.experiments.config.ScheduleKind;
import dev.reason4j.experiments.config.TrainingPlan;
import dev.reason4j.grpo.objective.PolicyObjective;
import dev.reason4j.grpo.optim.AdamWConfig;
import dev.reason4j.grpo.optim.LearningRateSchedule;
import dev.reason4j.grpo.train.TrainerSettings;
import dev.reason4j.grpo.train.UpdateConfig;
import dev.reason4j.rollout.SamplingParams;

/** The grpo module's settings from an experiment config: one key, one constructor argument. */
public final class TrainerSettingsFactory {
    private TrainerSettingsFactory() {
    }

    public static TrainerSettings of(ExperimentConfig c) {
        GrpoSection g = c.grpo();
        RolloutSection r = c.rollout();
        PolicyObjective objective = new PolicyObjective(g.ratioLevel(), g.clipLow(), g.clipHigh(), g.beta());
        UpdateConfig update = new UpdateConfig(g.numIterations(), g.miniBatchSize(), g.microBatchSize(), g.maxGradNorm(),
                r.temperature(), g.maxNonFiniteSteps());
        AdamWConfig adam = new AdamWConfig(g.adamBeta1(), g.adamBeta2(), g.adamEpsilon(), g.weightDecay());
        return new TrainerSettings(g.steps(), r.problemsPerStep(), r.groupSize(), rolloutSampling(c), g.advantage(), objective, g.loss(),
                g.maskTruncated(), g.dynamicSampling(), g.maxSamplingRounds(), update, adam, schedule(c), c.seed(), c.eval().every(),
                c.output().checkpointEvery(), c.output().keepLast());
    }

    /** Training rollouts' sampling; the trainer derives each problem's seed from the run seed. */
    public static SamplingParams rolloutSampling(ExperimentConfig c) {
        RolloutSection r = c.rollout();
        return new SamplingParams(r.temperature(), r.topK(), r.topP(), r.minP(), r.maxNewTokens(), r.stop(), c.seed());
    }

    /** Warmup then constant, or warmup then cosine over the run's optimizer steps ({@link TrainingPlan}). */
    static LearningRateSchedule schedule(ExperimentConfig c) {
        GrpoSection g = c.grpo();
        if (g.schedule() == ScheduleKind.CONSTANT) {
            return LearningRateSchedule.constantWithWarmup(g.learningRate(), g.warmupSteps());
        }
        long total = Math.max(TrainingPlan.of(c).totalOptimizerSteps(), g.warmupSteps() + 1L);
        return LearningRateSchedule.cosineWithWarmup(g.learningRate(), g.warmupSteps(), total, g.minLr());
    }
}
