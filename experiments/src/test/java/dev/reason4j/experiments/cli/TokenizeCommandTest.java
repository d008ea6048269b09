package dev.reason4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.model.tokenizer.SyntheticTokenizer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizeCommandTest {
    @TempDir
    static Path model;

    @BeforeAll
    static void writeTokenizerOnly() {
        SyntheticTokenizer.write(model); // tokenizer.json + tokenizer_config.json, no weights
    }

    @Test
    void printsTheIdsAsOneJsonLine() {
        // '3' and '4' are bytes 51 and 52; " +" is the first merge (256); a lone space is byte 32.
        CliRun run = CliRun.of("tokenize", "--model", model.toString(), "--text", "3 + 4");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("{\"ids\":[51,256,32,52]}" + System.lineSeparator(), run.out());
    }

    @Test
    void addsNoSpecialTokensUnlessAsked() {
        CliRun plain = CliRun.of("tokenize", "--model", model.toString(), "--text", "<think>hi</think>");
        CliRun asked = CliRun.of("tokenize", "--model", model.toString(), "--text", "<think>hi</think>", "--add-special-tokens");
        assertEquals("{\"ids\":[271,104,105,272]}" + System.lineSeparator(), plain.out());
        // The synthetic tokenizer has no post-processor, so asking adds nothing either.
        assertEquals(plain.out(), asked.out());
    }

    @Test
    void missingModelDirectoryIsAUserErrorNamingIt() {
        CliRun run = CliRun.of("tokenize", "--model", model.resolve("absent").toString(), "--text", "x");
        assertEquals(Main.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("absent"), run.err());
        assertEquals("", run.out());
    }
}
