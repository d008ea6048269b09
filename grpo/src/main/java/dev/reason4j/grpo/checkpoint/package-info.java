/**
 * Checkpoints of a run: the model in HF layout, the optimizer state and the trainer's state,
 * written atomically into {@code runs/<name>/checkpoints/step-N/}, rotated, verified by checksum on
 * load, with an optional best checkpoint kept by a metric. See {@link dev.reason4j.grpo.checkpoint.CheckpointStore}.
 */
package dev.reason4j.grpo.checkpoint;
