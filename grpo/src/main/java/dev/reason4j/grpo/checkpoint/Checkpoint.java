package dev.reason4j.grpo.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.grpo.optim.AdamW;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelIo;
import java.nio.file.Path;

/**
 * A committed checkpoint directory. Its files are only read; {@link #verify} checks them against
 * the manifest written with them.
 *
 * @param step the optimizer step it was saved at
 * @param dir  {@code .../checkpoints/step-N} (or {@code best-step-N}); also the HF model directory
 */
public record Checkpoint(long step, Path dir) {
    public Checkpoint {
        if (step < 0 || dir == null) {
            throw new Reason4jException("a Checkpoint needs a step ≥ 0 and a directory (got " + step + ", " + dir + ")");
        }
    }

    /**
     * Checks every file against the sizes and CRC-32Cs recorded when it was written.
     *
     * @throws Reason4jException naming the missing, truncated or damaged file
     */
    public Checkpoint verify() {
        long recorded = CheckpointManifest.verify(dir);
        if (recorded != step) {
            throw new Reason4jException("checkpoint " + dir + " is named for step " + step + " but its manifest records step " + recorded);
        }
        return this;
    }

    /** The directory to pass to {@link ModelIo#load} (the checkpoint is an HF model directory). */
    public Path modelDir() {
        return dir;
    }

    /** Loads the model; the caller closes it. */
    public DecoderModel loadModel(Device device, DataType dtype) {
        return ModelIo.load(dir, device, dtype);
    }

    /** Restores {@code optimizer}'s moments and step count from this checkpoint. */
    public void restoreOptimizer(AdamW optimizer) {
        optimizer.load(dir);
    }

    public TrainerState trainerState() {
        return TrainerState.read(dir);
    }
}
