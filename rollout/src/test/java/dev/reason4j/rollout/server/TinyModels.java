package dev.reason4j.rollout.server;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelConfig;
import dev.reason4j.model.ModelFamily;
import dev.reason4j.model.ModelInit;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.SyntheticTokenizer;
import dev.reason4j.model.tokenizer.Tokenizer;
import dev.reason4j.rollout.LocalRolloutEngine;
import dev.reason4j.rollout.RolloutOptions;
import java.nio.file.Path;

/**
 * Two tiny random policies of the same shape saved in HF layout (A and B: different weights), over
 * the synthetic tokenizer, for server and remote-engine tests.
 */
public final class TinyModels implements AutoCloseable {
    public static final int MAX_POSITIONS = 512;

    public final Path dirA;
    public final Path dirB;
    public final Tokenizer tokenizer;
    public final int vocabSize;
    private final DecoderModel localA;
    private final DecoderModel localB;

    public TinyModels(Path root) {
        Path tokenizerDir = root.resolve("tokenizer");
        SyntheticTokenizer.write(tokenizerDir);
        tokenizer = Tokenizer.load(tokenizerDir);
        vocabSize = tokenizer.vocabSize();
        ModelConfig config = ModelConfig.create(ModelFamily.QWEN3, vocabSize, 32, 64, 2, 4, 2, 8, 1_000_000, true,
                MAX_POSITIONS, -1, tokenizer.eosTokenIds());
        dirA = save(config, 42, root.resolve("model-a"), tokenizerDir);
        dirB = save(config, 43, root.resolve("model-b"), tokenizerDir);
        localA = ModelIo.load(dirA, Device.cpu(), DataType.FLOAT32);
        localB = ModelIo.load(dirB, Device.cpu(), DataType.FLOAT32);
    }

    private static Path save(ModelConfig config, long seed, Path dir, Path tokenizerDir) {
        try (DecoderModel m = ModelInit.random(config, seed, 0.5, Device.cpu(), DataType.FLOAT32)) {
            ModelIo.save(m, dir, tokenizerDir);
        }
        return dir;
    }

    /** A local engine over A's weights, as loaded from disk (the reference the server must agree with). */
    public LocalRolloutEngine localA() {
        return new LocalRolloutEngine(localA, tokenizer, RolloutOptions.DEFAULTS);
    }

    public LocalRolloutEngine localB() {
        return new LocalRolloutEngine(localB, tokenizer, RolloutOptions.DEFAULTS);
    }

    public EngineLoader loader() {
        return EngineLoader.local(tokenizer, Device.cpu(), RolloutOptions.DEFAULTS, vocabSize);
    }

    public PromptCodec codec() {
        return PromptCodec.of(tokenizer, vocabSize);
    }

    /** A server on a free loopback port, serving A. */
    public RolloutServer serveA() {
        return RolloutServer.start(ServerOptions.of(0, "tiny").withMaxModelLength(MAX_POSITIONS), codec(), loader(), dirA);
    }

    @Override
    public void close() {
        localA.close();
        localB.close();
        tokenizer.close();
    }
}
