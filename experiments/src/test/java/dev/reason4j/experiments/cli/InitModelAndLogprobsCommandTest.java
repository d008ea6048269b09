package dev.reason4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitModelAndLogprobsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void initModel() throws Exception {
        model = tmp.resolve("tiny");
        CliRun run = CliRun.of("init-model", "--arch", "qwen3", "--hidden", "32", "--layers", "2", "--heads", "4",
                "--kv-heads", "2", "--head-dim", "12", "--init-std", "0.3", "--seed", "5", "--out", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals("Qwen3ForCausalLM", result.get("architecture").asText());
    }

    @Test
    void initModelWritesALoadableHfDirectoryWithTokenizer() throws Exception {
        for (String f : new String[] {"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "generation_config.json"}) {
            assertTrue(Files.exists(model.resolve(f)), f);
        }
        try (Tokenizer tokenizer = Tokenizer.load(model);
             DecoderModel m = ModelIo.load(model, Device.cpu(), DataType.FLOAT32)) {
            assertEquals(tokenizer.vocabSize(), m.config().vocabSize());
            assertEquals(12, m.config().headDim());
            assertEquals(tokenizer.eosTokenIds(), m.config().eosTokenIds());
        }
    }

    @Test
    void initModelRefusesToOverwriteWithoutForce() {
        CliRun run = CliRun.of("init-model", "--out", model.toString());
        assertEquals(Main.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("not empty") && run.err().contains("--force"), run.err());
    }

    @Test
    void logprobsPrintsTeacherForcedLogProbsOnADirectoryWithOnlyConfigAndWeights() throws Exception {
        Path bare = tmp.resolve("bare");
        Files.createDirectories(bare);
        Files.copy(model.resolve("config.json"), bare.resolve("config.json"));
        Files.copy(model.resolve("model.safetensors"), bare.resolve("model.safetensors"));
        CliRun run = CliRun.of("logprobs", "--model", bare.toString(), "--ids", "10,20,30,40,50");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode values = JSON.readTree(run.out()).get("logprobs");
        assertEquals(4, values.size());
        try (DecoderModel m = ModelIo.load(model, Device.cpu(), DataType.FLOAT32);
             NDManager s = m.manager().newSubManager()) {
            float[] expected = m.tokenLogProbs(s.create(new long[] {10, 20, 30, 40, 50}, new Shape(1, 5)), null,
                    s.create(new long[] {1, 2, 3, 4}, new Shape(1, 4)), 1.0).toFloatArray();
            for (int i = 0; i < 4; i++) {
                assertEquals(expected[i], values.get(i).asDouble(), 1e-7);
                assertTrue(values.get(i).asDouble() < 0);
            }
        }
    }

    @Test
    void logprobsOfTextTokenizesWithTheModelsTokenizer() throws Exception {
        CliRun byText = CliRun.of("logprobs", "--model", model.toString(), "--text", "12+7=19");
        CliRun byIds = CliRun.of("logprobs", "--model", model.toString(), "--ids", "49,50,43,55,61,49,57");
        assertEquals(0, byText.exitCode(), byText.err());
        assertEquals(byIds.out(), byText.out());
    }

    @Test
    void outOfVocabularyIdsAndTooFewTokensAreUserErrors() {
        CliRun far = CliRun.of("logprobs", "--model", model.toString(), "--ids", "1,99999");
        assertEquals(Main.USER_ERROR, far.exitCode());
        assertTrue(far.err().contains("99999") && far.err().contains("vocabulary"), far.err());
        CliRun one = CliRun.of("logprobs", "--model", model.toString(), "--ids", "1");
        assertEquals(Main.USER_ERROR, one.exitCode());
        assertFalse(one.err().contains("Exception"), "no stack trace without --debug: " + one.err());
    }
}
