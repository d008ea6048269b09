package dev.reason4j.rollout;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelConfig;
import dev.reason4j.model.ModelFamily;
import dev.reason4j.model.ModelInit;
import dev.reason4j.model.tokenizer.SyntheticTokenizer;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.List;

/** A tiny random policy over the synthetic tokenizer, for engine tests. */
final class EngineFixture implements AutoCloseable {
    final Tokenizer tokenizer;
    final DecoderModel model;

    EngineFixture(Path dir, List<Integer> eos) {
        SyntheticTokenizer.write(dir);
        tokenizer = Tokenizer.load(dir);
        ModelConfig config = ModelConfig.create(ModelFamily.QWEN3, tokenizer.vocabSize(), 32, 64, 2, 4, 2, 8,
                1_000_000, true, 512, -1, eos);
        model = ModelInit.random(config, 42, 0.5, Device.cpu(), DataType.FLOAT32);
    }

    LocalRolloutEngine engine(RolloutOptions options) {
        return new LocalRolloutEngine(model, tokenizer, options);
    }

    int[] prompt(String text) {
        return tokenizer.encode(text, false);
    }

    @Override
    public void close() {
        model.close();
        tokenizer.close();
    }
}
