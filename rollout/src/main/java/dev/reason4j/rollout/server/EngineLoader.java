package dev.reason4j.rollout.server;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.Tokenizer;
import dev.reason4j.rollout.RolloutEngine;
import dev.reason4j.rollout.RolloutOptions;
import java.nio.file.Path;

/** Builds the engine the service runs from a checkpoint directory: at start and on every weight reload. */
@FunctionalInterface
public interface EngineLoader {
    /**
     * @return an engine over the weights in {@code checkpoint}; closing it releases them
     * @throws Reason4jException when the directory holds no weights the served model can use
     */
    RolloutEngine load(Path checkpoint);

    /**
     * Loads HF-layout checkpoints onto {@code device} in F32 and samples with a
     * {@link dev.reason4j.rollout.LocalRolloutEngine}. The tokenizer is shared by every load and stays
     * the caller's; a checkpoint whose vocabulary size is not {@code vocabSize} is refused.
     */
    static EngineLoader local(Tokenizer tokenizer, Device device, RolloutOptions options, int vocabSize) {
        return checkpoint -> {
            DecoderModel model = ModelIo.load(checkpoint, device, DataType.FLOAT32);
            if (model.config().vocabSize() != vocabSize) {
                int found = model.config().vocabSize();
                model.close();
                throw new Reason4jException(checkpoint + " has a vocabulary of " + found + " ids but the served model has "
                        + vocabSize + "; a reload must keep the model's shape");
            }
            return new OwningLocalEngine(model, tokenizer, options);
        };
    }
}
