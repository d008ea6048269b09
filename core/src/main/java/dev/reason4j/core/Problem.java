package dev.reason4j.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One task with a checkable answer.
 *
 * @param id           stable identifier (from the dataset, or derived from its position)
 * @param prompt       what the model is asked
 * @param answer       the reference answer for math-style checking, or null
 * @param functionName for call-based code tests, the function to call; else null
 * @param tests        code tests (empty for math problems)
 * @param metadata     anything else the source carried (level, subject, generator parameters…); values are
 *                     strings, numbers, booleans, lists or maps
 */
public record Problem(String id, Prompt prompt, String answer, String functionName, List<CodeTest> tests,
                      Map<String, Object> metadata) {
    public Problem {
        Objects.requireNonNull(id, "Problem.id");
        Objects.requireNonNull(prompt, "Problem.prompt");
        tests = tests == null ? List.of() : List.copyOf(tests);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (answer == null && tests.isEmpty()) {
            throw new Reason4jException("problem " + id + " has neither a reference answer nor code tests: nothing could check it");
        }
        if (functionName != null && tests.stream().anyMatch(t -> !t.isCallBased())) {
            throw new Reason4jException("problem " + id + " names a function but has stdin/stdout tests; use one test form");
        }
    }

    /** A math-style problem: prompt and reference answer. */
    public static Problem math(String id, Prompt prompt, String answer, Map<String, Object> metadata) {
        return new Problem(id, prompt, Objects.requireNonNull(answer, "answer"), null, List.of(), metadata);
    }
}
