package dev.reason4j.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.core.CodeTest;
import dev.reason4j.datasets.formats.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Code tests as public code sets store them. APPS and TACO: {@code {"inputs": [...], "outputs": [...]}}
 * with an optional {@code "fn_name"} that makes them call-based (each input is then the argument list).
 * Others: a list of {@code {"input": ..., "output": ...}}. Expected outputs are kept as the dataset gives
 * them; how loosely to compare is the code verifier's decision.
 */
final class CodeTestParser {
    /** Tests and the function they call (null for stdin/stdout tests). */
    record ParsedTests(List<CodeTest> tests, String functionName) {
    }

    private CodeTestParser() {
    }

    /**
     * @param column       the column name, for messages
     * @param value        the parsed JSON of the tests column
     * @param functionName the function name from its own column, or null to use the tests' {@code fn_name}
     */
    static ParsedTests parse(String column, JsonNode value, String functionName) {
        if (value.isObject()) {
            JsonNode fnName = value.get("fn_name");
            String name = functionName != null ? functionName
                    : fnName != null && fnName.isTextual() && !fnName.asText().isBlank() ? fnName.asText() : null;
            JsonNode inputs = value.get("inputs");
            JsonNode outputs = value.get("outputs");
            if (inputs == null || !inputs.isArray() || outputs == null || !outputs.isArray()) {
                throw new BadRowException("column '" + column + "' should hold {\"inputs\": [...], \"outputs\": [...]}");
            }
            if (inputs.size() != outputs.size()) {
                throw new BadRowException("column '" + column + "' has " + inputs.size() + " inputs but "
                        + outputs.size() + " outputs; they pair up one to one");
            }
            List<CodeTest> tests = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                tests.add(test(column, inputs.get(i), outputs.get(i), name));
            }
            return new ParsedTests(tests, name);
        }
        if (value.isArray()) {
            List<CodeTest> tests = new ArrayList<>();
            for (JsonNode test : value) {
                if (!test.isObject() || !test.has("input") || !test.has("output")) {
                    throw new BadRowException("column '" + column + "' should be a list of {\"input\": ..., \"output\": ...}, found an element "
                            + Json.typeOf(test) + (test.isObject() ? " with keys " + fieldNames(test) : ""));
                }
                tests.add(test(column, test.get("input"), test.get("output"), functionName));
            }
            return new ParsedTests(tests, functionName);
        }
        throw new BadRowException("column '" + column + "' should hold tests as an object or a list, found " + Json.typeOf(value));
    }

    private static CodeTest test(String column, JsonNode input, JsonNode output, String functionName) {
        if (functionName != null) {
            String args = input.isArray() ? json(input) : "[" + json(input) + "]";
            return CodeTest.call(args, json(output));
        }
        return CodeTest.stdio(text(column, input), text(column, output));
    }

    /** Stdin/stdout as text; a list of lines (as some APPS rows store them) is joined with newlines. */
    private static String text(String column, JsonNode node) {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> lines = new ArrayList<>();
            node.forEach(line -> lines.add(text(column, line)));
            return String.join("\n", lines);
        }
        throw new BadRowException("column '" + column + "' has a stdin/stdout test that is " + Json.typeOf(node)
                + "; stdin/stdout tests are text (or a list of lines); give fn_name for call-based tests");
    }

    private static String json(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON value did not serialize", e);
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
