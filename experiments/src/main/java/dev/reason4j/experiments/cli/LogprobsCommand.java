package dev.reason4j.experiments.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.Devices;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code logprobs}: teacher-forced log p(ids[i] | ids[&lt;i]) for i ≥ 1, as JSON. */
@Command(name = "logprobs", mixinStandardHelpOptions = true,
        description = "Print {\"logprobs\":[...]}: log p(ids[i] | ids[<i]) for i >= 1, in double precision.")
public final class LogprobsCommand implements Callable<Integer>, Subcommand {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model directory (config.json + safetensors suffice for --ids).")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--ids", split = ",", description = "Comma-separated token ids.")
        long[] ids;

        @Option(names = "--text", description = "Text, tokenized with the model's tokenizer.")
        String text;
    }

    @Option(names = "--add-special-tokens", description = "With --text: add the tokenizer's special tokens.")
    boolean addSpecialTokens;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Log-probs of softmax(logits / T) (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() {
        long[] ids = input.ids != null ? input.ids : tokenize(input.text);
        if (ids.length < 2) {
            throw new Reason4jException("logprobs needs at least 2 tokens (the first is only context), got " + ids.length);
        }
        try (DecoderModel m = ModelIo.load(model, Devices.parse(device), DataType.FLOAT32);
             NDManager step = m.manager().newSubManager()) {
            int vocab = m.config().vocabSize();
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] < 0 || ids[i] >= vocab) {
                    throw new Reason4jException("token id " + ids[i] + " at index " + i + " is outside the vocabulary [0, " + vocab + ")");
                }
            }
            long[] positions = new long[ids.length - 1];
            Arrays.setAll(positions, i -> i + 1);
            NDArray logProbs = m.tokenLogProbs(step.create(ids, new Shape(1, ids.length)), null,
                    step.create(positions, new Shape(1, positions.length)), temperature);
            double[] values = logProbs.toType(DataType.FLOAT64, false).toDoubleArray();
            spec.commandLine().getOut().println(Json.line(Map.of("logprobs", values)));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private long[] tokenize(String text) {
        try (Tokenizer tokenizer = Tokenizer.load(model)) {
            return Arrays.stream(tokenizer.encode(text, addSpecialTokens)).asLongStream().toArray();
        }
    }
}
