package dev.reason4j.grpo.train;

import java.util.Map;

/** Hooks the caller gives the trainer: progress display and periodic evaluation. Library code never prints. */
public interface TrainingListener {
    /** After each step's metrics are written. */
    default void onStep(long step, long totalSteps, Map<String, Object> metrics) {
    }

    /**
     * Evaluates the current policy on held-out problems; called every eval_every steps. Keys are logged
     * with an "eval/" prefix; {@code pass@1}, when present, picks the best checkpoint.
     */
    default Map<String, Double> evaluate(long step) {
        return Map.of();
    }
}
