package dev.reason4j.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Field mappings for the common public schemas, chosen by name or detected from a file's first row.
 * Column names match ignoring case, so {@code Problem}/{@code Answer}/{@code ID} work as well.
 */
public enum SchemaPreset {
    /** GSM8K: {@code question}, and {@code answer} = worked solution ending in {@code #### n}. */
    GSM8K("gsm8k", "question + answer ending in '#### n'", FieldMapping.builder()
            .id("id").prompt("question").answer("answer").answerFormat(AnswerFormat.FINAL_HASHES).solution("answer")
            .build()),
    /** MATH / MATH-500: {@code problem}, {@code answer} if present, else the last \boxed{} of {@code solution}. */
    MATH("math", "problem + solution with \\boxed{} (answer optional)", FieldMapping.builder()
            .id("unique_id", "id").prompt("problem").answer("answer").solution("solution")
            .metadata("level", "type", "subject", "year", "url").build()),
    /** AIME-style: {@code problem} (or {@code question}), {@code answer}, {@code id}, any capitalisation. */
    AIME("aime", "problem (or question) + answer, optional id", FieldMapping.builder()
            .id("id").prompt("problem", "question").answer("answer").solution("solution")
            .metadata("year", "url", "problem_number", "problem number", "part").build()),
    /** Code: APPS/TACO {@code question} + {@code input_output} (optional {@code fn_name}), or a {@code tests} list. */
    CODE("code", "question + input_output (APPS/TACO) or a tests list", FieldMapping.builder()
            .id("problem_id", "task_id", "id").prompt("question", "prompt", "problem").tests("input_output", "tests")
            .functionName("fn_name").metadata("difficulty", "starter_code", "url", "source", "time_limit", "memory_limit")
            .build()),
    /** Plain {@code prompt} (text or chat messages) + {@code answer}; {@code messages} also accepted. */
    PROMPT_ANSWER("prompt_answer", "prompt (or messages) + answer", FieldMapping.builder()
            .id("id").messages("messages").prompt("prompt").answer("answer").solution("solution").build());

    /** The name that asks for detection from the columns. */
    public static final String AUTO = "auto";

    private final String configName;
    private final String needs;
    private final FieldMapping mapping;

    SchemaPreset(String configName, String needs, FieldMapping mapping) {
        this.configName = configName;
        this.needs = needs;
        this.mapping = mapping;
    }

    public String configName() {
        return configName;
    }

    public FieldMapping mapping() {
        return mapping;
    }

    /** The preset named in a config: {@code gsm8k}, {@code math}, {@code aime}, {@code code}, {@code prompt_answer}. */
    public static SchemaPreset named(String name) {
        for (SchemaPreset preset : values()) {
            if (preset.configName.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return preset;
            }
        }
        throw new Reason4jException("unknown dataset preset '" + name + "': use " + choices() + " or " + AUTO);
    }

    /**
     * The preset whose columns a row has. GSM8K and AIME-style sets both have question/answer columns;
     * they are told apart by the {@code ####} in GSM8K's answer.
     *
     * @param file for the message when nothing fits
     */
    public static SchemaPreset detect(ObjectNode firstRow, String file) {
        Set<String> columns = new TreeSet<>();
        firstRow.fieldNames().forEachRemaining(column -> columns.add(column.strip().toLowerCase(Locale.ROOT)));
        boolean question = columns.contains("question");
        boolean problem = columns.contains("problem");
        boolean answer = columns.contains("answer");
        if (columns.contains("input_output") || (columns.contains("tests") && (question || problem || columns.contains("prompt")))) {
            return CODE;
        }
        if (question && answer && !problem && answerHasHashes(firstRow)) {
            return GSM8K;
        }
        if (problem && columns.contains("solution")) {
            return MATH;
        }
        if ((problem || question) && answer) {
            return AIME;
        }
        if ((columns.contains("prompt") || columns.contains("messages")) && (answer || columns.contains("solution"))) {
            return PROMPT_ANSWER;
        }
        throw new Reason4jException("cannot tell the schema of " + file + " from its columns " + columns
                + ": name a preset (" + describeAll() + ") or give a field mapping");
    }

    private static boolean answerHasHashes(ObjectNode row) {
        RowFields.Cell cell = new RowFields(row).cell("answer").orElse(null);
        JsonNode value = cell == null ? null : cell.value();
        return value != null && value.isTextual() && value.asText().contains("####");
    }

    private static String choices() {
        List<String> names = new ArrayList<>();
        for (SchemaPreset preset : values()) {
            names.add(preset.configName);
        }
        return String.join(", ", names);
    }

    private static String describeAll() {
        List<String> descriptions = new ArrayList<>();
        for (SchemaPreset preset : values()) {
            descriptions.add(preset.configName + ": " + preset.needs);
        }
        return String.join("; ", descriptions);
    }
}
