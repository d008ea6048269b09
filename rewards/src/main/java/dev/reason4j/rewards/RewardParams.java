package dev.reason4j.rewards;

import dev.reason4j.core.Reason4jException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Typed reading of one reward's parameters as a YAML parser hands them over (numbers, booleans,
 * strings). Every error names the reward, the key and what to write instead.
 *
 * <pre>{@code
 * RewardParams p = new RewardParams("cosine", Map.of("max_length", 512));
 * int maxLength = p.integer("max_length", 1000);   // 512
 * double zero = p.number("correct_at_zero", 1.0);  // 1.0 (absent: the default)
 * }</pre>
 */
public final class RewardParams {
    private final String reward;
    private final Map<String, Object> values;

    public RewardParams(String reward, Map<String, Object> values) {
        this.reward = reward;
        this.values = values == null ? Map.of() : values;
    }

    /** A real number, or {@code fallback} when the key is absent. */
    public double number(String key, double fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw bad(key, v, "a finite number, e.g. " + fallback);
        }
        return n.doubleValue();
    }

    /** A whole number, or {@code fallback} when the key is absent. */
    public int integer(String key, int fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
            throw bad(key, v, "a whole number, e.g. " + fallback);
        }
        return n.intValue();
    }

    /** {@code true} or {@code false}, or {@code fallback} when the key is absent. */
    public boolean flag(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw bad(key, v, "true or false");
        }
        return b;
    }

    /** A string, or {@code fallback} when the key is absent; a null fallback makes the key required. */
    public String text(String key, String fallback) {
        Object v = values.get(key);
        if (v == null) {
            if (fallback == null) {
                throw new Reason4jException("reward '" + reward + "' needs the parameter '" + key + "'; add it under params");
            }
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw bad(key, v, "a string");
        }
        return s;
    }

    /** One of the constants of {@code type}, written in lower case ({@code all_pass} for {@code ALL_PASS}). */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(String.valueOf(v).strip().toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw bad(key, v, "one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    private Reason4jException bad(String key, Object value, String expected) {
        String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return new Reason4jException("reward '" + reward + "': parameter '" + key + "' must be " + expected + ", got " + shown);
    }
}
