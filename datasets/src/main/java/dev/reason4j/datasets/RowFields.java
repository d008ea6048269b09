package dev.reason4j.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.datasets.formats.Json;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Column look-up in one row: candidates in order, exact name first, then ignoring case. */
final class RowFields {
    /** A column that holds a value. */
    record Cell(String column, JsonNode value) {
    }

    private final ObjectNode fields;

    RowFields(ObjectNode fields) {
        this.fields = fields;
    }

    /** The first candidate column present with a value that is not null and not a blank string. */
    Optional<Cell> first(List<String> candidates) {
        for (String candidate : candidates) {
            Optional<Cell> cell = cell(candidate);
            if (cell.isPresent()) {
                return cell;
            }
        }
        return Optional.empty();
    }

    /** The named column, if present with a value. */
    Optional<Cell> cell(String column) {
        JsonNode value = fields.get(column);
        if (value == null) {
            for (Map.Entry<String, JsonNode> field : fields.properties()) {
                if (field.getKey().strip().equalsIgnoreCase(column)) {
                    value = field.getValue();
                    break;
                }
            }
        }
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(new Cell(column, value));
    }

    /** A scalar as text: strings as they are, numbers as written ({@code 33}, {@code 2.50}). */
    static String scalarText(Cell cell) {
        JsonNode value = cell.value();
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        throw new BadRowException("column '" + cell.column() + "' should be text or a number, found " + Json.typeOf(value));
    }

    /** A structured value, or the JSON a string cell holds (CSV cells, APPS's {@code input_output}). */
    static JsonNode structured(Cell cell) {
        JsonNode value = cell.value();
        if (!value.isTextual()) {
            return value;
        }
        try {
            return Json.MAPPER.readTree(value.asText());
        } catch (JsonProcessingException e) {
            throw new BadRowException("column '" + cell.column() + "' holds a string that is not valid JSON: " + Json.describe(e));
        }
    }

    /** A JSON value as plain Java (String, Number, Boolean, List, Map) for metadata. */
    static Object toJava(JsonNode value) {
        return Json.MAPPER.convertValue(value, Object.class);
    }
}
