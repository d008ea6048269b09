package dev.reason4j.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.core.ChatMessage;
import dev.reason4j.core.CodeTest;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.datasets.RowFields.Cell;
import dev.reason4j.datasets.formats.Json;
import dev.reason4j.datasets.formats.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns one row into a {@link Problem} through a {@link FieldMapping}; a row that cannot be one throws {@link BadRowException}. */
final class RowMapper {
    private final FieldMapping mapping;
    private final String idPrefix;

    /** @param idPrefix ids of rows without an id column are {@code idPrefix-index} */
    RowMapper(FieldMapping mapping, String idPrefix) {
        this.mapping = mapping;
        this.idPrefix = idPrefix;
    }

    FieldMapping mapping() {
        return mapping;
    }

    Problem map(Row row) {
        RowFields fields = new RowFields(row.fields());
        String id = fields.first(mapping.id()).map(RowFields::scalarText).map(String::strip)
                .orElse(idPrefix + "-" + row.index());
        Prompt prompt = prompt(fields);
        Optional<Cell> solution = fields.first(mapping.solution());
        String answer = answer(fields, solution);
        CodeTestParser.ParsedTests tests = tests(fields);
        if (answer == null && tests.tests().isEmpty()) {
            throw new BadRowException(nothingToCheck(fields));
        }
        Map<String, Object> metadata = metadata(fields, solution);
        metadata.put("location", row.location().toString());
        try {
            return new Problem(id, prompt, answer, tests.functionName(), tests.tests(), metadata);
        } catch (Reason4jException e) {
            throw new BadRowException(e.getMessage());
        }
    }

    private Prompt prompt(RowFields fields) {
        Optional<Cell> messages = fields.first(mapping.messages());
        if (messages.isPresent()) {
            return Prompt.chat(messages(messages.get().column(), RowFields.structured(messages.get())));
        }
        Cell prompt = fields.first(mapping.prompt()).orElseThrow(() -> new BadRowException(
                "no prompt: none of the columns " + both(mapping.messages(), mapping.prompt()) + " has a value"));
        if (prompt.value().isArray()) {
            return Prompt.chat(messages(prompt.column(), prompt.value()));
        }
        if (!prompt.value().isTextual()) {
            throw new BadRowException("column '" + prompt.column() + "' should be the question text, found " + Json.typeOf(prompt.value()));
        }
        return Prompt.text(prompt.value().asText());
    }

    private static List<ChatMessage> messages(String column, JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            throw new BadRowException("column '" + column + "' should be a non-empty list of {\"role\", \"content\"} messages, found "
                    + (value.isArray() ? "an empty list" : Json.typeOf(value)));
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode message : value) {
            JsonNode role = message.get("role");
            JsonNode content = message.get("content");
            if (role == null || !role.isTextual() || role.asText().isBlank() || content == null || !content.isTextual()) {
                throw new BadRowException("column '" + column + "' has a message without a text \"role\" and \"content\": " + message);
            }
            messages.add(new ChatMessage(role.asText(), content.asText()));
        }
        return messages;
    }

    /** The answer column read in its format; else the last \boxed{} of the solution; else null. */
    private String answer(RowFields fields, Optional<Cell> solution) {
        Optional<Cell> answerCell = fields.first(mapping.answer());
        if (answerCell.isPresent()) {
            String answer = mapping.answerFormat().extract(RowFields.scalarText(answerCell.get()));
            if (answer == null) {
                throw new BadRowException("column '" + answerCell.get().column() + "' has " + mapping.answerFormat().whatIsMissing());
            }
            return answer;
        }
        if (solution.isPresent() && mapping.tests().isEmpty()) {
            String answer = ReferenceAnswers.lastBoxed(RowFields.scalarText(solution.get()));
            if (answer == null) {
                throw new BadRowException("no answer column " + mapping.answer() + " and no complete \\boxed{...} in column '"
                        + solution.get().column() + "'");
            }
            return answer;
        }
        return null;
    }

    private CodeTestParser.ParsedTests tests(RowFields fields) {
        Optional<Cell> testsCell = fields.first(mapping.tests());
        String functionName = fields.first(mapping.functionName()).map(RowFields::scalarText).map(String::strip).orElse(null);
        if (testsCell.isEmpty()) {
            return new CodeTestParser.ParsedTests(List.<CodeTest>of(), null);
        }
        Cell cell = testsCell.get();
        return CodeTestParser.parse(cell.column(), RowFields.structured(cell), functionName);
    }

    private String nothingToCheck(RowFields fields) {
        if (!mapping.tests().isEmpty()) {
            return "no tests: none of the columns " + mapping.tests() + " holds any"
                    + (mapping.answer().isEmpty() ? "" : ", and no answer in " + mapping.answer());
        }
        return "empty answer: none of the columns " + both(mapping.answer(), mapping.solution()) + " has a value";
    }

    private Map<String, Object> metadata(RowFields fields, Optional<Cell> solution) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (String column : mapping.metadata()) {
            fields.cell(column).ifPresent(cell -> metadata.put(column, RowFields.toJava(cell.value())));
        }
        solution.filter(cell -> cell.value().isTextual()).ifPresent(cell -> metadata.put("solution", cell.value().asText()));
        return metadata;
    }

    private static List<String> both(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
