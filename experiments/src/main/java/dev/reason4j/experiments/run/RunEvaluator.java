package dev.reason4j.experiments.run;

import java.util.Map;

/**
 * Evaluates the policy being trained on the run's held-out problems ({@link ExperimentEvaluator} does
 * it with the eval package). {@code train} calls it before training ("before"), every
 * {@code eval.every} steps ("step-N") and after ("after").
 */
public interface RunEvaluator extends AutoCloseable {
    /** Evaluates nothing: for runs without held-out problems. */
    RunEvaluator NONE = phase -> Map.of();

    /**
     * Evaluates the policy as it is now, writing per-problem results and {@code summary.json} under
     * {@code <run dir>/eval/<phase>/}.
     *
     * @param phase {@code before}, {@code after} or {@code step-N}
     * @return the summary's numbers, flat ({@code pass@1} among them ranks checkpoints); empty when
     *         nothing was evaluated
     */
    Map<String, Double> evaluate(String phase);

    @Override
    default void close() {
    }
}
