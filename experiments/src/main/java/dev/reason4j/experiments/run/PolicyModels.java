package dev.reason4j.experiments.run;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.experiments.config.ExperimentConfig;
import dev.reason4j.experiments.config.ModelInitSection;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelConfig;
import dev.reason4j.model.ModelFamily;
import dev.reason4j.model.ModelInit;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.SyntheticTokenizer;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The model directory a run starts from: {@code model.path}, or a fresh one written from {@code model.init}. */
public final class PolicyModels {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyModels.class);
    static final String BASE_MODEL = "base-model";

    private PolicyModels() {
    }

    /**
     * {@code model.path}; or {@code runDir/base-model}, written from {@code model.init} the first time
     * (written to a temporary directory and renamed, so a killed run never leaves half a model).
     */
    public static Path baseModelDir(ExperimentConfig c, Path runDir) {
        if (c.model().path() != null) {
            return c.model().path();
        }
        Path dir = runDir.resolve(BASE_MODEL);
        if (Files.isRegularFile(dir.resolve("config.json"))) {
            LOG.info("Using the initial model already in {}", dir);
            return dir;
        }
        Path temp = runDir.resolve(BASE_MODEL + ".tmp");
        deleteTree(temp);
        ModelConfig config = initConfig(c.model().init(), temp);
        long seed = c.model().init().seed() != null ? c.model().init().seed() : c.seed();
        try (DecoderModel model = ModelInit.random(config, seed, c.model().init().initStd(), Device.cpu(), DataType.FLOAT32)) {
            ModelIo.save(model, temp, null);
        }
        try {
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new Reason4jException("could not create " + dir + ": " + e.getMessage(), e);
        }
        LOG.info("Wrote a fresh {} model with {} parameters to {}", config.family().architecture(), config.parameterCount(), dir);
        return dir;
    }

    /** Writes the synthetic tokenizer into {@code dir} and returns the config {@code init} describes for it. */
    public static ModelConfig initConfig(ModelInitSection init, Path dir) {
        SyntheticTokenizer.write(dir);
        try (Tokenizer tokenizer = Tokenizer.load(dir)) {
            double ropeTheta = init.arch() == ModelFamily.LLAMA ? 500_000.0 : 1_000_000.0;
            return ModelConfig.create(init.arch(), tokenizer.vocabSize(), init.hidden(), init.resolvedIntermediate(), init.layers(),
                    init.heads(), init.kvHeads(), init.resolvedHeadDim(), ropeTheta, init.tie(), init.maxPositions(),
                    tokenizer.bosTokenId().orElse(-1), tokenizer.eosTokenIds());
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new Reason4jException("could not remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
