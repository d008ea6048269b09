package dev.reason4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sft} end to end: the warm start trains, lowers its loss, and leaves a loadable HF model in the run directory. */
class SftCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void warmStartSavesAModelInHfLayoutThatTrainThenStartsFrom() throws Exception {
        Path config = tmp.resolve("tiny.yaml");
        Files.writeString(config, TrainCommandTest.tinyConfig(tmp.resolve("runs"))
                + "sft: {epochs: 2, batch_size: 8, learning_rate: 1.0e-2, response: \"{reasoning}</think>\\n<answer>{answer}</answer>\"}\n");
        CliRun run = CliRun.of("sft", config.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = TrainCommandTest.lastLine(run.out());
        Path model = tmp.resolve("runs/tiny/sft-model");
        assertEquals(model.toString(), out.get("model").asText());
        int examples = out.get("examples").asInt();
        assertTrue(examples > 20 && examples <= 36, "40 generated problems less 4 held out, less training copies of them: " + examples);
        assertEquals(2 * ((examples + 7) / 8), out.get("optimizer_steps").asInt(), "2 epochs of ceil(examples / 8) batches");
        double first = out.get("epoch_loss").get(0).asDouble();
        double second = out.get("epoch_loss").get(1).asDouble();
        assertTrue(second < first, "the second epoch's loss " + second + " is below the first's " + first);
        for (String file : new String[] {"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "generation_config.json"}) {
            assertTrue(Files.isRegularFile(model.resolve(file)), file);
        }
        CliRun logprobs = CliRun.of("logprobs", "--model", model.toString(), "--ids", "51,43,51");
        assertEquals(0, logprobs.exitCode(), "the saved model loads: " + logprobs.err());

        CliRun again = CliRun.of("sft", config.toString());
        assertEquals(Main.USER_ERROR, again.exitCode());
        assertTrue(again.err().contains("--force"), again.err());

        long savedAt = Files.getLastModifiedTime(model.resolve("model.safetensors")).toMillis();
        CliRun train = CliRun.of("train", config.toString(), "--set", "grpo.steps=1");
        assertEquals(0, train.exitCode(), train.err());
        assertEquals(savedAt, Files.getLastModifiedTime(model.resolve("model.safetensors")).toMillis(),
                "train starts from the existing warm start instead of redoing it");
    }

    @Test
    void aConfigWithoutAnSftSectionIsRefused() throws Exception {
        Path config = tmp.resolve("tiny.yaml");
        Files.writeString(config, TrainCommandTest.tinyConfig(tmp.resolve("runs")));
        CliRun run = CliRun.of("sft", config.toString());
        assertEquals(Main.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("has no sft section"), run.err());
    }
}
