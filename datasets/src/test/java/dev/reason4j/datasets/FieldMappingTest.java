package dev.reason4j.datasets;

import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FieldMappingTest {
    @Test
    void configMapAcceptsSingleNamesAndCandidateLists() {
        FieldMapping mapping = FieldMapping.fromConfig(Map.of(
                "prompt", List.of("question", "problem"), "answer", "answer", "answer_format", "gsm8k",
                "metadata", List.of("level", "type")));
        assertEquals(List.of("question", "problem"), mapping.prompt());
        assertEquals(List.of("answer"), mapping.answer());
        assertEquals(AnswerFormat.FINAL_HASHES, mapping.answerFormat());
        assertEquals(List.of("level", "type"), mapping.metadata());
        assertEquals(List.of(), mapping.tests());
    }

    @Test
    void mappingWithoutPromptSaysWhichKeyToSet() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> FieldMapping.builder().answer("answer").build());
        assertEquals("field mapping names no prompt column: set prompt (e.g. prompt: question) or messages", e.getMessage());
    }

    @Test
    void mappingWithNothingToCheckAgainstIsRefused() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> FieldMapping.builder().prompt("q").build());
        assertEquals("field mapping names nothing to check answers against: set answer, solution (with a \\boxed{} answer) or tests",
                e.getMessage());
    }

    @Test
    void unknownConfigKeyAndAnswerFormatAreNamed() {
        assertEquals("unknown field mapping key 'question': use id, prompt, messages, answer, answer_format, solution, tests, function_name or metadata",
                assertThrows(Reason4jException.class, () -> FieldMapping.fromConfig(Map.of("question", "q"))).getMessage());
        assertEquals("unknown answer_format 'hashes': use plain, gsm8k (text after '####') or boxed (last \\boxed{})",
                assertThrows(Reason4jException.class, () -> AnswerFormat.named("hashes")).getMessage());
    }

    @Test
    void blankColumnNameIsRefused() {
        assertEquals("field mapping 'answer' has a blank column name: remove it or name the column",
                assertThrows(Reason4jException.class, () -> FieldMapping.builder().prompt("q").answer(" ").build()).getMessage());
    }
}
