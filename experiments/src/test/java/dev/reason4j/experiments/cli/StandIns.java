package dev.reason4j.experiments.cli;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
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
import java.util.List;

/** Tiny stand-ins for the models and datasets example configs name but a test machine lacks. */
final class StandIns {
    private StandIns() {
    }

    /** A tiny Qwen2 with random weights, the synthetic tokenizer (which has a chat template) and a long context. */
    static Path model(Path dir) {
        SyntheticTokenizer.write(dir);
        try (Tokenizer t = Tokenizer.load(dir)) {
            ModelConfig config = ModelConfig.create(ModelFamily.QWEN2, t.vocabSize(), 16, 32, 1, 2, 1, 8, 1_000_000, true, 32_768,
                    t.bosTokenId().orElse(-1), t.eosTokenIds());
            try (DecoderModel m = ModelInit.random(config, 1, Device.cpu(), DataType.FLOAT32)) {
                ModelIo.save(m, dir, null);
            }
        }
        return dir;
    }

    /** A small JSONL file in the schema of {@code preset}, with {@code rows} rows. */
    static Path dataset(Path file, String preset, int rows) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            int a = i + 2;
            out.append(switch (preset) {
                case "gsm8k" -> "{\"question\": \"Tom has " + a + " apples and buys 3 more. How many now?\", \"answer\": \"" + a
                        + " + 3 = " + (a + 3) + "\\n#### " + (a + 3) + "\"}";
                case "math" -> "{\"problem\": \"What is $" + a + "^2$?\", \"solution\": \"$" + a + "^2 = \\\\boxed{" + (a * a) + "}$\"}";
                default -> "{\"Problem\": \"Find the remainder of " + a + "^5 divided by 7.\", \"Answer\": \"" + (int) (Math.pow(a, 5) % 7) + "\"}";
            }).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        return file;
    }

    static List<String> set(String key, Object value) {
        return List.of("--set", key + "=" + value);
    }
}
