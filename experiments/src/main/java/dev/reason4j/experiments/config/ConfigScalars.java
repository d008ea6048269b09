package dev.reason4j.experiments.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

/** Reads one scalar config value as the Java type its record component declares. */
final class ConfigScalars {
    private ConfigScalars() {
    }

    /** The value, or null after adding an error naming the expected type. */
    static Object bind(Class<?> type, YamlNode node, String path, List<ConfigError> errors) {
        if (node.kind() != YamlNode.Kind.SCALAR) {
            return fail(node, path, "must be " + ConfigTypes.describe(type) + ", got " + node.describe(), errors);
        }
        if (type == String.class) {
            return node.text();
        }
        if (type == Path.class) {
            return node.text().isBlank() ? fail(node, path, "must be a file path, got an empty string", errors) : Path.of(node.text());
        }
        if (type == boolean.class || type == Boolean.class) {
            return node.value() instanceof Boolean b ? b : fail(node, path, "must be true or false, got " + node.describe(), errors);
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return whole(type, node, path, errors);
        }
        if (type == double.class || type == Double.class) {
            Double d = number(node);
            return d != null && Double.isFinite(d) ? d : fail(node, path, "must be a number, got " + node.describe(), errors);
        }
        if (type.isEnum()) {
            return constant(type, node, path, errors);
        }
        throw new IllegalStateException("unsupported config type " + type + " at " + path);
    }

    private static Object whole(Class<?> type, YamlNode node, String path, List<ConfigError> errors) {
        BigInteger value = null;
        Double d = number(node);
        if (node.value() instanceof Integer || node.value() instanceof Long || node.value() instanceof BigInteger) {
            value = new BigInteger(node.value().toString());
        } else if (d != null && Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9e15) {
            value = BigDecimal.valueOf(d).toBigInteger(); // 1e3, or "1000" quoted
        }
        if (value == null) {
            return fail(node, path, "must be a whole number, got " + node.describe(), errors);
        }
        boolean isInt = type == int.class || type == Integer.class;
        BigInteger max = BigInteger.valueOf(isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
        BigInteger min = BigInteger.valueOf(isInt ? Integer.MIN_VALUE : Long.MIN_VALUE);
        if (value.compareTo(max) > 0 || value.compareTo(min) < 0) {
            return fail(node, path, "is out of range: " + node.text() + " does not fit in " + (isInt ? "32" : "64") + " bits", errors);
        }
        return isInt ? (Object) value.intValue() : (Object) value.longValue();
    }

    /** A number written as a number, or as a string that reads as one (PyYAML writes 1e-6 as a string). */
    private static Double number(YamlNode node) {
        if (node.value() instanceof Number n) {
            return n.doubleValue();
        }
        if (node.value() instanceof String s) {
            try {
                return Double.parseDouble(s.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Object constant(Class<?> type, YamlNode node, String path, List<ConfigError> errors) {
        String given = node.text().strip();
        for (Object c : type.getEnumConstants()) {
            if (ConfigNames.of((Enum<?>) c).equalsIgnoreCase(given)) {
                return c;
            }
        }
        List<String> valid = ConfigNames.all(type);
        String hint = Suggestions.closest(given, valid).map(s -> "did you mean '" + s + "'? ").orElse("");
        return fail(node, path, "unknown value " + node.describe() + "; " + hint + "use one of " + String.join(", ", valid), errors);
    }

    /** Adds an error when {@code value} is outside {@code range}. */
    static void checkRange(Range range, double value, YamlNode node, String path, List<ConfigError> errors) {
        boolean low = range.minExclusive() ? value <= range.min() : value < range.min();
        boolean high = range.maxExclusive() ? value >= range.max() : value > range.max();
        if (low || high) {
            errors.add(new ConfigError(node.location(), path, "is out of range: " + node.text() + "; it must be " + describe(range)));
        }
    }

    /** "in [0, 1)", "≥ 1", "> 0"… */
    static String describe(Range r) {
        boolean hasMin = r.min() != Double.NEGATIVE_INFINITY;
        boolean hasMax = r.max() != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax) {
            return "in " + (r.minExclusive() ? "(" : "[") + format(r.min()) + ", " + format(r.max()) + (r.maxExclusive() ? ")" : "]");
        }
        if (hasMin) {
            return (r.minExclusive() ? "> " : "≥ ") + format(r.min());
        }
        return (r.maxExclusive() ? "< " : "≤ ") + format(r.max());
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Object fail(YamlNode node, String path, String message, List<ConfigError> errors) {
        errors.add(new ConfigError(node.location(), path, message));
        return null;
    }
}
