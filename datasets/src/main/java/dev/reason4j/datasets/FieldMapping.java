package dev.reason4j.datasets;

import dev.reason4j.core.Reason4jException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which columns of a dataset row hold what. Each field lists candidate column names: the first one the
 * row has with a non-empty value is used, matched exactly, else ignoring case ({@code Problem} matches
 * {@code problem}). Metadata columns are copied each on its own, under the name given here.
 *
 * @param id           the problem id; when absent, ids are {@code <file stem>-<record index>}
 * @param prompt       the question: a string, or a list of chat messages ({@code [{"role","content"}]})
 * @param messages     chat messages as a list (or a JSON string of one); used before {@code prompt}
 * @param answer       the reference answer, read according to {@code answerFormat}
 * @param answerFormat how the answer cell is written; never null ({@link AnswerFormat#PLAIN} by default)
 * @param solution     a worked solution, kept as metadata {@code "solution"}; when the answer column is
 *                     absent, the answer is its last {@code \boxed{}}
 * @param tests        code tests: APPS/TACO {@code {"inputs": [...], "outputs": [...], "fn_name"?}} or a
 *                     list of {@code {"input", "output"}}, as JSON or as a JSON string
 * @param functionName the function call-based tests call (else taken from the tests' {@code fn_name})
 * @param metadata     columns copied into {@code Problem.metadata}, when present
 */
public record FieldMapping(List<String> id, List<String> prompt, List<String> messages, List<String> answer,
                           AnswerFormat answerFormat, List<String> solution, List<String> tests,
                           List<String> functionName, List<String> metadata) {
    public FieldMapping {
        id = columns("id", id);
        prompt = columns("prompt", prompt);
        messages = columns("messages", messages);
        answer = columns("answer", answer);
        answerFormat = answerFormat == null ? AnswerFormat.PLAIN : answerFormat;
        solution = columns("solution", solution);
        tests = columns("tests", tests);
        functionName = columns("function_name", functionName);
        metadata = columns("metadata", metadata);
        if (prompt.isEmpty() && messages.isEmpty()) {
            throw new Reason4jException("field mapping names no prompt column: set prompt (e.g. prompt: question) or messages");
        }
        if (answer.isEmpty() && solution.isEmpty() && tests.isEmpty()) {
            throw new Reason4jException("field mapping names nothing to check answers against: set answer, solution (with a \\boxed{} answer) or tests");
        }
    }

    private static List<String> columns(String field, List<String> names) {
        if (names == null) {
            return List.of();
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new Reason4jException("field mapping '" + field + "' has a blank column name: remove it or name the column");
            }
        }
        return List.copyOf(names);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A mapping from config keys ({@code id, prompt, messages, answer, answer_format, solution, tests,
     * function_name, metadata}); each value is a column name or a list of candidates.
     */
    public static FieldMapping fromConfig(Map<String, ?> config) {
        Builder builder = builder();
        for (Map.Entry<String, ?> entry : config.entrySet()) {
            String[] names = names(entry.getKey(), entry.getValue());
            switch (entry.getKey()) {
                case "id" -> builder.id(names);
                case "prompt" -> builder.prompt(names);
                case "messages" -> builder.messages(names);
                case "answer" -> builder.answer(names);
                case "answer_format" -> builder.answerFormat(AnswerFormat.named(names[0]));
                case "solution" -> builder.solution(names);
                case "tests" -> builder.tests(names);
                case "function_name" -> builder.functionName(names);
                case "metadata" -> builder.metadata(names);
                default -> throw new Reason4jException("unknown field mapping key '" + entry.getKey()
                        + "': use id, prompt, messages, answer, answer_format, solution, tests, function_name or metadata");
            }
        }
        return builder.build();
    }

    private static String[] names(String key, Object value) {
        if (value instanceof String name) {
            return new String[] {name};
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.toArray(String[]::new);
        }
        throw new Reason4jException("field mapping '" + key + "' must be a column name or a list of column names, got " + value);
    }

    /** Builds a {@link FieldMapping}; every setter takes candidate column names, first match wins. */
    public static final class Builder {
        private List<String> id = List.of();
        private List<String> prompt = List.of();
        private List<String> messages = List.of();
        private List<String> answer = List.of();
        private AnswerFormat answerFormat = AnswerFormat.PLAIN;
        private List<String> solution = List.of();
        private List<String> tests = List.of();
        private List<String> functionName = List.of();
        private final List<String> metadata = new ArrayList<>();

        private Builder() {
        }

        public Builder id(String... columns) {
            id = List.of(columns);
            return this;
        }

        public Builder prompt(String... columns) {
            prompt = List.of(columns);
            return this;
        }

        public Builder messages(String... columns) {
            messages = List.of(columns);
            return this;
        }

        public Builder answer(String... columns) {
            answer = List.of(columns);
            return this;
        }

        public Builder answerFormat(AnswerFormat format) {
            answerFormat = Objects.requireNonNull(format, "answerFormat");
            return this;
        }

        public Builder solution(String... columns) {
            solution = List.of(columns);
            return this;
        }

        public Builder tests(String... columns) {
            tests = List.of(columns);
            return this;
        }

        public Builder functionName(String... columns) {
            functionName = List.of(columns);
            return this;
        }

        public Builder metadata(String... columns) {
            metadata.addAll(List.of(columns));
            return this;
        }

        public FieldMapping build() {
            return new FieldMapping(id, prompt, messages, answer, answerFormat, solution, tests, functionName, metadata);
        }
    }
}
