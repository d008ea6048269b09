package dev.reason4j.experiments.config;

import java.nio.file.Path;

/**
 * The policy to train: exactly one of {@code path} and {@code init}. No default: a run must say which
 * model it trains.
 *
 * @param path a model directory in Hugging Face layout (config.json, safetensors, tokenizer.json,
 *             tokenizer_config.json with the chat template); relative paths are from the working directory
 * @param init a fresh random model (see {@link ModelInitSection}); it is written to
 *             {@code <run dir>/base-model} so checkpoints and reports can name it
 */
public record ModelSection(@Default("null") Path path, @Default("null") ModelInitSection init) {
    public ModelSection {
        if ((path == null) == (init == null)) {
            throw new InvalidSetting(path == null ? "path" : "init", path == null
                    ? "give the model: path: DIR (a model in HF layout) or init: {} (a fresh small model)"
                    : "give path or init, not both");
        }
    }
}
