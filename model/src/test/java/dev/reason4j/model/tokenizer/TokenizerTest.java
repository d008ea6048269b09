package dev.reason4j.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.ChatMessage;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizerTest {
    @TempDir
    static Path dir;
    static Tokenizer tokenizer;

    @BeforeAll
    static void writeAndLoad() {
        SyntheticTokenizer.write(dir);
        tokenizer = Tokenizer.load(dir);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Compute 3 + 4 * 2 = 11.\n\nThe answer is 11.",
        "Ünïcödé — 你好 🙂 \u0000\t\r\n",
        "<think>\n12 + 7 = 19\n</think>\n<answer>19</answer>",
        "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n",
        "  leading and trailing spaces  ",
        "",
    })
    void anyTextRoundTripsExactly(String text) {
        assertEquals(text, tokenizer.decode(tokenizer.encode(text, false), false));
    }

    @Test
    void twoThousandTokensAreNeitherTruncatedNorPadded() {
        String text = "7 - 3 = 4 and then some words; ".repeat(100);
        int[] ids = tokenizer.encode(text, false);
        assertTrue(ids.length >= 2000, "expected at least 2000 tokens, got " + ids.length);
        assertEquals(text, tokenizer.decode(ids, false));
    }

    @Test
    void tagsAreOneTokenEachAndDigitsStaySingle() {
        for (String tag : SyntheticTokenizer.TAG_TOKENS) {
            int[] ids = tokenizer.encode(tag, false);
            assertEquals(1, ids.length, tag);
            assertEquals(tokenizer.tokenId(tag).getAsInt(), ids[0]);
        }
        int[] ids = tokenizer.encode("<think>1234</think>", false);
        assertArrayEquals(new int[] {tokenizer.tokenId("<think>").getAsInt(), '1', '2', '3', '4',
                tokenizer.tokenId("</think>").getAsInt()}, ids);
    }

    @Test
    void mergesShortenCommonPairsAndBytesAreTheirOwnIds() {
        assertArrayEquals(new int[] {'3', tokenizer.tokenId("Ġ+").getAsInt(), tokenizer.tokenId("Ġ").getAsInt(), '4'},
                tokenizer.encode("3 + 4", false));
        assertEquals(' ', tokenizer.tokenId("Ġ").getAsInt());
        assertEquals("Ġ", tokenizer.token(' '));
        assertEquals("\n", tokenizer.decode(new int[] {'\n'}, false));
    }

    @Test
    void specialTokensComeFromTheConfigAndSkipSpecialLeavesThemOut() {
        assertEquals(SyntheticTokenizer.vocabSize(), tokenizer.vocabSize());
        assertEquals(List.of(tokenizer.tokenId("<|im_end|>").getAsInt()), tokenizer.eosTokenIds());
        assertEquals(tokenizer.tokenId("<|endoftext|>"), tokenizer.padTokenId());
        assertEquals(OptionalInt.empty(), tokenizer.bosTokenId());
        int[] ids = tokenizer.encode("<|im_start|>user\nhi<|im_end|>", false);
        assertEquals("user\nhi", tokenizer.decode(ids, true));
        assertArrayEquals(ids, tokenizer.encode("<|im_start|>user\nhi<|im_end|>", true), "no post-processor adds tokens");
    }

    @Test
    void chatTemplateIsChatMl() {
        String prompt = tokenizer.applyChatTemplate(List.of(ChatMessage.user("2+2?")), true, Map.of());
        assertEquals("<|im_start|>user\n2+2?<|im_end|>\n<|im_start|>assistant\n", prompt);
        assertEquals(SyntheticTokenizer.CHAT_TEMPLATE, tokenizer.chatTemplate().orElseThrow().source());
    }

    @Test
    void generationConfigEosListWinsOverConfigAndTokenizerConfig(@TempDir Path other) throws IOException {
        SyntheticTokenizer.write(other);
        Files.writeString(other.resolve("config.json"), "{\"eos_token_id\": 1, \"bos_token_id\": 2, \"pad_token_id\": 3}");
        try (Tokenizer t = Tokenizer.load(other)) {
            assertEquals(List.of(1), t.eosTokenIds());
            assertEquals(OptionalInt.empty(), t.bosTokenId(), "tokenizer_config.json's explicit null decides");
        }
        Files.writeString(other.resolve("generation_config.json"), "{\"eos_token_id\": [270, 268, 270]}");
        try (Tokenizer t = Tokenizer.load(other)) {
            assertEquals(List.of(270, 268), t.eosTokenIds());
        }
    }

    @Test
    void namedTemplatesPickDefaultAndAJinjaFileWins(@TempDir Path other) throws IOException {
        SyntheticTokenizer.write(other);
        Path config = other.resolve("tokenizer_config.json");
        Files.writeString(config, Files.readString(config).replaceFirst("\"chat_template\" : \"(\\\\.|[^\"\\\\])*\"",
                "\"chat_template\" : [{\"name\": \"tool_use\", \"template\": \"T\"}, {\"name\": \"default\", \"template\": \"D{{ messages|length }}\"}]"));
        try (Tokenizer t = Tokenizer.load(other)) {
            assertEquals("D1", t.applyChatTemplate(List.of(ChatMessage.user("x")), false, null));
        }
        Files.writeString(other.resolve("chat_template.jinja"), "J{{ add_generation_prompt }}");
        try (Tokenizer t = Tokenizer.load(other)) {
            assertEquals("JTrue", t.applyChatTemplate(List.of(ChatMessage.user("x")), true, null));
        }
    }

    @Test
    void decodingAnIdOutsideTheVocabularyNamesItsPosition() {
        Reason4jException e = assertThrows(Reason4jException.class,
                () -> tokenizer.decode(new int[] {1, SyntheticTokenizer.vocabSize()}, false));
        assertTrue(e.getMessage().startsWith("token id " + SyntheticTokenizer.vocabSize() + " at position 1"), e.getMessage());
    }

    @Test
    void missingFilesAreUserErrorsNamingThePath(@TempDir Path empty) {
        Reason4jException noDir = assertThrows(Reason4jException.class, () -> Tokenizer.load(empty.resolve("nope")));
        assertTrue(noDir.getMessage().contains("nope"), noDir.getMessage());
        Reason4jException noFile = assertThrows(Reason4jException.class, () -> Tokenizer.load(empty));
        assertTrue(noFile.getMessage().contains("tokenizer.json"), noFile.getMessage());
    }

    @Test
    void tokenizerWithoutTemplateSaysHowToAddOne(@TempDir Path other) throws IOException {
        SyntheticTokenizer.write(other);
        Files.delete(other.resolve("tokenizer_config.json"));
        try (Tokenizer t = Tokenizer.load(other)) {
            assertFalse(t.chatTemplate().isPresent());
            assertEquals(List.of(), t.eosTokenIds());
            Reason4jException e = assertThrows(Reason4jException.class,
                    () -> t.applyChatTemplate(List.of(ChatMessage.user("x")), true, null));
            assertTrue(e.getMessage().contains("chat_template"), e.getMessage());
            assertTrue(Arrays.stream(t.encode("hi", false)).allMatch(id -> id < 256));
        }
    }
}
