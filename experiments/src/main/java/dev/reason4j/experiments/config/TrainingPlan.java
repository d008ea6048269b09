package dev.reason4j.experiments.config;

/**
 * The sizes a config implies: completions per step, optimizer steps per step and in all.
 *
 * @param completionsPerStep   problems_per_step × group_size
 * @param miniBatch            completions per optimizer step
 * @param optimizerStepsPerStep num_iterations × ⌈completions / mini batch⌉ (fewer when dynamic sampling keeps fewer groups)
 * @param totalOptimizerSteps  steps × optimizerStepsPerStep: the length of the learning-rate schedule
 */
public record TrainingPlan(int completionsPerStep, int miniBatch, int optimizerStepsPerStep, long totalOptimizerSteps) {

    public static TrainingPlan of(ExperimentConfig config) {
        int completions = config.rollout().completionsPerStep();
        int mini = config.grpo().miniBatchSize() == 0 ? completions : Math.min(config.grpo().miniBatchSize(), completions);
        int perStep = config.grpo().numIterations() * ((completions + mini - 1) / mini);
        return new TrainingPlan(completions, mini, perStep, (long) perStep * config.grpo().steps());
    }
}
