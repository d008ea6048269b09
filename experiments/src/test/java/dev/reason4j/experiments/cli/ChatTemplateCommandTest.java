package dev.reason4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.model.tokenizer.SyntheticTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatTemplateCommandTest {
    @TempDir
    Path dir;

    private Path model() {
        Path model = dir.resolve("model");
        SyntheticTokenizer.write(model);
        return model;
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void printsTheRenderedPromptAndNothingElse() throws IOException {
        Path messages = file("messages.json", "[{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"2+2?\"}]");
        CliRun run = CliRun.of("chat-template", "--model", model().toString(), "--messages", messages.toString(),
                "--add-generation-prompt");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n2+2?<|im_end|>\n<|im_start|>assistant\n", run.out());
    }

    @Test
    void withoutGenerationPromptTheAssistantTurnIsNotOpened() throws IOException {
        Path messages = file("messages.json", "[{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": \"<think>x</think>ok\"}]");
        CliRun run = CliRun.of("chat-template", "--model", model().toString(), "--messages", messages.toString());
        assertEquals("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n<think>x</think>ok<|im_end|>\n", run.out());
    }

    @Test
    void contextFileVariablesReachTheTemplate() throws IOException {
        Path model = model();
        Files.writeString(model.resolve("chat_template.jinja"),
                "{{ messages[0].content }}{% if enable_thinking is defined and enable_thinking is false %}|no-think{% endif %}{{ tools|tojson }}");
        Path messages = file("messages.json", "[{\"role\": \"user\", \"content\": \"q\"}]");
        Path context = file("context.json", "{\"enable_thinking\": false, \"tools\": [{\"name\": \"f\", \"x\": 1.5}]}");
        CliRun run = CliRun.of("chat-template", "--model", model.toString(), "--messages", messages.toString(),
                "--context", context.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("q|no-think[{\"name\": \"f\", \"x\": 1.5}]", run.out());
    }

    @Test
    void missingMessagesFileIsAUserErrorNamingThePath() {
        Path absent = dir.resolve("absent.json");
        CliRun run = CliRun.of("chat-template", "--model", model().toString(), "--messages", absent.toString());
        assertEquals(Main.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains(absent.toString()), run.err());
        assertEquals("", run.out());
    }

    @Test
    void badJsonIsAUserErrorNamingThePathAndPlace() throws IOException {
        Path messages = file("broken.json", "[{\"role\": \"user\", \"content\": }]");
        CliRun run = CliRun.of("chat-template", "--model", model().toString(), "--messages", messages.toString());
        assertEquals(Main.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains(messages.toString()) && run.err().contains("not valid JSON"), run.err());
        assertTrue(run.err().contains("line 1"), run.err());
    }

    @Test
    void messagesThatAreNotAnArrayAreRefusedWithTheExpectedShape() throws IOException {
        Path messages = file("object.json", "{\"role\": \"user\", \"content\": \"hi\"}");
        CliRun run = CliRun.of("chat-template", "--model", model().toString(), "--messages", messages.toString());
        assertEquals(Main.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("JSON array"), run.err());
    }

    @Test
    void aTemplateThatRaisesIsAUserErrorWithItsMessage() throws IOException {
        Path model = model();
        Files.writeString(model.resolve("chat_template.jinja"), "{{ raise_exception('Only user roles, please') }}");
        Path messages = file("messages.json", "[{\"role\": \"user\", \"content\": \"q\"}]");
        CliRun run = CliRun.of("chat-template", "--model", model.toString(), "--messages", messages.toString());
        assertEquals(Main.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("Only user roles, please"), run.err());
    }
}
