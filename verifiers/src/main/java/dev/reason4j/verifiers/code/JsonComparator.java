package dev.reason4j.verifiers.code;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares a call-based test's result with the expected value as JSON trees: same node types
 * (a boolean is not a number), arrays element by element in order, objects by key regardless of
 * key order, strings exactly, numbers under {@link Tolerance#matches} (an expected integer exactly).
 */
public final class JsonComparator {

    private static final int SHOWN_CHARS = 60;

    private final Tolerance tolerance;

    public JsonComparator(Tolerance tolerance) {
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    /** Empty when the values match; otherwise where they first differ, as a JSON-pointer-like path. */
    public Optional<String> difference(JsonNode expected, JsonNode actual) {
        return difference("$", expected, actual);
    }

    private Optional<String> difference(String path, JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return numbersMatch(expected, actual) ? Optional.empty() : mismatch(path, expected, actual);
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            return mismatch(path, expected, actual);
        }
        if (expected.isArray()) {
            return arrayDifference(path, expected, actual);
        }
        if (expected.isObject()) {
            return objectDifference(path, expected, actual);
        }
        return expected.equals(actual) ? Optional.empty() : mismatch(path, expected, actual);
    }

    private Optional<String> arrayDifference(String path, JsonNode expected, JsonNode actual) {
        if (expected.size() != actual.size()) {
            return Optional.of(path + ": expected " + expected.size() + " element(s), got " + actual.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            Optional<String> diff = difference(path + "[" + i + "]", expected.get(i), actual.get(i));
            if (diff.isPresent()) {
                return diff;
            }
        }
        return Optional.empty();
    }

    private Optional<String> objectDifference(String path, JsonNode expected, JsonNode actual) {
        if (expected.size() != actual.size()) {
            return Optional.of(path + ": expected " + expected.size() + " key(s), got " + actual.size());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode other = actual.get(field.getKey());
            if (other == null) {
                return Optional.of(path + ": missing key '" + field.getKey() + "'");
            }
            Optional<String> diff = difference(path + "." + field.getKey(), field.getValue(), other);
            if (diff.isPresent()) {
                return diff;
            }
        }
        return Optional.empty();
    }

    private boolean numbersMatch(JsonNode expected, JsonNode actual) {
        boolean finite = isFinite(expected) && isFinite(actual);
        if (!finite) {
            return tolerance.close(expected.doubleValue(), actual.doubleValue());
        }
        return tolerance.matches(expected.decimalValue(), expected.isIntegralNumber(), actual.decimalValue());
    }

    private static boolean isFinite(JsonNode number) {
        return number.isIntegralNumber() || number.isBigDecimal() || Double.isFinite(number.doubleValue());
    }

    private static Optional<String> mismatch(String path, JsonNode expected, JsonNode actual) {
        return Optional.of(path + ": expected " + shown(expected) + ", got " + shown(actual));
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "…";
    }
}
