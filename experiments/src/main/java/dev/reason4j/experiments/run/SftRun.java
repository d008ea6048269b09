package dev.reason4j.experiments.run;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.experiments.config.ExperimentConfig;
import dev.reason4j.experiments.config.SftSection;
import dev.reason4j.grpo.sft.SftSettings;
import dev.reason4j.grpo.sft.SftTrainer;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The supervised warm start of a run: trains on the training problems' solutions, saves an HF model directory. */
public final class SftRun {
    private static final Logger LOG = LoggerFactory.getLogger(SftRun.class);
    /** Where the warm-started model goes in the run directory. */
    public static final String SFT_MODEL = "sft-model";

    private SftRun() {
    }

    /**
     * @param model          the saved model directory
     * @param examples       examples trained on
     * @param skipped        training problems without the values sft.response needs
     * @param epochLoss      mean response-token loss of each epoch
     * @param optimizerSteps steps taken
     */
    public record Result(Path model, int examples, int skipped, double[] epochLoss, long optimizerSteps) {
    }

    /** Optimizer steps the warm start takes for {@code examples} examples. */
    public static long optimizerSteps(SftSection s, int examples) {
        return (long) s.epochs() * ((examples + s.batchSize() - 1) / s.batchSize());
    }

    /**
     * Trains the model in {@code fromDir} and writes it, with its tokenizer, to {@code toDir} (through a
     * temporary directory, so a killed run never leaves half a model there).
     *
     * @param onStep hears each optimizer step (for a progress display); may be null
     */
    public static Result run(ExperimentConfig c, Path fromDir, List<Problem> train, Path toDir, Device device, LongConsumer onStep) {
        SftSection s = c.sft();
        try (Tokenizer tokenizer = Tokenizer.load(fromDir);
             DecoderModel model = ModelIo.load(fromDir, device, DataType.FLOAT32)) {
            SftExamples examples = SftExamples.build(train, tokenizer, s.response());
            long steps = optimizerSteps(s, examples.examples().size());
            if (s.warmupSteps() >= steps) {
                throw new Reason4jException("sft.warmup_steps is " + s.warmupSteps() + " but the warm start takes only " + steps
                        + " optimizer steps; shorten the warmup or raise sft.epochs");
            }
            LOG.info("SFT warm start: {} examples ({} problems without the values sft.response needs), {} steps",
                    examples.examples().size(), examples.skipped(), steps);
            SftSettings settings = new SftSettings(s.epochs(), s.batchSize(), s.learningRate(), s.warmupSteps(), s.maxGradNorm(),
                    s.weightDecay(), c.seed());
            double[] losses = new SftTrainer(model, settings).train(examples.examples(), onStep);
            Path temp = toDir.resolveSibling(toDir.getFileName() + ".tmp");
            PolicyModels.deleteTree(temp);
            ModelIo.save(model, temp, fromDir);
            PolicyModels.deleteTree(toDir);
            try {
                Files.move(temp, toDir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new Reason4jException("could not write " + toDir + ": " + e.getMessage(), e);
            }
            return new Result(toDir, examples.examples().size(), examples.skipped(), losses, steps);
        }
    }
}
