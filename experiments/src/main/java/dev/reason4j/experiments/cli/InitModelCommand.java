package dev.reason4j.experiments.cli;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Reason4jException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code init-model}: a fresh random decoder in HF layout with the synthetic-task tokenizer. */
@Command(name = "init-model", mixinStandardHelpOptions = true,
        description = "Create a fresh random model in HF layout (config.json, model.safetensors, tokenizer, generation_config.json).")
public final class InitModelCommand implements Callable<Integer>, Subcommand {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--arch", defaultValue = "qwen2", description = "qwen2, llama or qwen3 (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--out", required = true, description = "Directory to create (must be absent or empty unless --force).")
    Path out;

    @Option(names = "--hidden", defaultValue = "128", description = "hidden_size (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--layers", defaultValue = "4", description = "num_hidden_layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--heads", defaultValue = "4", description = "num_attention_heads (default: ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--kv-heads", defaultValue = "2", description = "num_key_value_heads (default: ${DEFAULT-VALUE}).")
    int kvHeads;

    @Option(names = "--intermediate", description = "intermediate_size (default: 3 × hidden).")
    Integer intermediate;

    @Option(names = "--head-dim", description = "head_dim (default: hidden / heads).")
    Integer headDim;

    @Option(names = "--rope-theta", description = "rope_theta (default: 1e6 for Qwen, 5e5 for Llama).")
    Double ropeTheta;

    @Option(names = "--max-positions", defaultValue = "4096", description = "max_position_embeddings (default: ${DEFAULT-VALUE}).")
    int maxPositions;

    @Option(names = "--tie", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Tie the output head to the embedding (default: ${DEFAULT-VALUE}).")
    boolean tie;

    @Option(names = "--init-std", description = "Std of the initial weights (default: initializer_range 0.02).")
    Double initStd;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Overwrite a non-empty output directory.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (Files.isDirectory(out) && !force) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new Reason4jException(out + " is not empty; choose another --out or pass --force to overwrite it");
                }
            }
        }
        ModelFamily family = ModelFamily.fromShortName(arch);
        Files.createDirectories(out);
        SyntheticTokenizer.write(out);
        ModelConfig config;
        try (Tokenizer tokenizer = Tokenizer.load(out)) {
            List<Integer> eos = tokenizer.eosTokenIds();
            config = ModelConfig.create(family, tokenizer.vocabSize(), hidden, intermediate == null ? 3 * hidden : intermediate,
                    layers, heads, kvHeads, headDim == null ? hidden / heads : headDim,
                    ropeTheta == null ? (family == ModelFamily.LLAMA ? 500000.0 : 1000000.0) : ropeTheta,
                    tie, maxPositions, tokenizer.bosTokenId().orElse(-1), eos);
        }
        try (DecoderModel model = initStd == null ? ModelInit.random(config, seed, Device.cpu(), DataType.FLOAT32)
                : ModelInit.random(config, seed, initStd, Device.cpu(), DataType.FLOAT32)) {
            ModelIo.save(model, out, null);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("out", out.toString());
        result.put("architecture", family.architecture());
        result.put("parameters", config.parameterCount());
        result.put("vocab_size", config.vocabSize());
        spec.commandLine().getOut().println(Json.line(result));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
