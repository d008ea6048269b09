package dev.reason4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    static String model;

    @BeforeAll
    static void init() {
        model = tmp.resolve("m").toString();
        CliRun run = CliRun.of("init-model", "--hidden", "32", "--layers", "1", "--heads", "2", "--kv-heads", "1",
                "--init-std", "0.5", "--out", model);
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void samplesNCompletionsReproduciblyPerSeed() throws Exception {
        String[] args = {"generate", "--model", model, "--prompt", "3+4=", "--n", "3", "--max-new-tokens", "6", "--seed", "11"};
        CliRun a = CliRun.of(args);
        CliRun b = CliRun.of(args);
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(a.out(), b.out(), "same seed, same completions");
        JsonNode completions = JSON.readTree(a.out()).get("completions");
        assertEquals(3, completions.size());
        for (JsonNode c : completions) {
            assertEquals(c.get("token_ids").size(), c.get("logprobs").size());
            assertTrue(c.get("token_ids").size() <= 6);
        }
        CliRun other = CliRun.of("generate", "--model", model, "--prompt", "3+4=", "--n", "3", "--max-new-tokens", "6", "--seed", "12");
        assertNotEquals(a.out(), other.out());
    }

    @Test
    void greedyWithChatTemplateIsDeterministicAndBadSamplingIsAUserError() {
        CliRun greedy = CliRun.of("generate", "--model", model, "--prompt", "hi", "--chat", "--temperature", "0", "--max-new-tokens", "4");
        assertEquals(0, greedy.exitCode(), greedy.err());
        CliRun bad = CliRun.of("generate", "--model", model, "--prompt", "hi", "--top-p", "1.5");
        assertEquals(Main.USER_ERROR, bad.exitCode());
        assertTrue(bad.err().contains("top_p"), bad.err());
    }
}
