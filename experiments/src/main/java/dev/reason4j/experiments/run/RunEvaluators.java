package dev.reason4j.experiments.run;

import dev.reason4j.experiments.config.ExperimentConfig;
import dev.reason4j.model.tokenizer.Tokenizer;
import dev.reason4j.rollout.RolloutEngine;
import java.nio.file.Path;

/**
 * Makes the {@link RunEvaluator} of a run: {@link ExperimentEvaluator#factory()} (the eval package's
 * {@code Evaluator}) for {@code train}, or {@link #NONE}.
 */
@FunctionalInterface
public interface RunEvaluators {
    /**
     * @param engine samples from the policy being trained (borrowed; the run closes it)
     * @param runDir results go under {@code runDir/eval/<phase>/}
     */
    RunEvaluator create(ExperimentConfig config, ExperimentData data, Tokenizer tokenizer, RolloutEngine engine, Path runDir);

    /** Evaluates nothing. */
    RunEvaluators NONE = (config, data, tokenizer, engine, runDir) -> RunEvaluator.NONE;
}
