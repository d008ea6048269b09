package dev.reason4j.rewards;

import dev.reason4j.core.Reason4jException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a config's reward list, as YAML writes it:
 *
 * <pre>
 * rewards:
 *   - name: accuracy
 *     weight: 1.0
 *   - name: format
 *     weight: 0.5
 *     params: {think_opened_in_prompt: true}
 * </pre>
 *
 * @param name   a built-in's name or a custom {@link RewardFactory}'s
 * @param weight its factor in the total (see {@link RewardCombination})
 * @param params the reward's parameters; empty for its defaults
 */
public record RewardSpec(String name, double weight, Map<String, Object> params) {
    private static final Set<String> KEYS = Set.of("name", "weight", "params");

    public RewardSpec {
        if (name == null || name.isBlank()) {
            throw new Reason4jException("a reward entry has no name: write e.g. {name: accuracy, weight: 1.0}");
        }
        if (!Double.isFinite(weight)) {
            throw new Reason4jException("reward '" + name + "': weight must be a finite number, got " + weight);
        }
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        params.forEach((key, value) -> {
            if (value == null) {
                throw new Reason4jException("reward '" + name + "': parameter '" + key + "' has no value; give one or remove the key");
            }
        });
    }

    public static RewardSpec of(String name, double weight) {
        return new RewardSpec(name, weight, Map.of());
    }

    /** Reads {@code {name, weight (default 1.0), params (optional map)}} as a YAML parser hands it over; other keys are errors. */
    public static RewardSpec fromMap(Map<String, Object> entry) {
        Objects.requireNonNull(entry, "entry");
        for (String key : entry.keySet()) {
            if (!KEYS.contains(key)) {
                throw new Reason4jException("a reward entry has the key '" + key + "'; an entry takes name, weight and params"
                        + " (a reward's own settings go under params)");
            }
        }
        Object name = entry.get("name");
        if (!(name instanceof String n)) {
            throw new Reason4jException("a reward entry needs a name (a string), got " + name);
        }
        Object weight = entry.getOrDefault("weight", 1.0);
        if (!(weight instanceof Number w)) {
            throw new Reason4jException("reward '" + n + "': weight must be a number, got " + weight);
        }
        Object params = entry.get("params");
        if (params != null && !(params instanceof Map<?, ?>)) {
            throw new Reason4jException("reward '" + n + "': params must be a map of key: value, got " + params);
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        if (params != null) {
            ((Map<?, ?>) params).forEach((k, v) -> typed.put(String.valueOf(k), v));
        }
        return new RewardSpec(n, w.doubleValue(), typed);
    }
}
