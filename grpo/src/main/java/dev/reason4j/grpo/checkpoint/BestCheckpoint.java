package dev.reason4j.grpo.checkpoint;

import dev.reason4j.core.Reason4jException;

/**
 * The checkpoint kept for its evaluation metric, with the value that earned it the place.
 *
 * @param checkpoint     the copy under {@code best-step-N/} (never removed by rotation)
 * @param metric         the metric's name, e.g. {@code eval/pass@1}
 * @param value          its value at that step
 * @param higherIsBetter whether a larger value is an improvement
 */
public record BestCheckpoint(Checkpoint checkpoint, String metric, double value, boolean higherIsBetter) {
    public BestCheckpoint {
        if (checkpoint == null || metric == null || metric.isBlank()) {
            throw new Reason4jException("BestCheckpoint needs a checkpoint and a metric name");
        }
        if (!Double.isFinite(value)) {
            throw new Reason4jException("BestCheckpoint.value is " + value + "; only a finite metric can rank checkpoints");
        }
    }

    /** Whether {@code candidate} strictly improves on this value (a NaN never does). */
    public boolean isImprovedBy(double candidate) {
        return Double.isFinite(candidate) && (higherIsBetter ? candidate > value : candidate < value);
    }
}
