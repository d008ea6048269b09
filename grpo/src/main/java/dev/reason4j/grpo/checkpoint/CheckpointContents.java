package dev.reason4j.grpo.checkpoint;

import dev.reason4j.grpo.optim.AdamW;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelIo;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the files of one checkpoint into a directory that the {@link CheckpointStore} then commits. */
@FunctionalInterface
public interface CheckpointContents {
    /** Writes into {@code dir}, an empty directory not yet visible as a checkpoint. */
    void writeTo(Path dir) throws IOException;

    /**
     * The trainer's checkpoint: the model in HF layout ({@link ModelIo#save}, with tokenizer and
     * generation files copied from {@code modelSourceDir} when given), optimizer.safetensors and
     * optimizer.json, and trainer_state.json.
     */
    static CheckpointContents of(DecoderModel model, Path modelSourceDir, AdamW optimizer, TrainerState trainerState) {
        return dir -> {
            ModelIo.save(model, dir, modelSourceDir);
            optimizer.save(dir);
            trainerState.write(dir);
        };
    }
}
