package dev.reason4j.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template under {@code chat-templates/templates} rendered on its cases must equal, byte for
 * byte, what Python's Jinja2 rendered with HF's settings ({@code src/test/python/render_chat_templates.py}
 * wrote {@code chat-templates/expected}); a case Jinja2 refused must raise the same message.
 */
class ChatTemplateFixturesTest {
    private static final String ROOT = "/chat-templates/";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() {
        Map<String, Map<String, Object>> templates = json("templates.json");
        List<Arguments> all = new ArrayList<>();
        templates.forEach((name, spec) -> {
            @SuppressWarnings("unchecked")
            List<String> caseNames = (List<String>) spec.get("cases");
            caseNames.forEach(caseName -> all.add(Arguments.of(name, caseName)));
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void rendersExactlyAsPythonJinja2(String templateName, String caseName) {
        Map<String, Object> spec = json("templates.json").get(templateName);
        Map<String, Object> conversation = json("cases.json").get(caseName);
        ChatTemplate template = ChatTemplate.compile(text("templates/" + templateName + ".jinja"),
                (Map<String, Object>) spec.get("special_tokens"));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.putAll((Map<String, Object>) spec.getOrDefault("extra", Map.of()));
        extra.putAll((Map<String, Object>) conversation.getOrDefault("extra", Map.of()));
        List<Map<String, Object>> messages = (List<Map<String, Object>>) conversation.get("messages");
        boolean addGenerationPrompt = (Boolean) conversation.get("add_generation_prompt");

        String expectedError = optionalText("expected/" + templateName + "/" + caseName + ".error.txt");
        if (expectedError != null) {
            Reason4jException e = assertThrows(Reason4jException.class,
                    () -> template.render(messages, addGenerationPrompt, extra));
            assertTrue(e.getMessage().endsWith(": " + expectedError), e.getMessage());
        } else {
            String expected = text("expected/" + templateName + "/" + caseName + ".txt");
            assertEquals(expected, template.render(messages, addGenerationPrompt, extra));
        }
    }

    @Test
    void syntheticTokenizerTemplateIsTheOneTheFixturesCheck() {
        assertEquals(text("templates/synthetic-chatml.jinja"), SyntheticTokenizer.CHAT_TEMPLATE);
    }

    private static <T> Map<String, Map<String, T>> json(String name) {
        try (InputStream in = resource(name)) {
            return JSON.readValue(in, new TypeReference<LinkedHashMap<String, Map<String, T>>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        String text = optionalText(name);
        if (text == null) {
            throw new IllegalStateException("missing test resource " + ROOT + name);
        }
        return text;
    }

    private static String optionalText(String name) {
        try (InputStream in = ChatTemplateFixturesTest.class.getResourceAsStream(ROOT + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ChatTemplateFixturesTest.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + ROOT + name);
        }
        return in;
    }
}
